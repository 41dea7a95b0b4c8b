import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { rawOption } from '../../shared/descriptions';
import { perItem } from '../../shared/execute';
import { groupJson } from '../../shared/output';
import { rawParameter, returnLimit } from '../../shared/parameters';
import { requireName } from '../../shared/validate';

const showOnlyForGroupGetMany = { show: { resource: ['group'], operation: ['getAll'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: showOnlyForGroupGetMany,
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { ...showOnlyForGroupGetMany.show, returnAll: [false] } },
	},
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
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: showOnlyForGroupGetMany,
		options: [rawOption('SCIM group')],
	},
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
