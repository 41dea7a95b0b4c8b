/**
 * GET /admin/v1/spaces/{space_id}/groups/{group_id}/members: direct members with their role
 * (`owner`|`member`; SCIM groups' members are all `member`), ordered by user id (P1, `type:
 * "group_member"`; the reference assumes P1 here). Works on SCIM-managed groups too.
 */
import { json } from '../answer';
import { endpoint } from '../admin/endpoint';
import { groupOf, renderMembership } from '../admin/groups';
import { p1List, pageOf, pageRequest } from '../admin/pagination';

export const listGroupMembers = endpoint('GET', '/spaces/{space_id}/groups/{group_id}/members', 'permission-group:read', 'object', (req) => {
	const group = groupOf(req);
	const list = `group-members:${group.id}`;
	const sorted = [...group.members].sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
	const page = pageOf(sorted, (m) => m.userId, list, pageRequest(req.ctx, list, 'start_cursor'));
	return json(200, p1List(req.ctx, 'group_member', page.results.map(renderMembership), page.next));
});
