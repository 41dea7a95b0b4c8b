/** What one Admin API route declares: method, path pattern, scope, error family, handler. */
import type { Answer } from '../answer';
import type { RequestContext } from '../context';
import type { ErrorFamily } from './errors';
import type { Organization } from './organization';
import type { Behaviours } from '../types';
import type { AdminScope } from './types';

/** One scope, or any one of a list the switches give (the analytics routes' alias tables). */
export type ScopeRule = AdminScope | ((behaviours: Behaviours) => readonly string[]);

export interface AdminRequest {
	ctx: RequestContext;
	org: Organization;
	/** Path parameters by name (`space_id`, `bot_id`), URI-decoded. */
	params: Record<string, string>;
}

export interface AdminEndpoint {
	method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	/** After `/admin/v1`, e.g. `/spaces/{space_id}/users`. */
	path: string;
	scope: ScopeRule;
	/** The error body family the reference guesses for this endpoint. */
	family: ErrorFamily;
	handle(req: AdminRequest): Answer;
}

/** Path parameters when `segments` fit the pattern, else undefined. */
export function matchPath(pattern: string, segments: string[]): Record<string, string> | undefined {
	const parts = pattern.split('/').filter(Boolean);
	if (parts.length !== segments.length) return undefined;
	const params: Record<string, string> = {};
	for (let i = 0; i < parts.length; i++) {
		const param = /^\{(\w+)\}$/.exec(parts[i]);
		if (param) params[param[1]] = segments[i];
		else if (parts[i] !== segments[i]) return undefined;
	}
	return params;
}

/** An endpoint in one line: `endpoint('GET', '/spaces/{space_id}/groups', scope, family, handle)`. */
export function endpoint(
	method: AdminEndpoint['method'],
	path: string,
	scope: ScopeRule,
	family: ErrorFamily,
	handle: AdminEndpoint['handle'],
): AdminEndpoint {
	return { method, path, scope, family, handle };
}
