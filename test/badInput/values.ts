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
const BAD_USERS = ['not-an-id', '22222222-2222-4222-8222-222222222222, nope', FILTER_INJECTION, 'back\\slash@acme.test', HUGE, 42, true, { a: 1 }];

export const VALUES: Record<Kind, Values> = {
	id: {
		rejected: ['', '   ', 'not-an-id', '1234', '11111111-1111-4111-8111-11111111111', '😀', QUOTES, `22222222-2222-4222-8222-222222222222" or "1"="1`, HUGE, ...WRONG_TYPES, ['x']],
		accepted: [],
		either: [],
	},
	email: {
		rejected: ['', '   ', 'ada', 'ada@acme', '@acme.test', 'a b@acme.test', FILTER_INJECTION, 'back\\slash@acme.test', `"quoted"@acme.test`, HUGE, ...WRONG_TYPES],
		accepted: ['zoë.ünal@acme.test', "o'brien+ops@acme.test"],
		either: [`${'a'.repeat(5000)}@acme.test`],
	},
	name: {
		rejected: ['', '   ', ...WRONG_TYPES],
		accepted: ['Zoë Ünal 李小龍 🚀', QUOTES, 'x" or displayName pr or displayName eq "y', 'n'.repeat(500)],
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
