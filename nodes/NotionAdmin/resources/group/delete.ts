import type { INodeProperties } from 'n8n-workflow';

import { groupLocator } from '../../shared/descriptions';
import { perItem } from '../../shared/execute';
import { readGroupRef, requireGroupId } from '../../shared/locators';

const showOnlyForGroupDelete = { show: { resource: ['group'], operation: ['delete'] } };

export const description: INodeProperties[] = [
	{
		displayName:
			'Notion refuses to delete a group when some pages would be left without anyone who has full access. Give those pages another full-access holder first.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
		displayOptions: showOnlyForGroupDelete,
	},
	groupLocator(showOnlyForGroupDelete),
];

export const execute = perItem({
	parse(itemIndex) {
		return readGroupRef(this, itemIndex);
	},

	async run(directory, ref) {
		const id = await requireGroupId(directory, ref);
		await directory.deleteGroup(id);
		return { id, deleted: true };
	},
});
