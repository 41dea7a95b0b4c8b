import type { INodeProperties } from 'n8n-workflow';

import { groupLocator } from '../../shared/descriptions';
import { perItem } from '../../shared/execute';
import { readGroupRef, requireGroupId } from '../../shared/locators';
import { groupJson } from '../../shared/output';
import { requireName } from '../../shared/validate';

const showOnlyForGroupRename = { show: { resource: ['group'], operation: ['rename'] } };

export const description: INodeProperties[] = [
	groupLocator(showOnlyForGroupRename),
	{
		displayName: 'New Name',
		name: 'newName',
		type: 'string',
		placeholder: 'e.g. Platform Engineering',
		default: '',
		required: true,
		displayOptions: showOnlyForGroupRename,
	},
];

export const execute = perItem({
	parse(itemIndex) {
		return {
			ref: readGroupRef(this, itemIndex),
			newName: requireName(
				this,
				itemIndex,
				'New Name',
				this.getNodeParameter('newName', itemIndex),
			),
		};
	},

	async run(directory, { ref, newName }) {
		return groupJson(await directory.renameGroup(await requireGroupId(directory, ref), newName));
	},
});
