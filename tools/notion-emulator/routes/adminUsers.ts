/**
 * GET /admin/v1/spaces/{space_id}/users: active members (restricted included) and bots, ordered by
 * id (P1, `type: "user"`). Deactivated and removed members, and guests, are left out. The main
 * workspace's are read from the same store as SCIM and the standard API.
 */
import { json } from '../answer';
import type { AdminEndpoint } from '../admin/endpoint';
import { p1List, pageOf, pageRequest } from '../admin/pagination';
import { renderUser } from '../admin/render';
import { spaceOf } from '../admin/spaces';

export const listUsers: AdminEndpoint = {
	method: 'GET',
	path: '/spaces/{space_id}/users',
	scope: 'user:read',
	family: 'object',
	handle: (req) => {
		const space = spaceOf(req);
		const list = `users:${space.id}`;
		const request = pageRequest(req.ctx, list, 'start_cursor');
		const page = pageOf(req.org.users(space.id, req.ctx.store), (u) => u.id, list, request);
		return json(200, p1List(req.ctx, 'user', page.results.map(renderUser), page.next));
	},
};
