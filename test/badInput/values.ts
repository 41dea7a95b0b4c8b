/**
 * Bad values by kind of parameter. `rejected` values must give an error naming the item and
 * the field before any request; `accepted` ones are valid if unusual (unicode, quotes,
 * backslashes, long) and must give the correct result; `either` may go one way or the other
 * but never crash or give a wrong result.
 */
export type Kind = 'id' | 'email' | 'name' | 'role' | 'users' | 'optionalUsers' | 'limit' | 'boolean' | 'choice';

export interface Values {
	rejected: unknown[];
	accepted: unknown[];
	either: unknown[];
}

const HUGE = 'x'.repeat(100_000);
const QUOTES = `O'Brien "Bob" \\ Back\\slash`;
const FILTER_INJECTION = 'x" or userName pr or userName eq "y';
const WRONG_TYPES = [null, 42, true, { a: 1 }];
/** Invisible or direction-changing characters: a look-alike of a real address or name. */
const ZERO_WIDTH_EMAIL = 'gr\u200bace@acme.test';
const HIDDEN_EMAILS = [ZERO_WIDTH_EMAIL, 'grace\u200d@acme.test', 'gra\ufeffce@acme.test', 'grace@acme\u2060.test', '\u202egrace@acme.test', 'grace\u200e@acme.test', 'gr\u0000ace@acme.test', 'grace@acme.test\u0007'];
/** RFC 5321: a local part of at most 64 octets, an address of at most 254. */
const LOCAL_64 = `${'l'.repeat(64)}@acme.test`;
const ADDRESS_254 = `ada@${'d'.repeat(63)}.${'e'.repeat(63)}.${'f'.repeat(63)}.${'g'.repeat(53)}.test`;
const TOO_LONG_EMAILS = [`${'l'.repeat(65)}@acme.test`, `${'ü'.repeat(33)}@acme.test`, `a${ADDRESS_254}`, `${'a'.repeat(5000)}@acme.test`];
const HIDDEN_NAMES = ['Grace\n\u202eHopper', '\u202eGrace Hopper', 'Grace\u2066 Hopper\u2069', 'Grace\u200f', 'Grace\u0000Hopper', 'Grace\tHopper', 'Grace\u2028Hopper', 'Grace\u0085'];
const BAD_USERS = [ZERO_WIDTH_EMAIL, `${'l'.repeat(65)}@acme.test`, 'not-an-id', '22222222-2222-4222-8222-222222222222, nope', FILTER_INJECTION, 'back\\slash@acme.test', HUGE, 42, true, { a: 1 }];

export const VALUES: Record<Kind, Values> = {
	id: {
		rejected: ['', '   ', 'not-an-id', '1234', '11111111-1111-4111-8111-11111111111', '😀', QUOTES, `22222222-2222-4222-8222-222222222222" or "1"="1`, HUGE, ...WRONG_TYPES, ['x']],
		accepted: [],
		either: [],
	},
	email: {
		rejected: ['', '   ', 'ada', 'ada@acme', '@acme.test', 'a b@acme.test', FILTER_INJECTION, 'back\\slash@acme.test', `"quoted"@acme.test`, HUGE, ...WRONG_TYPES, ...HIDDEN_EMAILS, ...TOO_LONG_EMAILS],
		accepted: ['zoë.ünal@acme.test', "o'brien+ops@acme.test", LOCAL_64, ADDRESS_254],
		either: [],
	},
	name: {
		rejected: ['', '   ', ...WRONG_TYPES, ...HIDDEN_NAMES],
		accepted: ['Zoë Ünal 李小龍 🚀', 'אדה לאבלייס', 'فاطمه\u200cزاده', '👩‍💻 Grace', QUOTES, 'x" or displayName pr or displayName eq "y', 'n'.repeat(500)],
		either: [HUGE],
	},
	role: {
		rejected: ['', 'admin', 'OWNER', 'guest', 'member"', HUGE, ...WRONG_TYPES],
		accepted: [],
		either: [],
	},
	users: {
		rejected: [' , ', ...BAD_USERS],
		accepted: [],
		either: [],
	},
	/** An optional list: blank means none (Group → Create's members). */
	optionalUsers: {
		rejected: BAD_USERS,
		accepted: [' , '],
		either: [],
	},
	limit: {
		rejected: [0, -1, 1.5, 'abc', '', null, true, HUGE],
		accepted: [],
		either: [],
	},
	boolean: {
		rejected: ['yes', 'false', '', null, 0, 42],
		accepted: [],
		either: [],
	},
	choice: {
		rejected: ['maybe', '', null, 42],
		accepted: [],
		either: [],
	},
};

/** Short, printable, and never the 100,000 characters themselves. */
export function describeValue(value: unknown): string {
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 40 ? `${text.slice(0, 20)}… (${text.length} characters)` : text;
}
