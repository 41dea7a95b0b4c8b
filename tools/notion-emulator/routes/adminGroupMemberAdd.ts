/**
 * POST /admin/v1/spaces/{space_id}/groups/{group_id}/members
 * `{member:{type:"user",user_id},role?:"owner"|"member"}`: adds an active member of the workspace
 * (or sets the role of one already in). A guest, someone outside the workspace, and a restricted
 * member as owner are 400 (the status is unconfirmed); a SCIM-managed group is 409. `role` is
 * optional (default `member`) unless `adminGroupMemberRole: 'required'`.
 */
import { json } from '../answer';
import { endpoint } from '../admin/endpoint';
import { validationError } from '../admin/errors';
import { assertAdminManaged, assertRoleAllowed, groupOf, groupRole, renderMembership } from '../admin/groups';
import { jsonBody, uuidAt } from '../admin/query';
import { adminSwitch } from '../admin/types';

export const addGroupMember = endpoint('POST', '/spaces/{space_id}/groups/{group_id}/members', 'permission-group:write', 'object', (req) => {
	const group = groupOf(req);
	const body = jsonBody(req.ctx);
	const member = body.member as Record<string, unknown> | undefined;
	if (typeof member !== 'object' || member === null || member.type !== 'user') {
		throw validationError('body failed validation: body.member should be `{"type":"user","user_id":"<uuid>"}`.');
	}
	const userId = uuidAt(member.user_id, 'body.member.user_id');
	const role = groupRole(body.role, adminSwitch(req.ctx.behaviours, 'adminGroupMemberRole') === 'required');
	assertAdminManaged(group);
	const workspaceRole = req.org.roleIn(userId, group.spaceId, req.ctx.store);
	if (workspaceRole === undefined || workspaceRole === 'guest') {
		throw validationError(`User ${userId} is not a member of this workspace (guests cannot join permission groups).`);
	}
	assertRoleAllowed(userId, workspaceRole, role);
	const stored = req.org.adminGroups.get(group.id);
	if (stored) {
		const others = stored.members.filter((m) => m.userId !== userId);
		req.org.adminGroups.put({ ...stored, members: [...others, { userId, role }] });
	}
	return json(200, renderMembership({ userId, role }));
});
