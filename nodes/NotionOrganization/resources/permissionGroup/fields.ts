/**
 * The fields the Permission Group operations share: the workspace picker and the group by ID,
 * read into the connector's group reference (each checked, naming the field).
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { NotionAdminError } from '../../../common/connector/errors';
import type { GroupRef } from '../../../common/connector/organization/permissionGroups';
import { idField, readId, readIdList, readWorkspaceId, workspaceLocator } from '../../fields';

export function groupFields(groupDescription = 'The "id" of the group, as Get Many lists it'): INodeProperties[] {
	return [workspaceLocator('The workspace of the group'), idField('Group ID', 'groupId', groupDescription)];
}

export function readGroupRef(ctx: IExecuteFunctions, itemIndex: number): GroupRef {
	return { workspaceId: readWorkspaceId(ctx, itemIndex), groupId: readId(ctx, itemIndex, 'groupId', 'Group ID') };
}

export function groupName(description: string): INodeProperties {
	return {
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Security reviewers',
		description,
	};
}

export function userIdsField(description: string): INodeProperties {
	return {
		displayName: 'User IDs',
		name: 'userIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 5e0b2c7a-1b2c-4d3e-8f90-123456789abc',
		description: `${description}: IDs separated by commas, or an array from an expression`,
	};
}

/** At least one, each checked. */
export function readUserIds(ctx: IExecuteFunctions, itemIndex: number): string[] {
	const ids = readIdList(ctx.getNodeParameter('userIds', itemIndex), 'User IDs');
	if (ids.length === 0) {
		throw new NotionAdminError('invalid_input', 'No user IDs given', 'Give one or more user IDs', { field: 'User IDs' });
	}
	return ids;
}
