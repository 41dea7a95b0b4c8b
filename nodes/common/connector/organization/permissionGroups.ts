/**
 * Permission groups of one workspace (`/v1/spaces/{space_id}/groups…`): list, get, create, rename,
 * delete, and their direct members. Each method checks its input, naming the field, before any
 * request. Notion answers every refused write with the same 409 whatever the cause (a SCIM-managed
 * group, a taken name, a delete that needs a transfer owner); groupConflicts.ts tells them apart.
 */
import { NotionAdminError } from '../errors';
import { outcomeUnknown } from '../http/createOnce';
import { RequestFailure } from '../http/responseError';
import { quoteValue } from '../redact';
import { requireId, requireName } from '../validate';
import { adminCall, isObject, type AdminContext } from './adminRequest';
import { explainGroupConflict, type GroupWrite } from './groupConflicts';
import { checkLimit } from './inputs';
import type { LimitOption } from './model';
import { collect } from './pages';
import { SCOPES } from './scopes';

/** A group as Notion sends it (only `id` and `name` are documented), with its workspace. */
export type PermissionGroup = Record<string, unknown> & { id: string; name: string; workspaceId: string };

export type GroupRole = 'owner' | 'member';
export const GROUP_ROLES: readonly GroupRole[] = ['member', 'owner'];

export interface GroupMember {
	userId: string;
	role: GroupRole;
}

export interface GroupRef {
	workspaceId: string;
	groupId: string;
}

const groupsPath = (spaceId: string) => `/spaces/${encodeURIComponent(spaceId)}/groups`;
const groupPath = (ref: GroupRef) => `${groupsPath(ref.workspaceId)}/${encodeURIComponent(ref.groupId)}`;

const WORKSPACE_NOT_FOUND = (spaceId: string) => `No live workspace ${spaceId} in this organization: pick one from the list`;
const GROUP_NOT_FOUND = (ref: GroupRef) =>
	`No permission group ${ref.groupId} in workspace ${ref.workspaceId}: check both with Permission Group → Get Many`;

function toGroup(raw: unknown, workspaceId: string): PermissionGroup | undefined {
	if (!isObject(raw) || typeof raw.id !== 'string') return undefined;
	return { ...raw, id: raw.id, name: typeof raw.name === 'string' ? raw.name : '', workspaceId };
}

function toMember(raw: unknown): GroupMember | undefined {
	if (!isObject(raw) || !isObject(raw.member) || typeof raw.member.user_id !== 'string') return undefined;
	return { userId: raw.member.user_id, role: raw.role === 'owner' ? 'owner' : 'member' };
}

function readGroup(json: unknown, workspaceId: string): PermissionGroup {
	const group = toGroup(json, workspaceId);
	if (group !== undefined) return group;
	throw new NotionAdminError('bad_response', "Notion's Admin API answered without the group's id", 'Try again; use Get Many to see whether the change was made', {
		api: 'organization',
	});
}

export function requireGroupRole(value: unknown, field = 'role'): GroupRole {
	if (GROUP_ROLES.includes(value as GroupRole)) return value as GroupRole;
	throw new NotionAdminError('invalid_input', `${quoteValue(value)} is not a group role`, 'Use member or owner', { field });
}

function checkRef(ref: GroupRef): GroupRef {
	return { workspaceId: requireId(ref.workspaceId, 'workspaceId'), groupId: requireId(ref.groupId, 'groupId') };
}

export class PermissionGroups {
	constructor(private readonly context: AdminContext) {}

	/** Both kinds: admin-managed and SCIM-managed. */
	async list(spaceId: string, options: LimitOption = {}): Promise<PermissionGroup[]> {
		const workspaceId = requireId(spaceId, 'workspaceId');
		const limit = checkLimit(options.limit);
		return await collect(
			this.context,
			{
				path: groupsPath(workspaceId),
				action: 'list permission groups',
				scope: SCOPES.readPermissionGroups,
				notFound: WORKSPACE_NOT_FOUND(workspaceId),
				cursorParam: 'start_cursor',
				paged: true,
			},
			(raw) => toGroup(raw, workspaceId),
			limit,
		);
	}

	async get(ref: GroupRef): Promise<PermissionGroup> {
		const checked = checkRef(ref);
		const { json } = await adminCall(this.context, {
			method: 'GET',
			path: groupPath(checked),
			action: 'read a permission group',
			scope: SCOPES.readPermissionGroups,
			notFound: GROUP_NOT_FOUND(checked),
		});
		return readGroup(json, checked.workspaceId);
	}

