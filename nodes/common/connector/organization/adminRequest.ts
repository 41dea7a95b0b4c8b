/**
 * One Admin API request through the shared requester (pacing per credential, retries, 429/529
 * handling): the URL under the organization's base, the version header, and a refusal explained
 * for what this call needed (refusals.ts).
 */
import type { ApiCall, ApiResult, Requester } from '../http/requester';
import { explainRefusal } from './refusals';
import type { Scope } from './scopes';

/** The only version the Admin API accepts; it is separate from the public API's versions. */
export const ADMIN_API_VERSION = '2026-06-01';
export const DEFAULT_ORGANIZATION_BASE_URL = 'https://api.notion.com/admin';

export interface AdminContext {
	requester: Requester;
	/** e.g. https://api.notion.com/admin/v1 */
	root: string;
	pageSize: number;
}

/** Query values; a list is sent in Notion's bracket form (`status[]=a&status[]=b`). */
export type Query = Record<string, string | number | string[] | undefined>;

export interface AdminCall {
	method: ApiCall['method'];
	/** Under /v1, e.g. `/spaces`. */
	path: string;
	query?: Query;
	body?: unknown;
	/** What the call does, for messages ("list the workspaces"). */
	action: string;
	scope: Scope;
	/** What a 404 means for this call. */
	notFound: string;
	idempotent?: boolean;
	accepts?: (json: unknown) => boolean;
	/** False where a 404 to a repeated DELETE is the truth, never a sign that a lost attempt did it. */
	goneMeansDone?: boolean;
	/** Further headers, e.g. an `Idempotency-Key` that every attempt of the call repeats. */
	headers?: Record<string, string>;
}

/** The Admin API root for a Base URL given with or without a trailing /v1. */
export function adminRoot(baseUrl: string): string {
	const trimmed = baseUrl.trim().replace(/\/+$/, '');
	return /\/v1$/i.test(trimmed) ? trimmed : `${trimmed}/v1`;
}

export function queryString(query: Query = {}): string {
	const parts: string[] = [];
	for (const [name, value] of Object.entries(query)) {
		if (value === undefined) continue;
		if (Array.isArray(value)) for (const entry of value) parts.push(`${name}[]=${encodeURIComponent(entry)}`);
		else parts.push(`${name}=${encodeURIComponent(String(value))}`);
	}
	return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

export async function adminCall(context: AdminContext, call: AdminCall): Promise<ApiResult> {
	try {
		return await context.requester.send({
			api: 'organization',
			method: call.method,
			url: `${context.root}${call.path}${queryString(call.query)}`,
			headers: { ...call.headers, 'Notion-Version': ADMIN_API_VERSION },
			body: call.body,
			idempotent: call.idempotent,
			accepts: call.accepts,
			goneMeansDone: call.goneMeansDone,
		});
	} catch (error) {
		throw explainRefusal(error, call);
	}
}

export const isObject = (json: unknown): json is Record<string, unknown> =>
	typeof json === 'object' && json !== null && !Array.isArray(json);
