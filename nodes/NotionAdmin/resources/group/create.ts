import type { INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../shared/descriptions';
import { perItem } from '../../shared/execute';
import { groupJson } from '../../shared/output';
import { parseUsers, requireUserIds } from '../../shared/users';
import { requireName } from '../../shared/validate';

const showOnlyForGroupCreate = { show: { resource: ['group'], operation: ['create'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		placeholder: 'e.g. Engineering',
		default: '',
		required: true,
		description: 'Name of the new group',
		displayOptions: showOnlyForGroupCreate,
	},
	optionsCollection(showOnlyForGroupCreate, [
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
];

export const execute = perItem({
	parse(itemIndex) {
		return {
			name: requireName(this, itemIndex, 'Name', this.getNodeParameter('name', itemIndex)),
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
		return groupJson(await directory.createGroup(name, memberIds));
	},
});
