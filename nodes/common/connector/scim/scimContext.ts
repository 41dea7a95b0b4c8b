/** What the SCIM users and groups clients share: the requester, the SCIM root URL, the tuning. */
import type { DirectoryTuning } from '../directoryOptions';
import type { ApiCall, Requester } from '../http/requester';

export interface ScimContext {
	requester: Requester;
	/** e.g. https://api.notion.com/scim/v2 (no trailing slash). */
	root: string;
	tuning: DirectoryTuning;
}

/** Accepts a base URL with or without the `/scim/v2` suffix and trailing slashes. */
export function scimRoot(baseUrl: string): string {
	const trimmed = baseUrl.replace(/\/+$/, '');
	return /\/scim\/v2$/i.test(trimmed) ? trimmed : `${trimmed}/scim/v2`;
}

export function scimCall(
	context: ScimContext,
	method: ApiCall['method'],
	path: string,
	options: { query?: Record<string, string | number>; body?: unknown } = {},
): ApiCall {
	const query = Object.entries(options.query ?? {})
		.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
		.join('&');
	return {
		api: 'scim',
		method,
		url: `${context.root}${path}${query === '' ? '' : `?${query}`}`,
		body: options.body,
	};
}

/** The page query for a listing, with an optional filter. */
export function pageQuery(startIndex: number, count: number, filter?: string): Record<string, string | number> {
	return filter === undefined ? { startIndex, count } : { filter, startIndex, count };
}
