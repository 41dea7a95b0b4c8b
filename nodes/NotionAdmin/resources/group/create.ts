import { requireName } from '../../../common/connector/validate';
import type { Operation } from '../../../common/operationKit/defineResource';
import { optionsCollection } from '../../../common/operationKit/fields';
import { perItem } from '../../../common/operationKit/execute';
import { groupItem } from '../../operationKit/output';
import { parseUsers, requireUserIds } from '../../operationKit/users';

export const create: Operation = {
	option: {
		name: 'Create',
		value: 'create',
		description: 'Create a group, optionally with members (needs SCIM)',
		action: 'Create a group',
	},
	fields: [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			placeholder: 'e.g. Engineering',
			default: '',
			required: true,
			description: 'Name of the new group',
		},
		optionsCollection([
			{
				displayName: 'Members',
				name: 'members',
				type: 'string',
				default: '',
				placeholder: 'e.g. ada@example.com, grace@example.com',
				description:
					'Workspace members to put in the group: user IDs or emails, separated by commas, or an array from an expression',
			},
		]),
	],
	execute: perItem({
		parse(itemIndex) {
			return {
				name: requireName(this.getNodeParameter('name', itemIndex), 'Name'),
				members: parseUsers(
					this,
					itemIndex,
					'Options → Members',
					this.getNodeParameter('options.members', itemIndex, ''),
				),
			};
		},

		async run(directory, { name, members }) {
			const memberIds = members.length > 0 ? await requireUserIds(directory, members) : undefined;
			return groupItem(await directory.createGroup(name, memberIds));
		},
	}),
};
