import type { NotionDirectory } from '../../../common/connector/notionDirectory';
import type { Operation } from '../../../common/operationKit/defineResource';
import { groupLocator, usersField } from '../../operationKit/descriptions';
import { perItem } from '../../../common/operationKit/execute';
import { readGroupRef, requireGroupId, vanished } from '../../operationKit/locators';
import { booleanParameter } from '../../../common/operationKit/parameters';
import { readUsers, requireUserIds } from '../../operationKit/users';

export const setMembers: Operation = {
	option: {
		name: 'Set Members',
		value: 'setMembers',
		description:
			'Make a group hold exactly the given users, adding and removing as needed; dry run outputs the plan only (needs SCIM)',
		action: 'Set the members of a group',
	},
	fields: [
		groupLocator(),
		usersField('Exactly who the group must hold afterwards: everyone else is removed'),
		{
			displayName: 'Dry Run',
			name: 'dryRun',
			type: 'boolean',
			default: false,
			description:
				'Whether to only output the plan (who would be added and removed) without changing anything',
		},
	],
	execute: perItem({
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
	}),
};

async function setOrPlan(
	directory: NotionDirectory,
	groupId: string,
	userIds: string[],
	dryRun: boolean,
) {
	if (dryRun) {
		const { toAdd, toRemove, unchanged, ...plan } = await directory.planGroupMembers(groupId, userIds);
		return { groupId: plan.groupId, dryRun: true, toAdd, toRemove, unchanged };
	}
	const { added, removed, unchanged, requests, ...change } = await directory.setGroupMembers(
		groupId,
		userIds,
	);
	return { groupId: change.groupId, dryRun: false, added, removed, unchanged, requests };
}
