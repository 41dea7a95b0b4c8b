/** Organization client results → item JSON. */
import type { IDataObject } from 'n8n-workflow';

import type { Workspace, WorkspaceUser } from '../common/connector/organization/model';
import type { GroupMember, GroupRef } from '../common/connector/organization/permissionGroups';

export const workspaceItem = (workspace: Workspace): IDataObject => ({ id: workspace.id, name: workspace.name });

export function memberItem(user: WorkspaceUser, workspaceId: string): IDataObject {
	return { id: user.id, type: user.type, name: user.name, email: user.email, workspaceId };
}

export function groupMemberItem(member: GroupMember, ref: GroupRef): IDataObject {
	return { userId: member.userId, role: member.role, groupId: ref.groupId, workspaceId: ref.workspaceId };
}
