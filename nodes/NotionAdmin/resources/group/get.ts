import type { Operation } from '../../operationKit/defineResource';
import { groupLocator, optionsCollection, rawOption } from '../../operationKit/descriptions';
import { perItem } from '../../operationKit/execute';
import { findGroup, groupNotFound, readGroupRef } from '../../operationKit/locators';
import { groupItem } from '../../operationKit/output';
import { rawParameter } from '../../operationKit/parameters';

export const get: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		description: 'Get a group by ID or name, with its member IDs',
		action: 'Get a group',
	},
	fields: [groupLocator(), optionsCollection([rawOption('SCIM group')])],
	execute: perItem({
		parse(itemIndex) {
			return {
				ref: readGroupRef(this, itemIndex),
				raw: rawParameter(this, itemIndex),
			};
		},

		async run(directory, { ref, raw }) {
			const group = await findGroup(directory, ref, raw);
			if (!group) throw groupNotFound(ref);
			return groupItem(group);
		},
	}),
};
