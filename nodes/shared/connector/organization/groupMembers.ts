/**
 * Adding or removing several people from one permission group: one request each (Notion takes one
 * member per call), in order. A failure midway says exactly who was already changed (`partial`
 * with `applied`); both are safe to run again (adding sets the role again, removing someone no
 * longer in the group reports them as not a member).
 */
import { NotionAdminError } from '../errors';
import { requireIds } from '../validate';
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

function someIds(values: unknown): string[] {
	const ids = requireIds(values, 'userIds');
	if (ids.length === 0) throw new NotionAdminError('invalid_input', 'No user IDs given', 'Give one or more user IDs', { field: 'userIds' });
	return ids;
}

function stoppedMidway(error: unknown, done: number, applied: object): unknown {
	if (done === 0 || !(error instanceof NotionAdminError)) return error;
	return new NotionAdminError('partial', `${error.message} — after ${done} of the members were changed`, `${error.hint}. Running it again is safe: it completes the rest`, {
		api: error.api,
		httpStatus: error.httpStatus,
		requestId: error.requestId,
		applied,
	});
}

export async function addMembers(groups: PermissionGroups, ref: GroupRef, userIds: unknown, role: unknown): Promise<MembersAdded> {
	const users = someIds(userIds);
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
	const users = someIds(userIds);
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
