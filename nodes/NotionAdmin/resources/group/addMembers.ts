import type { Operation } from '../../../common/operationKit/defineResource';
import { groupLocator, usersField } from '../../operationKit/descriptions';
import { notice } from '../../../common/operationKit/fields';
import { batchedMembership } from '../../operationKit/membership';

export const addMembers: Operation = {
	option: {
		name: 'Add Members',
		value: 'addMembers',
		description:
			'Add one or many workspace members to a group; items for the same group are sent together (needs SCIM)',
		action: 'Add members to a group',
	},
	fields: [
		groupLocator(),
		usersField('Workspace members to add to the group'),
		notice(
			'batchNotice',
			'Items that target the same group are sent together, up to 100 users per request. Guests cannot be group members.',
		),
	],
	execute: batchedMembership(
		async (directory, groupId, userIds) => await directory.addGroupMembers(groupId, userIds),
	),
};
