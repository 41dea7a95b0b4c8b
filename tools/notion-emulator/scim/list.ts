/** RFC 7644 §3.4.2: ListResponse and index paging (startIndex is 1-based, count capped at 100). */
import { ScimFailure } from '../errors';
import type { Behaviours } from '../types';

const LIST_RESPONSE_URN = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

function integer(raw: string | null, name: string, fallback: number): number {
	if (raw === null) return fallback;
	const n = Number(raw);
	if (raw.trim() === '' || !Number.isInteger(n))
		throw new ScimFailure(400, `${name} must be an integer`, 'invalidValue');
	return n;
}

/** startIndex < 1 counts as 1 and a negative count as 0 (RFC); count above the maximum per the switch. */
export function pageParams(
	query: URLSearchParams,
	behaviours: Behaviours,
): { startIndex: number; count: number } {
	const startIndex = Math.max(1, integer(query.get('startIndex'), 'startIndex', 1));
	const max = behaviours.scimMaxResults;
	let count = Math.max(0, integer(query.get('count'), 'count', max));
	if (count > max) {
		if (behaviours.scimCountOver100 === 'error') {
			throw new ScimFailure(400, `count must be at most ${max}`, 'invalidValue');
		}
		count = max;
	}
	return { startIndex, count };
}

export function listResponse(
	totalResults: number,
	startIndex: number,
	resources: unknown[],
): object {
	return {
		schemas: [LIST_RESPONSE_URN],
		totalResults,
		startIndex,
		itemsPerPage: resources.length,
		Resources: resources,
	};
}

/** One page of an already filtered array. */
export function pageOf<T>(items: T[], startIndex: number, count: number): T[] {
	return items.slice(startIndex - 1, startIndex - 1 + count);
}

export function parseJsonBody(raw: string): unknown {
	try {
		return JSON.parse(raw);
	} catch {
		throw new ScimFailure(400, 'The request body is not valid JSON', 'invalidSyntax');
	}
}
