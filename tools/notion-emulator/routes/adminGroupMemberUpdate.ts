/**
 * PATCH /admin/v1/spaces/{space_id}/groups/{group_id}/members/users/{user_id} `{role}`: changes a
 * direct member's role (404 when not in the group; a restricted member cannot be owner: 400; a
 * SCIM-managed group: 409). Answers the membership.
 */
import { json } from '../answer';
import { endpoint } from '../admin/endpoint';
import { AdminFailure } from '../admin/errors';
import { assertAdminManaged, assertRoleAllowed, groupOf, groupRole, renderMembership } from '../admin/groups';
import { jsonBody, uuidAt } from '../admin/query';

export const updateGroupMember = endpoint('PATCH', '/spaces/{space_id}/groups/{group_id}/members/users/{user_id}', 'permission-group:write', 'object', (req) => {
	const group = groupOf(req);
	const userId = uuidAt(req.params.user_id, 'path.user_id');
	const role = groupRole(jsonBody(req.ctx).role, true);
	assertAdminManaged(group);
	const stored = req.org.adminGroups.get(group.id);
	if (!stored || !group.members.some((m) => m.userId === userId)) {
		throw new AdminFailure(404, 'object_not_found', `User ${userId} is not a member of permission group ${group.id}.`);
	}
	assertRoleAllowed(userId, req.org.roleIn(userId, group.spaceId, req.ctx.store), role);
	req.org.adminGroups.put({ ...stored, members: stored.members.map((m) => (m.userId === userId ? { userId, role } : m)) });
	return json(200, renderMembership({ userId, role }));
});
