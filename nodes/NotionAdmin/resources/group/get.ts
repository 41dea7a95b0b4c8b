import type { INodeProperties } from 'n8n-workflow';

import { groupLocator, optionsCollection, rawOption } from '../../shared/descriptions';
import { perItem } from '../../shared/execute';
import { rawParameter } from '../../shared/parameters';
import { findGroup, groupNotFound, readGroupRef } from '../../shared/locators';
import { groupJson } from '../../shared/output';

const showOnlyForGroupGet = { show: { resource: ['group'], operation: ['get'] } };

export const description: INodeProperties[] = [
	groupLocator(showOnlyForGroupGet),
	optionsCollection(showOnlyForGroupGet, [rawOption('SCIM group')]),
];

export const execute = perItem({
	parse(itemIndex) {
		return {
			ref: readGroupRef(this, itemIndex),
			raw: rawParameter(this, itemIndex),
		};
	},

	async run(directory, { ref, raw }) {
		const group = await findGroup(directory, ref, raw);
		if (!group) throw groupNotFound(ref);
		return groupJson(group);
	},
});
