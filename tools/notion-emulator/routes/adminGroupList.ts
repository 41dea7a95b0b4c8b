/**
 * GET /admin/v1/spaces/{space_id}/groups: the workspace's permission groups of both kinds (SCIM-
 * managed and admin-managed), ordered by id (P1, `type: "group"`).
 */
import { json } from '../answer';
import { endpoint } from '../admin/endpoint';
import { groupsIn, renderGroup } from '../admin/groups';
import { p1List, pageOf, pageRequest } from '../admin/pagination';
import { spaceOf } from '../admin/spaces';

export const listGroups = endpoint('GET', '/spaces/{space_id}/groups', 'permission-group:read', 'object', (req) => {
	const space = spaceOf(req);
	const list = `groups:${space.id}`;
	const page = pageOf(groupsIn(req.org, req.ctx.store, space.id), (g) => g.id, list, pageRequest(req.ctx, list, 'start_cursor'));
	return json(200, p1List(req.ctx, 'group', page.results.map((g) => renderGroup(req, g)), page.next));
});
