/**
 * Adding or removing several people from one permission group: one request each (Notion takes one
 * member per call), in order. A failure midway says exactly who was already changed (`partial`
 * with `applied`); both are safe to run again (adding sets the role again, removing someone no
 * longer in the group reports them as not a member).
 */
import { requireSomeIds, stoppedMidway } from './manyPeople';
import type { GroupMember, GroupRef, GroupRole, PermissionGroups } from './permissionGroups';
import { requireGroupRole } from './permissionGroups';

export interface MembersAdded extends GroupRef {
	added: GroupMember[];
}

export interface MembersRemoved extends GroupRef {
	removed: string[];
	/** Not in the group when asked (already removed, or never added). */
	notMembers: string[];
}

export async function addMembers(groups: PermissionGroups, ref: GroupRef, userIds: unknown, role: unknown): Promise<MembersAdded> {
	const users = requireSomeIds(userIds, 'userIds');
	const checkedRole: GroupRole = requireGroupRole(role);
	const added: GroupMember[] = [];
	for (const userId of users) {
		try {
			added.push(await groups.addMember(ref, userId, checkedRole));
		} catch (error) {
			throw stoppedMidway(error, added.length, { added });
		}
	}
	return { ...ref, added };
}

export async function removeMembers(groups: PermissionGroups, ref: GroupRef, userIds: unknown): Promise<MembersRemoved> {
	const users = requireSomeIds(userIds, 'userIds');
	const out: MembersRemoved = { ...ref, removed: [], notMembers: [] };
	for (const userId of users) {
		try {
			const { removed } = await groups.removeMember(ref, userId);
			(removed ? out.removed : out.notMembers).push(userId);
		} catch (error) {
			throw stoppedMidway(error, out.removed.length + out.notMembers.length, { removed: out.removed, notMembers: out.notMembers });
		}
	}
	return out;
}
