import type { Operation } from '../../../common/operationKit/defineResource';
import { groupLocator } from '../../operationKit/descriptions';
import { perItem } from '../../../common/operationKit/execute';
import { readGroupRef, requireGroup } from '../../operationKit/locators';
import { memberItem } from '../../operationKit/output';

export const getMembers: Operation = {
	option: {
		name: 'Get Members',
		value: 'getMembers',
		description: 'List the members of a group, one item per member',
		action: 'Get the members of a group',
	},
	fields: [groupLocator()],
	execute: perItem({
		parse(itemIndex) {
			return readGroupRef(this, itemIndex);
		},

		async run(directory, ref) {
			const group = await requireGroup(directory, ref);

			// Looked up one by one when few, else one listing (the connector's resolveMembers).
			const { present } = await directory.resolveMembers(group.memberIds);
			return present.map(({ member, via }) => ({
				...memberItem(member, via),
				groupId: group.id,
				groupName: group.name,
			}));
		},
	}),
};
