/** Organization client results → item JSON. */
import type { IDataObject } from 'n8n-workflow';

import type { Workspace, WorkspaceUser } from '../shared/connector/organization/model';

export const workspaceItem = (workspace: Workspace): IDataObject => ({ id: workspace.id, name: workspace.name });

export function memberItem(user: WorkspaceUser, workspaceId: string): IDataObject {
	return { id: user.id, type: user.type, name: user.name, email: user.email, workspaceId };
}
