import type { Operation } from '../../../common/operationKit/defineResource';
import { groupLocator } from '../../operationKit/descriptions';
import { notice } from '../../../common/operationKit/fields';
import { perItem } from '../../../common/operationKit/execute';
import { readGroupRef, requireGroupId } from '../../operationKit/locators';

export const deleteGroup: Operation = {
	option: {
		name: 'Delete',
		value: 'delete',
		description:
			'Delete a group; Notion refuses if pages would lose their last full-access holder (needs SCIM)',
		action: 'Delete a group',
	},
	fields: [
		notice(
			'deleteNotice',
			'Notion refuses to delete a group when some pages would be left without anyone who has full access. Give those pages another full-access holder first.',
		),
		groupLocator(),
	],
	execute: perItem({
		parse(itemIndex) {
			return readGroupRef(this, itemIndex);
		},

		async run(directory, ref) {
			const id = await requireGroupId(directory, ref);
			await directory.deleteGroup(id);
			return { id, deleted: true };
		},
	}),
};
