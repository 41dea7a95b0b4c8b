/**
 * The trigger's stored baseline: one short text record per member, so that a 100,000-member
 * workspace stays under 64 bytes per member in n8n's static data.
 *
 * A record keeps what the events need to report before/after values cheaply: the member's kind
 * (person active / deactivated / status unknown, or bot), role, email (local part plus an index
 * into a shared domain table) and only a 36-bit hash of the name fields. A rename is therefore
 * detected but its old value is not kept (docs/trigger.md: "State size").
 *
 * Record layout (fields separated by ';', records by ','):
 *   <id>;<kind><role><name hash x6>;<domain index, base 36, empty when no email>;<email local part>
 * <id> is 22 base64url characters for a canonical UUID, else '~' + encodeURIComponent(id).
 * Every variable part is base64url or encodeURIComponent output, so neither separator nor any
 * character that JSON must escape can occur inside a field.
 */
import type { Member, Role, Source } from '../common/connector/model';
import { BASELINE_VERSION, isStoredBaseline } from './storedShapes';

export type Kind = 'active' | 'deactivated' | 'status_unknown' | 'bot';

/** What the baseline remembers of one member. */
export interface StoredMember {
	kind: Kind;
	role: Role;
	/** Hash of name, given and family name; `null` when the source showed none of them. */
	nameHash: string | null;
	email: string | null;
}

export interface Baseline {
	/** Which source the last committed listing came from. */
	source: Source;
	/** Whether that source lists bots and deactivated members (decides what a later source change hides). */
	seesBots: boolean;
	seesDeactivated: boolean;
	/** Keyed by encoded id (see `encodeId`): lookups need no decoding. */
	members: Map<string, StoredMember>;
}

/** The JSON-serialisable form kept in `getWorkflowStaticData('node')`. */
export interface StoredBaseline extends StoredRecords {
	v: typeof BASELINE_VERSION;
	/** Members of the complete listing the baseline came from (v2): what a collapse is measured against. */
	listed: number;
	/** Identity of the watched workspace (the API credential); another one means a new baseline. */
	scope: string;
	source: Source;
	seesBots: boolean;
	seesDeactivated: boolean;
	committedAt: string;
}

const KIND_CODE: Record<Kind, string> = {
	active: 'A',
	deactivated: 'D',
	status_unknown: 'U',
	bot: 'B',
};
const ROLE_CODE: Record<Role, string> = {
	owner: 'o',
	membership_admin: 'a',
	member: 'm',
	restricted_member: 'r',
	unknown: 'u',
};
const KIND_BY_CODE = invert(KIND_CODE);
const ROLE_BY_CODE = invert(ROLE_CODE);
const NO_HASH = '......';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64_VALUE: number[] = [];
for (let index = 0; index < B64.length; index++) B64_VALUE[B64.charCodeAt(index)] = index;
const B64_CODE = Array.from(B64, (char) => char.charCodeAt(0));
/** The character codes of one packed UUID, reused by every `encodeId` call (it is synchronous). */
const packed: number[] = new Array<number>(22).fill(0);
/** Every 12-bit value as 3 hex digits. */
const HEX3 = Array.from({ length: 4096 }, (_, value) => value.toString(16).padStart(3, '0'));

export function kindOf(member: Member): Kind {
	if (member.type === 'bot') return 'bot';
	if (member.active === true) return 'active';
	if (member.active === false) return 'deactivated';
	return 'status_unknown';
}

export function activeOf(kind: Kind): boolean | null {
	if (kind === 'active') return true;
	if (kind === 'deactivated') return false;
	return null;
}

export function nameHashOf(member: Pick<Member, 'name' | 'givenName' | 'familyName'>): string | null {
	if (member.name === null && member.givenName === null && member.familyName === null) return null;
	return hash36(member.name ?? '', member.givenName ?? '', member.familyName ?? '');
}

/**
 * 36 bits of a 53-bit string hash (cyrb53) of the parts joined by NUL, as 6 base64url characters.
 * The parts are hashed where they are instead of being joined first: a poll hashes every
 * listed member's name, and a joined string would be one more allocation per member.
 */
export function hash36(...parts: string[]): string {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let part = 0; part < parts.length; part++) {
		if (part > 0) {
			// The NUL between two parts (char code 0).
			h1 = Math.imul(h1, 2654435761);
			h2 = Math.imul(h2, 1597334677);
		}
		const text = parts[part];
		for (let i = 0; i < text.length; i++) {
			const code = text.charCodeAt(i);
			h1 = Math.imul(h1 ^ code, 2654435761);
			h2 = Math.imul(h2 ^ code, 1597334677);
		}
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	// 18 bits from each half.
	const high = (h2 >>> 0) & 0x3ffff;
	const low = (h1 >>> 0) & 0x3ffff;
	return String.fromCharCode(
		B64_CODE[(high >>> 12) & 63],
		B64_CODE[(high >>> 6) & 63],
		B64_CODE[high & 63],
		B64_CODE[(low >>> 12) & 63],
		B64_CODE[(low >>> 6) & 63],
		B64_CODE[low & 63],
	);
}

/**
 * Runs for every listed member at every poll, so it checks the UUID shape and packs it in one
 * pass of character arithmetic and builds the result once (no regex, no string concatenation).
 */
