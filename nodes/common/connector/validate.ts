/**
 * Input checks done before any request, so a typo costs no API call and says which field is
 * wrong. Ids are normalized to Notion's dashed lower-case form (Notion accepts either, SCIM
 * paths want the dashes).
 */
import { NotionAdminError } from './errors';
import { quoteValue } from './redact';
import { WRITABLE_ROLES, type MemberChanges, type NewMember, type WritableRole } from './model';

const DASHED_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BARE_UUID = /^[0-9a-f]{32}$/i;
/** Deliberately loose (Notion decides what it accepts), but rejects what cannot be an address. */
const EMAIL = /^[^\s@<>()[\]",;:\\]+@[^\s@<>()[\]",;:\\]+\.[^\s@<>()[\]",;:\\]+$/;

/** The dashed lower-case id, or undefined if `value` is no UUID. */
export function normalizeId(value: string): string | undefined {
	const trimmed = value.trim();
	if (DASHED_UUID.test(trimmed)) return trimmed.toLowerCase();
	if (!BARE_UUID.test(trimmed)) return undefined;
	const hex = trimmed.toLowerCase();
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function invalid(field: string, message: string, hint: string): NotionAdminError {
	return new NotionAdminError('invalid_input', message, hint, { field });
}

export function requireId(value: unknown, field = 'id'): string {
	const id = typeof value === 'string' ? normalizeId(value) : undefined;
	if (id === undefined) {
		throw invalid(
			field,
			`${quoteValue(value)} is not a Notion id`,
			'Use the 32-character id (with or without dashes) of the member or group, e.g. from a Get Many',
		);
	}
	return id;
}

export function requireIds(values: unknown, field: string): string[] {
	if (!Array.isArray(values)) throw invalid(field, 'Expected a list of ids', 'Give one or more member ids');
	return [...new Set(values.map((value) => requireId(value, field)))];
}

/**
 * Characters that cannot be seen or that reorder what is shown: control characters, format
 * characters (zero-width spaces and joiners, direction marks and overrides, the BOM, the soft
 * hyphen) and line separators. An address holding one looks like a real one but is another
 * account (`gr\u200bace@` is not `grace@`).
 */
const HIDDEN_IN_EMAIL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
/**
 * In names, control characters, line separators and direction controls (which can make a name
 * read backwards). Zero-width joiners stay allowed: emoji and some scripts need them.
 */
const HIDDEN_IN_NAME = /[\p{Cc}\p{Zl}\p{Zp}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/** RFC 5321 §4.5.3.1: a local part of at most 64 octets, a path of 256 (so 254 for the address). */
const MAX_LOCAL_PART_OCTETS = 64;
const MAX_EMAIL_OCTETS = 254;

/** UTF-8 length, which is what the RFC counts (an internationalized address takes more octets than characters). */
function octets(text: string): number {
	let length = 0;
	for (const char of text) {
		const code = char.codePointAt(0) ?? 0;
		length += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
	}
	return length;
}

/**
 * Throws if `text` holds a character `pattern` refuses. The value is not quoted: shown, the
 * character would do to the message what it did to the value. Its code point is named instead.
 */
function refuseHidden(text: string, pattern: RegExp, field: string, what: string, hint: string): void {
	const match = pattern.exec(text);
	if (match === null) return;
	const code = (match[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
	const position = [...text.slice(0, match.index)].length + 1;
	throw invalid(field, `The ${field} contains ${what} (U+${code}, character ${position})`, hint);
}

export function requireEmail(value: unknown, field = 'email'): string {
	const email = typeof value === 'string' ? value.trim() : '';
	refuseHidden(
		email,
		HIDDEN_IN_EMAIL,
		field,
		'an invisible or control character',
		'Remove zero-width, direction and control characters: type the address, or copy it from plain text',
	);
	if (!EMAIL.test(email)) {
		throw invalid(field, `${quoteValue(value)} is not an email address`, 'Use an address like ada@example.com');
	}
	const local = email.slice(0, email.lastIndexOf('@'));
	if (octets(local) > MAX_LOCAL_PART_OCTETS || octets(email) > MAX_EMAIL_OCTETS) {
		throw invalid(
			field,
			`The ${field} is too long: ${octets(local)} octets before the @, ${octets(email)} in all`,
			`An address may have at most ${MAX_LOCAL_PART_OCTETS} octets before the @ and ${MAX_EMAIL_OCTETS} in all (RFC 5321)`,
		);
	}
	return email;
}

/**
 * Notion documents no limit on names; this one is far above any real name and keeps a name
 * that ends up in a SCIM filter well inside a URL's length, so a runaway value is refused here
 * instead of failing as a connection error.
 */
const MAX_NAME_LENGTH = 1000;

export function requireName(value: unknown, field: string): string {
	const name = typeof value === 'string' ? value.trim() : '';
	if (name === '') throw invalid(field, `The ${field} is empty`, `Give a non-empty ${field}`);
	refuseHidden(
		name,
		HIDDEN_IN_NAME,
		field,
		'a control or text-direction character',
		'Remove line breaks, tabs, control characters and direction marks or overrides from it',
	);
	if (name.length > MAX_NAME_LENGTH) {
		throw invalid(
			field,
			`The ${field} is ${name.length} characters long`,
			`Give a ${field} of at most ${MAX_NAME_LENGTH} characters`,
		);
	}
	return name;
}

export function requireRole(value: unknown, field = 'role'): WritableRole {
	if ((WRITABLE_ROLES as readonly unknown[]).includes(value)) return value as WritableRole;
	throw invalid(field, `${quoteValue(value)} is not a Notion workspace role`, `Use one of: ${WRITABLE_ROLES.join(', ')}`);
}

export function checkNewMember(input: NewMember): NewMember {
	const checked: NewMember = { email: requireEmail(input.email) };
	if (input.name !== undefined) checked.name = requireName(input.name, 'name');
	if (input.givenName !== undefined) checked.givenName = requireName(input.givenName, 'givenName');
	if (input.familyName !== undefined) checked.familyName = requireName(input.familyName, 'familyName');
	if (input.role !== undefined) checked.role = requireRole(input.role);
	return checked;
}

export function checkMemberChanges(changes: MemberChanges): MemberChanges {
	const checked: MemberChanges = {};
	if (changes.email !== undefined) checked.email = requireEmail(changes.email);
	if (changes.name !== undefined) checked.name = requireName(changes.name, 'name');
	if (changes.givenName !== undefined) checked.givenName = requireName(changes.givenName, 'givenName');
	if (changes.familyName !== undefined) checked.familyName = requireName(changes.familyName, 'familyName');
	if (changes.role !== undefined) checked.role = requireRole(changes.role);
	if (changes.active !== undefined) {
		if (typeof changes.active !== 'boolean') throw invalid('active', 'Active must be true or false', 'Use true or false');
		checked.active = changes.active;
	}
	if (Object.keys(checked).length === 0) {
		throw invalid('changes', 'Nothing to change', 'Give at least one of email, name, given name, family name, active, role');
	}
	return checked;
}
