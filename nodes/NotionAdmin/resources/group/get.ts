import type { Operation } from '../../../common/operationKit/defineResource';
import { groupLocator, rawOption } from '../../operationKit/descriptions';
import { optionsCollection } from '../../../common/operationKit/fields';
import { getEach } from '../../../common/operationKit/execute';
import { readGroupRef, requireGroup } from '../../operationKit/locators';
import { groupItem } from '../../operationKit/output';

export const get: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		description: 'Get a group by ID or name, with its member IDs',
		action: 'Get a group',
	},
	fields: [groupLocator(), optionsCollection([rawOption('SCIM group')])],
	execute: getEach(readGroupRef, async (directory, ref, raw) =>
		groupItem(await requireGroup(directory, ref, raw)),
	),
};
