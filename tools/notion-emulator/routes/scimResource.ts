/** The method routing that SCIM /Users and /Groups share; anything else is SCIM's 404 or 405. */
import type { Answer } from '../answer';
import type { RequestContext } from '../context';
import { ScimFailure } from '../errors';

export interface ScimResource<R> {
	/** The path segment, e.g. `Users`. */
	name: string;
	list(ctx: RequestContext): Answer;
	create(ctx: RequestContext): Answer;
	/** The record at `rawId`; throws SCIM's 404 when there is none. */
	find(ctx: RequestContext, rawId: string): R;
	get(ctx: RequestContext, current: R): Answer;
	remove(ctx: RequestContext, current: R): Answer;
	update(ctx: RequestContext, current: R, method: 'PATCH' | 'PUT'): Answer;
}

export function routeScimResource<R>(ctx: RequestContext, resource: ScimResource<R>): Answer {
	const { method } = ctx;
	const [, rawId, ...rest] = ctx.segments;
	if (rest.length > 0) throw new ScimFailure(404, 'Not found');
	if (rawId === undefined) {
		if (method === 'GET') return resource.list(ctx);
		if (method === 'POST') return resource.create(ctx);
		throw new ScimFailure(405, `${method} is not supported on /${resource.name}`);
	}
	// An unknown id is a 404 whatever the method, as on Notion.
	const current = resource.find(ctx, rawId);
	if (method === 'GET') return resource.get(ctx, current);
	if (method === 'DELETE') return resource.remove(ctx, current);
	if (method === 'PATCH' || method === 'PUT') return resource.update(ctx, current, method);
	throw new ScimFailure(405, `${method} is not supported on /${resource.name}/{id}`);
}
