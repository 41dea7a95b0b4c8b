/**
 * SCIM filters, parsed with scim2-parse-filter so quoting follows RFC 7644 §3.4.2.2: a quoted
 * value is one JSON string, whatever it contains. Notion supports only single `eq` comparisons
 * on a few attributes; anything else is 400 invalidFilter.
 */
import type { Filter } from 'scim2-parse-filter';
import { parseFilter, tokenizer, Tokens } from 'scim2-parse-filter/lib/src/parser';
import { ScimFailure } from '../errors';

/**
 * The library's tokenizer doubles every backslash that is not followed by a quote, which breaks
 * `\\` and a value ending in a backslash. Undo that so the literal is the JSON string as sent:
 * a run of n backslashes came from n/2 (or (n+1)/2 before a quote).
 */
function restoreQuoted(literal: string): string {
	return literal.replace(
		/(\\+)("?)/g,
		(_, run: string, quote: string) =>
			'\\'.repeat(quote ? (run.length + 1) / 2 : run.length / 2) + quote,
	);
}

export function parseScimFilter(text: string): Filter {
	try {
		const tokens = tokenizer(text).map((t) =>
			t.type === 'Quoted' ? { ...t, literal: restoreQuoted(t.literal) } : t,
		);
		const list = new Tokens(tokens);
		const filter = parseFilter(list);
		if (list.peek().type !== 'EOT') throw new Error('trailing tokens');
		return filter;
	} catch {
		throw new ScimFailure(400, `Invalid filter: ${text}`, 'invalidFilter');
	}
}

/** `attr eq "value"` with attr one of `attributes` (names compared case-insensitively, per the RFC). */
function singleEq<A extends string>(
	text: string,
	attributes: Record<string, A>,
): { attribute: A; value: string } {
	const filter = parseScimFilter(text);
	if (filter.op === 'eq' && typeof filter.compValue === 'string') {
		const name = Object.keys(attributes).find(
			(n) => n.toLowerCase() === filter.attrPath.toLowerCase(),
		);
		if (name) return { attribute: attributes[name], value: filter.compValue };
	}
	throw new ScimFailure(
		400,
		`Unsupported filter: ${text}. Supported: ${Object.keys(attributes).join(', ')} with eq`,
		'invalidFilter',
	);
}

export type UserFilter = { attribute: 'email' | 'givenName' | 'familyName'; value: string };

/** Notion: `email` (and the standard `userName`) ignore case; `given_name`/`family_name` do not. */
export function parseUserFilter(text: string): UserFilter {
	return singleEq(text, {
		email: 'email',
		userName: 'email',
		given_name: 'givenName',
		family_name: 'familyName',
	} as const);
}

export function parseGroupFilter(text: string): { value: string } {
	return singleEq(text, { displayName: 'displayName' } as const);
}
