/**
 * The Admin API (/admin/v1), in this order: the route (its error family), the organization token
 * (401), Notion-Version (400, per `adminVersionCheck`), an unknown route (400), the route's scope
 * (403, per `adminTokenScopes` / `adminMissingScopeCode`), then the handler.
 */
import type { Answer } from '../answer';
import type { RequestContext } from '../context';
import { matchPath, type AdminEndpoint } from '../admin/endpoint';
import { ADMIN_ENDPOINTS } from '../admin/endpoints';
import { AdminFailure, adminError, type ErrorFamily } from '../admin/errors';
import { ADMIN_API_VERSION, adminSwitch } from '../admin/types';

function find(ctx: RequestContext): { endpoint: AdminEndpoint; params: Record<string, string> } | undefined {
	for (const endpoint of ADMIN_ENDPOINTS) {
		if (endpoint.method !== ctx.method) continue;
		const params = matchPath(endpoint.path, ctx.segments);
		if (params) return { endpoint, params };
	}
	return undefined;
}

function versionFailure(ctx: RequestContext): AdminFailure | undefined {
	const check = adminSwitch(ctx.behaviours, 'adminVersionCheck');
	const sent = ctx.headers['notion-version'];
	const value = Array.isArray(sent) ? sent.join(',') : sent;
	if (check === 'accept' || value === ADMIN_API_VERSION) return undefined;
	if (value === undefined && check === 'missing_version') {
		return new AdminFailure(400, 'missing_version', 'Notion-Version header failed validation: Notion-Version header should be defined, instead was `undefined`.');
	}
	return new AdminFailure(
		400,
		'validation_error',
		`Notion-Version header failed validation: Notion-Version should be \`"${ADMIN_API_VERSION}"\`, instead was \`${JSON.stringify(value ?? null)}\`.`,
	);
}

function hasScope(ctx: RequestContext, rule: AdminEndpoint['scope']): boolean {
	const scopes = adminSwitch(ctx.behaviours, 'adminTokenScopes');
	const wanted = typeof rule === 'function' ? rule(ctx.behaviours) : [rule];
	return scopes === 'all' || wanted.some((scope) => scopes.includes(scope));
}

export function adminApi(ctx: RequestContext): Answer {
	const org = ctx.store.org;
	if (!org) throw new Error('the emulator has no organization');
	const found = find(ctx);
	// An unknown route has no family of its own: the spec's strict family answers it.
	const family: ErrorFamily = found?.endpoint.family ?? 'type';
	const fail = (failure: AdminFailure) => adminError(failure, family, ctx.behaviours);
	if (ctx.bearer !== org.adminToken) return fail(new AdminFailure(401, 'unauthorized', 'API token is invalid.'));
	const version = versionFailure(ctx);
	if (version) return fail(version);
	if (!found) return fail(new AdminFailure(400, 'invalid_request_url', 'Invalid request URL.'));
	if (!hasScope(ctx, found.endpoint.scope)) {
		// Says what kind of refusal it is and nothing about the token.
		return fail(new AdminFailure(403, adminSwitch(ctx.behaviours, 'adminMissingScopeCode'), 'The organization token lacks a scope this endpoint requires.'));
	}
	try {
		return found.endpoint.handle({ ctx, org, params: found.params });
	} catch (e) {
		if (e instanceof AdminFailure) return fail(e);
		throw e;
	}
}
