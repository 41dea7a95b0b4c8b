/**
 * RFC 7644 §3.5.2 PatchOp: the body, its value checks, and Users (Groups: groupPatch.ts).
 * Operations apply in order to a draft; any error throws before the caller stores the draft, so a
 * PATCH is atomic.
 */
import { ScimFailure } from '../errors';
import { ROLES, type Behaviours, type MemberState, type Role } from '../types';

const PATCH_OP_URN = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const NOTION_USER_URN = 'urn:ietf:params:scim:schemas:extension:notion:2.0:User';
export const ENTERPRISE_USER_URN = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/** Attributes Notion accepts on writes but does not echo (help:scim mapping table). */
const ACCEPTED_NOT_ECHOED = new Set([
	'title',
	'phonenumbers',
	'addresses',
	'roles',
	'locale',
	'preferredlanguage',
	'usertype',
	'photos',
	'externalid',
	'nickname',
	'profileurl',
	'timezone',
]);

/** What every member has: removing it is a mutability error. */
const REQUIRED_USER_PATHS = new Set(
	[
		'active',
		'userName',
		'emails',
		'displayName',
		'name',
		'name.formatted',
		'id',
		'meta',
		'schemas',
		NOTION_USER_URN,
		`${NOTION_USER_URN}:role`,
	].map((p) => p.toLowerCase()),
);

export interface PatchOperation {
	op: 'add' | 'replace' | 'remove';
	path?: string;
	value?: unknown;
}

export function parsePatchBody(body: unknown): PatchOperation[] {
	const b = body as { schemas?: unknown; Operations?: unknown } | null;
	if (
		typeof b !== 'object' ||
		b === null ||
		!Array.isArray(b.schemas) ||
		!b.schemas.includes(PATCH_OP_URN)
	) {
		throw new ScimFailure(
			400,
			`A PATCH body must be a PatchOp (schemas: ["${PATCH_OP_URN}"])`,
			'invalidSyntax',
		);
	}
	if (!Array.isArray(b.Operations) || b.Operations.length === 0) {
		throw new ScimFailure(400, 'Operations must be a non-empty array', 'invalidSyntax');
	}
	return b.Operations.map((raw: unknown) => {
		const o = raw as { op?: unknown; path?: unknown; value?: unknown } | null;
		const op = typeof o?.op === 'string' ? o.op.toLowerCase() : undefined;
		if (op !== 'add' && op !== 'replace' && op !== 'remove') {
			throw new ScimFailure(400, `Unsupported op: ${String(o?.op)}`, 'invalidSyntax');
		}
		if (o?.path !== undefined && typeof o.path !== 'string') {
			throw new ScimFailure(400, 'path must be a string', 'invalidPath');
		}
		if (op === 'remove' && !o?.path) throw new ScimFailure(400, 'remove needs a path', 'noTarget');
		if (op !== 'remove' && o?.value === undefined) {
			throw new ScimFailure(400, `${op} needs a value`, 'invalidValue');
		}
		return { op, path: o?.path as string | undefined, value: o?.value };
	});
}

export function isObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function invalidValue(what: string): never {
	throw new ScimFailure(400, `Invalid value for ${what}`, 'invalidValue');
}

export function str(v: unknown, what: string): string {
	if (typeof v !== 'string' || v.trim() === '') invalidValue(what);
	return v;
}

function email(v: unknown, what: string): string {
	const s = str(v, what);
	if (!/^[^@\s]+@[^@\s]+$/.test(s)) invalidValue(what);
	return s.toLowerCase();
}

/** Booleans, or Entra's "True"/"False" strings. */
function bool(v: unknown, what: string): boolean {
	if (typeof v === 'boolean') return v;
	if (typeof v === 'string' && /^(true|false)$/i.test(v)) return v.toLowerCase() === 'true';
	return invalidValue(what);
}

export function role(v: unknown): Role {
	if (!ROLES.includes(v as Role)) invalidValue(`role (one of ${ROLES.join(', ')})`);
	return v as Role;
}

/** The primary email of an `emails` array, else the first one. */
export function primaryEmail(v: unknown): string {
	if (!Array.isArray(v) || v.length === 0) invalidValue('emails');
	const entry = (v.find((e) => isObject(e) && e.primary === true) ?? v[0]) as unknown;
	return email(isObject(entry) ? entry.value : undefined, 'emails.value');
}

