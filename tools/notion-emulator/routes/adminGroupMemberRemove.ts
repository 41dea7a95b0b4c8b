/**
 * DELETE /admin/v1/spaces/{space_id}/groups/{group_id}/members/users/{user_id}: takes a direct
 * member out (404 when not in the group, 409 on a SCIM-managed group).
 */
import { endpoint } from '../admin/endpoint';
import { AdminFailure } from '../admin/errors';
import { assertAdminManaged, groupOf, removalAnswer } from '../admin/groups';
import { uuidAt } from '../admin/query';

export const removeGroupMember = endpoint('DELETE', '/spaces/{space_id}/groups/{group_id}/members/users/{user_id}', 'permission-group:write', 'object', (req) => {
	const group = groupOf(req);
	const userId = uuidAt(req.params.user_id, 'path.user_id');
	assertAdminManaged(group);
	const stored = req.org.adminGroups.get(group.id);
	if (!stored || !group.members.some((m) => m.userId === userId)) {
		throw new AdminFailure(404, 'object_not_found', `User ${userId} is not a member of permission group ${group.id}.`);
	}
	req.org.adminGroups.put({ ...stored, members: stored.members.filter((m) => m.userId !== userId) });
	return removalAnswer(req);
});
