/**
 * Valid-looking but wrong 200 answers to a member listing, made from the real answer: what a
 * buggy or overloaded server could send without any error, so that a client must not trust it.
 */
import type { Answer } from './answer';
import type { ListFaultKind } from './types';

interface ScimList {
	schemas?: unknown;
	totalResults: number;
	startIndex: number;
	itemsPerPage: number;
	Resources: unknown[];
}

interface ApiList {
	results: unknown[];
	next_cursor: string | null;
	has_more: boolean;
	[key: string]: unknown;
}

/** `api` is the API that answered; the real answer must be a 200 list. */
export function wrongList(kind: ListFaultKind, api: 'scim' | 'standard', real: Answer): Answer {
	const body = api === 'scim' ? scimList(kind, real.body as ScimList) : apiList(kind, real.body as ApiList);
	return { status: 200, body, headers: real.headers };
}

function scimList(kind: ListFaultKind, real: ScimList): unknown {
	const resources = [...real.Resources];
	const page = (items: unknown[], totalResults = real.totalResults): ScimList => ({
		...real,
		totalResults,
		itemsPerPage: items.length,
		Resources: items,
	});
	switch (kind) {
		case 'emptyList':
			return page([], 0);
		case 'shapelessList':
			return {};
		case 'shortTotal': {
			const end = real.startIndex - 1 + resources.length;
			// The listing seems to end with this page; on the last page, one member is hidden too.
			if (end < real.totalResults) return page(resources, end);
			return resources.length === 0 ? page(resources) : page(resources.slice(0, -1), real.totalResults - 1);
		}
		case 'duplicateMember':
			return resources.length === 0 ? page(resources) : page([...resources, resources[0]]);
		case 'missingMember':
			return page(resources.slice(0, -1));
	}
}

function apiList(kind: ListFaultKind, real: ApiList): unknown {
	const results = [...real.results];
	switch (kind) {
		case 'emptyList':
			return { ...real, results: [], next_cursor: null, has_more: false };
		case 'shapelessList':
			return {};
		case 'shortTotal':
			// No total on /v1: the listing claims to end here; on the last page one member is hidden too.
			return {
				...real,
				results: real.has_more ? results : results.slice(0, -1),
				next_cursor: null,
				has_more: false,
			};
		case 'duplicateMember':
			return { ...real, results: results.length === 0 ? results : [...results, results[0]] };
		case 'missingMember':
			return { ...real, results: results.slice(0, -1) };
	}
}
