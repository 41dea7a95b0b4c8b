/**
 * DELETE /admin/v1/spaces/{space_id}/groups/{group_id}. A group that alone gives full access to
 * some pages needs `transfer_to_owner_id`, an active owner of the workspace who takes that access
 * over: without it 409 and nothing changes; someone else is 400. Where the id is read (query or
 * body) is unconfirmed: `adminGroupTransferOwnerIn`. SCIM-managed groups are deleted in the IdP: 409.
 */
import { endpoint, type AdminRequest } from '../admin/endpoint';
import { AdminFailure, validationError } from '../admin/errors';
import { assertAdminManaged, groupOf, removalAnswer } from '../admin/groups';
import { optionalBody, uuidAt } from '../admin/query';
import { adminSwitch } from '../admin/types';

function transferOwner(req: AdminRequest): string | undefined {
	const where = adminSwitch(req.ctx.behaviours, 'adminGroupTransferOwnerIn');
	const fromQuery = where === 'body' ? null : req.ctx.query.get('transfer_to_owner_id');
	if (fromQuery !== null && fromQuery !== '') return uuidAt(fromQuery, 'query.transfer_to_owner_id');
	const fromBody = where === 'query' ? undefined : optionalBody(req.ctx).transfer_to_owner_id;
	return fromBody === undefined || fromBody === null ? undefined : uuidAt(fromBody, 'body.transfer_to_owner_id');
}

export const deleteGroup = endpoint('DELETE', '/spaces/{space_id}/groups/{group_id}', 'permission-group:write', 'object', (req) => {
	const group = groupOf(req);
	const owner = transferOwner(req);
	assertAdminManaged(group);
	if (group.ownsPages) {
		if (owner === undefined) {
			throw new AdminFailure(409, 'conflict_error', 'Deleting this group would leave pages without full access: pass transfer_to_owner_id, an active workspace owner.');
		}
		if (req.org.roleIn(owner, group.spaceId, req.ctx.store) !== 'owner') {
			throw validationError(`transfer_to_owner_id should be an active owner of the workspace, instead was \`"${owner}"\`.`);
		}
	}
	req.org.adminGroups.delete(group.id);
	return removalAnswer(req);
});
