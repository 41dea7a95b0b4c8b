/**
 * SCIM filters, parsed with scim2-parse-filter so quoting follows RFC 7644 §3.4.2.2: a quoted
 * value is one JSON string, whatever it contains. Which attributes are accepted, and what
 * an unknown one gets, are behaviour switches (Notion's set, RFC's, or both).
 */
import type { Filter } from 'scim2-parse-filter';
import { parseFilter, tokenizer, Tokens } from 'scim2-parse-filter/lib/src/parser';
import { ScimFailure } from '../errors';
import type { Behaviours } from '../types';

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

export type UserFilter = { attribute: 'email' | 'givenName' | 'familyName'; value: string };

/**
 * The user filters a server accepts (behaviours.scimUserFilters): Notion documents `email`,
 * `given_name` and `family_name`; RFC servers know `userName`, `emails.value` and the value filter
 * `emails[value eq "…"]`. Email and userName ignore case; given and family names do not.
 */
const NOTION_USER_ATTRIBUTES: Record<string, UserFilter['attribute']> = {
	email: 'email',
	given_name: 'givenName',
	family_name: 'familyName',
};
const RFC_USER_ATTRIBUTES: Record<string, UserFilter['attribute']> = {
	username: 'email',
	'emails.value': 'email',
};

/** A well-formed filter this server does not accept: 400 invalidFilter, or (as some do) nothing. */
function unsupported(text: string, behaviours: Behaviours, supported: string): null {
	if (behaviours.scimUnknownFilter === 'empty') return null;
	throw new ScimFailure(
		400,
		`Unsupported filter: ${text}. Supported: ${supported} with eq`,
		'invalidFilter',
	);
}

/** The filter as one comparison, or null when this server answers it with an empty result. */
export function parseUserFilter(text: string, behaviours: Behaviours): UserFilter | null {
	const filter = parseScimFilter(text);
	const accepts = behaviours.scimUserFilters;
	const attributes = {
		...(accepts === 'rfc' ? {} : NOTION_USER_ATTRIBUTES),
		...(accepts === 'notion' ? {} : RFC_USER_ATTRIBUTES),
	};
	const supported = [
		...(accepts === 'rfc' ? [] : ['email', 'given_name', 'family_name']),
		...(accepts === 'notion' ? [] : ['userName', 'emails.value', 'emails[value eq …]']),
	].join(', ');
	if (filter.op === 'eq' && typeof filter.compValue === 'string') {
		const attribute = attributes[filter.attrPath.toLowerCase()];
		if (attribute) return { attribute, value: filter.compValue };
	}
	if (
		accepts !== 'notion' &&
		filter.op === '[]' &&
		filter.attrPath.toLowerCase() === 'emails' &&
		filter.valFilter.op === 'eq' &&
		filter.valFilter.attrPath.toLowerCase() === 'value' &&
		typeof filter.valFilter.compValue === 'string'
	) {
		return { attribute: 'email', value: filter.valFilter.compValue };
	}
	return unsupported(text, behaviours, supported);
}

/** `displayName eq "…"`, the one group filter (Notion and RFC servers alike). */
export function parseGroupFilter(text: string, behaviours: Behaviours): { value: string } | null {
	const filter = parseScimFilter(text);
	if (
		filter.op === 'eq' &&
		typeof filter.compValue === 'string' &&
		filter.attrPath.toLowerCase() === 'displayname'
	) {
		return { value: filter.compValue };
	}
	return unsupported(text, behaviours, 'displayName');
}