	async create(spaceId: string, name: string): Promise<PermissionGroup> {
		const workspaceId = requireId(spaceId, 'workspaceId');
		const checkedName = requireName(name, 'name');
		let json: unknown;
		try {
			({ json } = await this.write({ kind: 'create', workspaceId, name: checkedName }, {
				method: 'POST',
				path: groupsPath(workspaceId),
				body: { name: checkedName },
				action: 'create a permission group',
				notFound: WORKSPACE_NOT_FOUND(workspaceId),
			}));
		} catch (error) {
			if (!outcomeUnknown(error)) throw error;
			// The answer was lost: names are unique, so what Notion holds under the name says how it went.
			const existing = (await this.list(workspaceId)).find((group) => group.name === checkedName);
			if (existing !== undefined) return existing;
			throw new RequestFailure(error.kind, error.message, `Notion now holds no permission group named ${JSON.stringify(checkedName)}: it was not created. Run it again`, {
				api: 'organization',
				httpStatus: error.httpStatus,
				requestId: error.requestId,
				code: error.code,
			});
		}
		return readGroup(json, workspaceId);
	}

	async rename(ref: GroupRef, name: string): Promise<PermissionGroup> {
		const checked = checkRef(ref);
		const checkedName = requireName(name, 'name');
		const { json } = await this.write({ kind: 'rename', ...checked, name: checkedName }, {
			method: 'PATCH',
			path: groupPath(checked),
			body: { name: checkedName },
			action: 'rename a permission group',
			notFound: GROUP_NOT_FOUND(checked),
		});
		return readGroup(json, checked.workspaceId);
	}

	/**
	 * `transferToOwnerId`: an active owner of the workspace who takes over the pages only this group
	 * gives full access to. Where Notion reads it (query or body) is not documented: both carry it.
	 */
	async delete(ref: GroupRef, transferToOwnerId?: string): Promise<GroupRef & { deleted: true }> {
		const checked = checkRef(ref);
		const owner = transferToOwnerId === undefined ? undefined : requireId(transferToOwnerId, 'transferToOwnerId');
		// Read first: a 404 to a DELETE resent after a lost answer then means this delete did it,
		// never a group id that named nothing (which fails here as not found).
		await this.get(checked);
		await this.write({ kind: 'delete', ...checked, transferOwner: owner }, {
			method: 'DELETE',
			path: groupPath(checked),
			query: { transfer_to_owner_id: owner },
			body: owner === undefined ? undefined : { transfer_to_owner_id: owner },
			action: 'delete a permission group',
			notFound: GROUP_NOT_FOUND(checked),
		});
		return { ...checked, deleted: true };
	}

	async listMembers(ref: GroupRef, options: LimitOption = {}): Promise<GroupMember[]> {
		const checked = checkRef(ref);
		const limit = checkLimit(options.limit);
		return await collect(
			this.context,
			{
				path: `${groupPath(checked)}/members`,
				action: "list a permission group's members",
				scope: SCOPES.readPermissionGroups,
				notFound: GROUP_NOT_FOUND(checked),
				cursorParam: 'start_cursor',
				paged: true,
			},
			toMember,
			limit,
		);
	}

	/** Adding someone already in sets their role, so a repeat is harmless. */
	async addMember(ref: GroupRef, userId: string, role: GroupRole = 'member'): Promise<GroupMember> {
		const checked = checkRef(ref);
		const user = requireId(userId, 'userId');
		const checkedRole = requireGroupRole(role);
		await this.write({ kind: 'members', ...checked }, {
			method: 'POST',
			path: `${groupPath(checked)}/members`,
			body: { member: { type: 'user', user_id: user }, role: checkedRole },
			action: 'add a member to a permission group',
			notFound: GROUP_NOT_FOUND(checked),
			idempotent: true,
		});
		return { userId: user, role: checkedRole };
	}

	/** `removed: false` when the person was not in the group (a 404 while the group exists). */
	async removeMember(ref: GroupRef, userId: string): Promise<{ userId: string; removed: boolean }> {
		const checked = checkRef(ref);
		const user = requireId(userId, 'userId');
		try {
			await this.write({ kind: 'members', ...checked }, {
				method: 'DELETE',
				path: `${groupPath(checked)}/members/users/${encodeURIComponent(user)}`,
				action: 'remove a member from a permission group',
				notFound: `${user} is not in permission group ${checked.groupId}, or the group is not in workspace ${checked.workspaceId}`,
				// A 404 may be a missing group, too: checked below, never taken as "removed".
				goneMeansDone: false,
			});
			return { userId: user, removed: true };
		} catch (error) {
			if (!(error instanceof NotionAdminError) || error.httpStatus !== 404) throw error;
			// Whether the group or the membership is missing: a missing group stays an error.
			await this.get(checked);
			return { userId: user, removed: false };
		}
	}

	private async write(
		what: GroupWrite,
		call: Omit<Parameters<typeof adminCall>[1], 'scope'>,
	): ReturnType<typeof adminCall> {
		try {
			return await adminCall(this.context, { ...call, scope: SCOPES.writePermissionGroups });
		} catch (error) {
			if (!(error instanceof NotionAdminError) || error.httpStatus !== 409) throw error;
			throw await explainGroupConflict(error, what, (spaceId) => this.list(spaceId));
		}
	}
}
