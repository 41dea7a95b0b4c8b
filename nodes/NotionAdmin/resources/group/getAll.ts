import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { optionsCollection, rawOption, returnAllAndLimit } from '../../shared/descriptions';
import { perItem } from '../../shared/execute';
import { groupJson } from '../../shared/output';
import { rawParameter, returnLimit } from '../../shared/parameters';
import { requireName } from '../../shared/validate';

const showOnlyForGroupGetMany = { show: { resource: ['group'], operation: ['getAll'] } };

export const description: INodeProperties[] = [
	...returnAllAndLimit(showOnlyForGroupGetMany),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: showOnlyForGroupGetMany,
		options: [
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				placeholder: 'e.g. Engineering',
				default: '',
				description: 'Only the group with exactly this name',
			},
		],
	},
	optionsCollection(showOnlyForGroupGetMany, [rawOption('SCIM group')]),
];

export const execute = perItem({
	parse(itemIndex) {
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		return {
			limit: returnLimit(this, itemIndex),
			name:
				filters.name !== undefined
					? requireName(this, itemIndex, 'Filters → Name', filters.name)
					: undefined,
			raw: rawParameter(this, itemIndex),
		};
	},

	async run(directory, { limit, name, raw }) {
		const groups = await directory.listGroups({ name, raw, limit });
		return groups.slice(0, limit).map(groupJson);
	},
});
