/**
 * The dry run of Add Members and Remove Members: the group's members as they are now, read with
 * permission-group:read, and no write.
 */
import { NotionAdminError } from '../../../common/connector/errors';
import { SCIM_GROUP_HINT } from '../../../common/connector/organization/groupConflicts';
import type { GroupRef, GroupRole, PermissionGroups } from '../../../common/connector/organization/permissionGroups';
import { normalizeId } from '../../../common/connector/validate';

/** Each member's role by user id. */
export async function membersNow(groups: PermissionGroups, ref: GroupRef): Promise<Map<string, GroupRole>> {
	const group = await groups.get(ref);
	// Every change of a SCIM-managed group is refused; where Notion marks such a group (not
	// documented, so only when it says so) the dry run fails as the real run would.
	if (group.is_scim_managed === true) {
		throw new NotionAdminError('refused', `Permission group ${ref.groupId} is managed by SCIM: Notion's Admin API can only read it and its members`, SCIM_GROUP_HINT, {
			api: 'organization',
		});
	}
	const members = await groups.listMembers(ref);
	return new Map(members.map((member) => [normalizeId(member.userId) ?? member.userId, member.role]));
}
