import { requireName } from '../../../common/connector/validate';
import type { Operation } from '../../../common/operationKit/defineResource';
import { groupLocator } from '../../operationKit/descriptions';
import { perItem } from '../../../common/operationKit/execute';
import { readGroupRef, requireGroupId } from '../../operationKit/locators';
import { groupItem } from '../../operationKit/output';

export const rename: Operation = {
	option: {
		name: 'Rename',
		value: 'rename',
		description: 'Give a group a new name (needs SCIM)',
		action: 'Rename a group',
	},
	fields: [
		groupLocator(),
		{
			displayName: 'New Name',
			name: 'newName',
			type: 'string',
			placeholder: 'e.g. Platform Engineering',
			default: '',
			required: true,
		},
	],
	execute: perItem({
		parse(itemIndex) {
			return {
				ref: readGroupRef(this, itemIndex),
				newName: requireName(this.getNodeParameter('newName', itemIndex), 'New Name'),
			};
		},

		async run(directory, { ref, newName }) {
			return groupItem(await directory.renameGroup(await requireGroupId(directory, ref), newName));
		},
	}),
};
