/** GET /admin/v1/spaces: the organization's live workspaces, ordered by id (P1, `type: "space"`). */
import { json } from '../answer';
import type { AdminEndpoint } from '../admin/endpoint';
import { p1List, pageOf, pageRequest } from '../admin/pagination';

export const listSpaces: AdminEndpoint = {
	method: 'GET',
	path: '/spaces',
	scope: 'workspace:read',
	family: 'object',
	handle: ({ ctx, org }) => {
		const request = pageRequest(ctx, 'spaces', 'start_cursor');
		const page = pageOf(org.workspaces(), (w) => w.id, 'spaces', request);
		const results = page.results.map((w) => ({ id: w.id, name: w.name }));
		return json(200, p1List(ctx, 'space', results, page.next));
	},
};
