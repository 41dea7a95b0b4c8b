import type { INodeProperties } from 'n8n-workflow';

import type { NotionDirectory } from '../../../shared/connector/directory';
import { groupLocator, usersField } from '../../shared/descriptions';
import { perItem } from '../../shared/execute';
import { booleanParameter } from '../../shared/parameters';
import { readGroupRef, requireGroupId, vanished } from '../../shared/locators';
import { readUsers, requireUserIds } from '../../shared/users';

const showOnlyForGroupSetMembers = { show: { resource: ['group'], operation: ['setMembers'] } };

export const description: INodeProperties[] = [
	groupLocator(showOnlyForGroupSetMembers),
	usersField(
		showOnlyForGroupSetMembers,
		'Exactly who the group must hold afterwards: everyone else is removed',
	),
	{
		displayName: 'Dry Run',
		name: 'dryRun',
		type: 'boolean',
		default: false,
		description:
			'Whether to only output the plan (who would be added and removed) without changing anything',
		displayOptions: showOnlyForGroupSetMembers,
	},
];

export const execute = perItem({
	parse(itemIndex) {
		return {
			ref: readGroupRef(this, itemIndex),
			users: readUsers(this, itemIndex),
			dryRun: booleanParameter(this, itemIndex, 'dryRun', 'Dry Run', false),
		};
	},

	async run(directory, { ref, users, dryRun }) {
		const groupId = await requireGroupId(directory, ref);
		const userIds = await requireUserIds(directory, users);
		try {
			return await setOrPlan(directory, groupId, userIds, dryRun);
		} catch (error) {
			throw vanished(ref, groupId, error);
		}
	},
});

async function setOrPlan(
	directory: NotionDirectory,
	groupId: string,
	userIds: string[],
	dryRun: boolean,
) {
	if (dryRun) {
		const plan = await directory.planGroupMembers(groupId, userIds);
		return {
			groupId: plan.groupId,
			dryRun: true,
			toAdd: plan.toAdd,
			toRemove: plan.toRemove,
			unchanged: plan.unchanged,
		};
	}
	const change = await directory.setGroupMembers(groupId, userIds);
	return {
		groupId: change.groupId,
		dryRun: false,
		added: change.added,
		removed: change.removed,
		unchanged: change.unchanged,
		requests: change.requests,
	};
}
