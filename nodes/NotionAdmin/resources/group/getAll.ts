import { requireName } from '../../../common/connector/validate';
import type { Operation } from '../../../common/operationKit/defineResource';
import { rawOption } from '../../operationKit/descriptions';
import { filtersCollection, optionsCollection, returnAllAndLimit } from '../../../common/operationKit/fields';
import { perItem } from '../../../common/operationKit/execute';
import { groupItem } from '../../operationKit/output';
import { filterParameter, rawParameter, returnLimit } from '../../../common/operationKit/parameters';

export const getAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		description: 'List the workspace groups, optionally by name',
		action: 'Get many groups',
	},
	fields: [
		...returnAllAndLimit(),
		filtersCollection([
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				placeholder: 'e.g. Engineering',
				default: '',
				description: 'Only the group with exactly this name',
			},
		]),
		optionsCollection([rawOption('SCIM group')]),
	],
	execute: perItem({
		parse(itemIndex) {
			return {
				limit: returnLimit(this, itemIndex),
				name: filterParameter(this, itemIndex, 'name', (value) =>
					requireName(value, 'Filters → Name'),
				),
				raw: rawParameter(this, itemIndex),
			};
		},

		async run(directory, { limit, name, raw }) {
			const groups = await directory.listGroups({ name, raw, limit });
			return groups.slice(0, limit).map(groupItem);
		},
	}),
};