export function encodeId(id: string): string {
	if (id.length !== 36) return escapedId(id);
	// 32 hex digits (dashes skipped): ten groups of 3 (12 bits = 2 characters), then 2 digits
	// (8 bits = 2 characters).
	let bits = 0;
	let digits = 0;
	let length = 0;
	for (let i = 0; i < 36; i++) {
		const code = id.charCodeAt(i);
		if (i === 8 || i === 13 || i === 18 || i === 23) {
			if (code !== 45) return escapedId(id);
			continue;
		}
		// Lowercase hex only: any other spelling of a UUID is kept as it is, escaped.
		const value = code >= 48 && code <= 57 ? code - 48 : code >= 97 && code <= 102 ? code - 87 : -1;
		if (value < 0) return escapedId(id);
		bits = (bits << 4) | value;
		if (++digits === 3) {
			packed[length++] = B64_CODE[bits >>> 6];
			packed[length++] = B64_CODE[bits & 63];
			bits = 0;
			digits = 0;
		}
	}
	packed[20] = B64_CODE[bits >>> 2];
	packed[21] = B64_CODE[(bits & 3) << 4];
	return String.fromCharCode(...packed);
}

function escapedId(id: string): string {
	return `~${encodeURIComponent(id)}`;
}

export function decodeId(encoded: string): string {
	if (encoded.startsWith('~')) return decodeURIComponent(encoded.slice(1));
	let hex = '';
	for (let i = 0; i < 20; i += 2) {
		const bits = (sextet(encoded, i) << 6) | sextet(encoded, i + 1);
		hex += HEX3[bits];
	}
	const last = (sextet(encoded, 20) << 2) | (sextet(encoded, 21) >>> 4);
	hex += HEX3[last].slice(1);
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function sextet(text: string, index: number): number {
	return B64_VALUE[text.charCodeAt(index)] ?? 0;
}

/** Member records in the stored form: the baseline and a pending listing share it. */
export interface StoredRecords {
	domains: string[];
	records: string;
	count: number;
}

/**
 * The domain entry of an email that ends with "@": the empty entry already means "no @ at all".
 * A domain is what follows the last "@", so no real one is "@".
 */
const AFTER_LAST_AT = '@';

export function encodeRecords(members: ReadonlyMap<string, StoredMember>): StoredRecords {
	const domains: string[] = [];
	const domainIndex = new Map<string, number>();
	const records: string[] = [];
	for (const [id, member] of members) {
		let domainField = '';
		let localField = '';
		if (member.email !== null) {
			const at = member.email.lastIndexOf('@');
			const domain = at < 0 ? '' : member.email.slice(at + 1) || AFTER_LAST_AT;
			let index = domainIndex.get(domain);
			if (index === undefined) {
				index = domains.length;
				domains.push(domain);
				domainIndex.set(domain, index);
			}
			domainField = index.toString(36);
			localField = encodeURIComponent(at < 0 ? member.email : member.email.slice(0, at));
		}
		records.push(
			`${id};${KIND_CODE[member.kind]}${ROLE_CODE[member.role]}${member.nameHash ?? NO_HASH};${domainField};${localField}`,
		);
	}
	return { domains, records: records.join(','), count: records.length };
}

/** `undefined` when a record is not in the shape this version writes. */
export function decodeRecords(stored: Pick<StoredRecords, 'domains' | 'records'>): Map<string, StoredMember> | undefined {
	const members = new Map<string, StoredMember>();
	if (stored.records === '') return members;
	for (const record of stored.records.split(',')) {
		const [id, fixed, domainField, localField] = record.split(';');
		if (localField === undefined || fixed.length !== 8) return undefined;
		const kind = KIND_BY_CODE.get(fixed[0]);
		const role = ROLE_BY_CODE.get(fixed[1]);
		if (kind === undefined || role === undefined) return undefined;
		const nameHash = fixed.slice(2);
		let email: string | null = null;
		if (domainField !== '') {
			const local = decodeURIComponent(localField);
			const domain = stored.domains[parseInt(domainField, 36)];
			email = domain === '' ? local : `${local}@${domain === AFTER_LAST_AT ? '' : domain}`;
		}
		members.set(id, { kind, role, nameHash: nameHash === NO_HASH ? null : nameHash, email });
	}
	return members;
}

export function encodeBaseline(
	baseline: Baseline,
	meta: { scope: string; committedAt: string; listed?: number },
): StoredBaseline {
	return {
		v: BASELINE_VERSION,
		listed: meta.listed ?? baseline.members.size,
		scope: meta.scope,
		source: baseline.source,
		seesBots: baseline.seesBots,
		seesDeactivated: baseline.seesDeactivated,
		...encodeRecords(baseline.members),
		committedAt: meta.committedAt,
	};
}

export type DecodedBaseline = Baseline & { scope: string; committedAt: string; listed: number };

/** `undefined` when the stored value is missing or not in a shape this version wrote. */
export function decodeBaseline(stored: unknown): DecodedBaseline | undefined {
	if (!isStoredBaseline(stored)) return undefined;
	const members = decodeRecords(stored);
	if (members === undefined) return undefined;
	return {
		scope: stored.scope,
		committedAt: typeof stored.committedAt === 'string' ? stored.committedAt : '',
		listed: stored.listed,
		source: stored.source,
		seesBots: stored.seesBots,
		seesDeactivated: stored.seesDeactivated,
		members,
	};
}

function invert<K extends string>(codes: Record<K, string>): Map<string, K> {
	return new Map(Object.entries(codes).map(([key, code]) => [code as string, key as K]));
}
