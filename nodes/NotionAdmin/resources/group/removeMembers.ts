import type { Operation } from '../../../common/operationKit/defineResource';
import { groupLocator, usersField } from '../../operationKit/descriptions';
import { notice } from '../../../common/operationKit/fields';
import { batchedMembership } from '../../operationKit/membership';

export const removeMembers: Operation = {
	option: {
		name: 'Remove Members',
		value: 'removeMembers',
		description:
			'Take one or many members out of a group; they stay in the workspace (needs SCIM)',
		action: 'Remove members from a group',
	},
	fields: [
		groupLocator(),
		usersField('Members to take out of the group'),
		notice(
			'batchNotice',
			'Items that target the same group are sent together, up to 100 users per request. The people stay in the workspace.',
		),
	],
	execute: batchedMembership(
		async (directory, groupId, userIds) => await directory.removeGroupMembers(groupId, userIds),
	),
};
