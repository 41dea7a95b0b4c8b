/**
 * Permission groups as the Admin API sees them. In the main workspace, the SCIM groups are the
 * SCIM-managed ones (the same state SCIM serves: read-only here, every write 409) and sit beside
 * the admin-managed ones; other workspaces have admin-managed groups only. Members are read
 * through the workspace's live membership, so someone who left the workspace is in no group.
 */
import { json, type Answer } from '../answer';
import type { AdminRequest } from './endpoint';
import { AdminFailure, validationError } from './errors';
import type { Organization } from './organization';
import { uuidAt } from './query';
import { spaceOf } from './spaces';
import type { GroupRole } from './stateTypes';
import { adminSwitch } from './types';
import type { Workspace } from '../store';

export interface GroupView {
	id: string;
	spaceId: string;
	name: string;
	scimManaged: boolean;
	ownsPages: boolean;
	members: Array<{ userId: string; role: GroupRole }>;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Every group of a live workspace, SCIM-managed and admin-managed, ordered by id. */
export function groupsIn(org: Organization, store: Workspace, spaceId: string): GroupView[] {
	const current = (userId: string) => org.roleIn(userId, spaceId, store) !== undefined;
	const views: GroupView[] = [];
	for (const g of org.storeOf(spaceId, store)?.allGroups() ?? []) {
		views.push({
			id: g.id,
			spaceId,
			name: g.displayName,
			scimManaged: true,
			ownsPages: g.ownsPages,
			members: [...g.members].filter(current).map((userId) => ({ userId, role: 'member' as const })),
		});
	}
	for (const g of org.adminGroups.all()) {
		if (g.spaceId !== spaceId) continue;
		views.push({ ...g, scimManaged: false, members: g.members.filter((m) => current(m.userId)) });
	}
	return views.sort(byId);
}

/** The group a path names in the path's workspace: 400 on a malformed id, 404 when not there. */
export function groupOf(req: AdminRequest): GroupView {
	const space = spaceOf(req);
	const id = uuidAt(req.params.group_id, 'path.group_id');
	const group = groupsIn(req.org, req.ctx.store, space.id).find((g) => g.id === id);
	if (!group) throw new AdminFailure(404, 'object_not_found', `Could not find permission group with ID: ${id}.`);
	return group;
}

/** SCIM-managed groups and their memberships are read-only here. */
export function assertAdminManaged(group: GroupView): void {
	if (group.scimManaged) {
		throw new AdminFailure(409, 'conflict_error', `Permission group ${group.id} is managed by SCIM: change it through your identity provider.`);
	}
}

/** Names are unique among a workspace's groups, compared exactly (case-sensitive). */
export function assertNameFree(req: AdminRequest, spaceId: string, name: string, exceptId?: string): void {
	const taken = groupsIn(req.org, req.ctx.store, spaceId).some((g) => g.name === name && g.id !== exceptId);
	if (taken) throw new AdminFailure(409, 'conflict_error', `A permission group named ${JSON.stringify(name)} already exists in this workspace.`);
}

export function renderGroup(req: AdminRequest, group: GroupView): object {
	const common = { object: 'group', id: group.id, name: group.name };
	if (adminSwitch(req.ctx.behaviours, 'adminGroupFields') === 'minimal') return common;
	return { ...common, is_scim_managed: group.scimManaged, member_count: group.members.length };
}

export function renderMembership(member: { userId: string; role: GroupRole }): object {
	return { object: 'group_member', member: { type: 'user', user_id: member.userId }, role: member.role };
}

/** Group delete and member removal: 200 `{}` or 200 with no body (`adminGroupRemovalAnswer`). */
export function removalAnswer(req: AdminRequest): Answer {
	return adminSwitch(req.ctx.behaviours, 'adminGroupRemovalAnswer') === 'empty' ? { status: 200 } : json(200, {});
}

/** A membership role from a body: `owner` or `member` (absent: `member`, unless required). */
export function groupRole(raw: unknown, required: boolean): GroupRole {
	if (raw === undefined && !required) return 'member';
	if (raw === 'owner' || raw === 'member') return raw;
	throw validationError(`body failed validation: body.role should be \`"owner"\` or \`"member"\`, instead was \`${JSON.stringify(raw ?? null)}\`.`);
}

/** A restricted member may be a group member, never its owner (the status is unconfirmed: 400). */
export function assertRoleAllowed(userId: string, workspaceRole: string | undefined, role: GroupRole): void {
	if (workspaceRole === 'restricted_member' && role === 'owner') {
		throw validationError(`User ${userId} is a restricted member and cannot be a group owner.`);
	}
}
