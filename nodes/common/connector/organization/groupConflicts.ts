/**
 * A permission group write refused with 409, explained. Notion gives one code (`conflict_error`)
 * for three causes: the group is SCIM-managed (read-only in the Admin API), the name is taken by
 * another active group of the workspace, or a delete would leave pages without full access and
 * needs a transfer owner. Notion's wording is not documented, so the cause is read from what the
 * call could have hit: a create only from a name, a membership change only from SCIM, a rename
 * from whether another group has the name (one listing, only on this failure), a delete from
 * whether a transfer owner was given, then from the message.
 */
import { NotionAdminError } from '../errors';
import type { PermissionGroup } from './permissionGroups';

export type GroupWrite =
	| { kind: 'create'; workspaceId: string; name: string }
	| { kind: 'rename'; workspaceId: string; groupId: string; name: string }
	| { kind: 'delete'; workspaceId: string; groupId: string; transferOwner?: string }
	| { kind: 'members'; workspaceId: string; groupId: string };

type Cause = 'scim' | 'duplicate' | 'transfer' | 'scimOrTransfer';

export const SCIM_GROUP_HINT =
	"Change it in your identity provider, or with the Notion Admin node's Group operations (Rename, Add Members, Remove Members, Delete) and that workspace's SCIM credential";

async function causeOf(error: NotionAdminError, what: GroupWrite, listGroups: (spaceId: string) => Promise<PermissionGroup[]>): Promise<Cause> {
	const text = error.message.toLowerCase();
	switch (what.kind) {
		case 'create':
			return 'duplicate';
		case 'members':
			return 'scim';
		case 'rename': {
			const groups = await listGroups(what.workspaceId).catch(() => undefined);
			if (groups === undefined) return text.includes('scim') ? 'scim' : 'duplicate';
			return groups.some((group) => group.name === what.name && group.id !== what.groupId) ? 'duplicate' : 'scim';
		}
		case 'delete':
			if (what.transferOwner !== undefined || text.includes('scim') || text.includes('identity provider')) return 'scim';
			return text.includes('transfer') ? 'transfer' : 'scimOrTransfer';
	}
}

function wording(cause: Cause, what: GroupWrite): { kind: 'refused' | 'conflict'; message: string; hint: string } {
	const group = 'groupId' in what ? `Permission group ${what.groupId}` : 'The group';
	const name = 'name' in what ? JSON.stringify(what.name) : '';
	switch (cause) {
		case 'duplicate':
			return {
				kind: 'conflict',
				message: `Another permission group of workspace ${what.workspaceId} is already named ${name} (names are unique, exactly and case-sensitively)`,
				hint: 'Choose another name, or use the existing group (Permission Group → Get Many lists them)',
			};
		case 'scim':
			return {
				kind: 'refused',
				message: `${group} is managed by SCIM: Notion's Admin API can only read it and its members`,
				hint: SCIM_GROUP_HINT,
			};
		case 'transfer':
			return {
				kind: 'refused',
				message: `${group} alone gives full access to some pages, so Notion will not delete it without a new owner for them`,
				hint: 'Set Transfer To Owner ID to an active owner of the workspace, then run again (nothing was deleted)',
			};
		case 'scimOrTransfer':
			return {
				kind: 'refused',
				message: `Notion refused to delete ${group.toLowerCase()}: it is managed by SCIM, or it alone gives full access to some pages`,
				hint: `If it gives access to pages, set Transfer To Owner ID to an active owner of the workspace and run again. If it is managed by SCIM: ${SCIM_GROUP_HINT.charAt(0).toLowerCase()}${SCIM_GROUP_HINT.slice(1)}`,
			};
	}
}

export async function explainGroupConflict(
	error: NotionAdminError,
	what: GroupWrite,
	listGroups: (spaceId: string) => Promise<PermissionGroup[]>,
): Promise<NotionAdminError> {
	const { kind, message, hint } = wording(await causeOf(error, what, listGroups), what);
	return new NotionAdminError(kind, `${message} — ${error.message}`, hint, {
		api: 'organization',
		httpStatus: 409,
		requestId: error.requestId,
	});
}
