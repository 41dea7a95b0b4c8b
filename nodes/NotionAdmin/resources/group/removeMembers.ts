import type { INodeProperties } from 'n8n-workflow';

import { groupLocator, usersField } from '../../shared/descriptions';
import { batchedMembership } from '../../shared/membership';

const showOnlyForGroupRemoveMembers = {
	show: { resource: ['group'], operation: ['removeMembers'] },
};

export const description: INodeProperties[] = [
	groupLocator(showOnlyForGroupRemoveMembers),
	usersField(showOnlyForGroupRemoveMembers, 'Members to take out of the group'),
	{
		displayName:
			'Items that target the same group are sent together, up to 100 users per request. The people stay in the workspace.',
		name: 'batchNotice',
		type: 'notice',
		default: '',
		displayOptions: showOnlyForGroupRemoveMembers,
	},
];

export const execute = batchedMembership(
	async (directory, groupId, userIds) => await directory.removeGroupMembers(groupId, userIds),
);