/**
 * What a SCIM write may set on a member: its state but for the id and the hidden role, and (on a
 * server with separate names) a displayName of its own.
 */
export type UserDraft = Omit<MemberState, 'id' | 'roleHidden'> & { displayName?: string };

/**
 * Notion keeps a single name: given/family names without a formatted one make it up. A server
 * with separate names changes only what was written.
 */
function setNameParts(draft: UserDraft, parts: Record<string, unknown>, behaviours: Behaviours): void {
	const keys = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k.toLowerCase(), v]));
	if (keys.givenname !== undefined) draft.givenName = str(keys.givenname, 'name.givenName');
	if (keys.familyname !== undefined) draft.familyName = str(keys.familyname, 'name.familyName');
	if (keys.formatted !== undefined) draft.name = str(keys.formatted, 'name.formatted');
	else if (
		behaviours.scimNames === 'single' &&
		(keys.givenname !== undefined || keys.familyname !== undefined)
	) {
		draft.name = [draft.givenName, draft.familyName].filter(Boolean).join(' ');
	}
}

/** Writes one user attribute (add and replace mean the same for single-valued attributes). */
export function setUserAttribute(
	draft: UserDraft,
	path: string,
	value: unknown,
	behaviours: Behaviours,
): void {
	const p = path.toLowerCase();
	const notion = NOTION_USER_URN.toLowerCase();
	if (p === 'active') draft.active = bool(value, 'active');
	else if (p === 'username') draft.email = email(value, 'userName');
	else if (p === 'emails') draft.email = primaryEmail(value);
	else if (p === 'displayname') {
		if (behaviours.scimNames === 'separate') draft.displayName = str(value, 'displayName');
		else draft.name = str(value, 'displayName');
	} else if (p === 'name') {
		if (!isObject(value)) invalidValue('name');
		setNameParts(draft, value, behaviours);
	} else if (p.startsWith('name.')) setNameParts(draft, { [p.slice(5)]: value }, behaviours);
	else if ((p === notion || p.startsWith(`${notion}:`)) && !behaviours.notionRoleExtension) {
		throw new ScimFailure(400, `Unknown schema extension in path: ${path}`, 'invalidPath');
	} else if (p === notion) {
		if (!isObject(value)) invalidValue(NOTION_USER_URN);
		if (value.role !== undefined) draft.role = role(value.role);
	} else if (p === `${notion}:role`) {
		if (!behaviours.roleUrnPath)
			throw new ScimFailure(400, `Unsupported path: ${path}`, 'invalidPath');
		draft.role = role(value);
	} else if (p === 'id' || p === 'meta' || p.startsWith('meta.') || p === 'schemas') {
		throw new ScimFailure(400, `${path} is read-only`, 'mutability');
	} else if (!acceptedNotEchoed(p)) {
		throw new ScimFailure(400, `Unsupported path: ${path}`, 'invalidPath');
	}
}

function acceptedNotEchoed(lowerPath: string): boolean {
	return (
		ACCEPTED_NOT_ECHOED.has(lowerPath.split(/[.[]/)[0]) ||
		lowerPath.startsWith(ENTERPRISE_USER_URN.toLowerCase())
	);
}

export function applyUserPatch(
	current: UserDraft,
	ops: PatchOperation[],
	behaviours: Behaviours,
): UserDraft {
	const draft = { ...current };
	for (const { op, path, value } of ops) {
		if (op === 'remove') {
			const p = (path as string).toLowerCase();
			if (p === 'name.givenname') draft.givenName = undefined;
			else if (p === 'name.familyname') draft.familyName = undefined;
			else if (REQUIRED_USER_PATHS.has(p) || p.startsWith('meta.')) {
				throw new ScimFailure(400, `${String(path)} cannot be removed`, 'mutability');
			} else if (!acceptedNotEchoed(p)) {
				throw new ScimFailure(400, `Unsupported path: ${String(path)}`, 'invalidPath');
			}
		} else if (path !== undefined) {
			setUserAttribute(draft, path, value, behaviours);
		} else {
			if (!isObject(value)) invalidValue('the operation (an object is needed without a path)');
			for (const [key, v] of Object.entries(value)) {
				if (key !== 'schemas') setUserAttribute(draft, key, v, behaviours);
			}
		}
	}
	return draft;
}
