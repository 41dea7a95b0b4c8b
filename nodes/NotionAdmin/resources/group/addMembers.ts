import type { INodeProperties } from 'n8n-workflow';

import { groupLocator, usersField } from '../../shared/descriptions';
import { batchedMembership } from '../../shared/membership';

const showOnlyForGroupAddMembers = { show: { resource: ['group'], operation: ['addMembers'] } };

export const description: INodeProperties[] = [
	groupLocator(showOnlyForGroupAddMembers),
	usersField(showOnlyForGroupAddMembers, 'Workspace members to add to the group'),
	{
		displayName:
			'Items that target the same group are sent together, up to 100 users per request. Guests cannot be group members.',
		name: 'batchNotice',
		type: 'notice',
		default: '',
		displayOptions: showOnlyForGroupAddMembers,
	},
];

export const execute = batchedMembership(
	async (directory, groupId, userIds) => await directory.addGroupMembers(groupId, userIds),
);
