import type { Operation } from '../../../common/operationKit/defineResource';
import { rawOption, userLocator } from '../../operationKit/descriptions';
import { optionsCollection } from '../../../common/operationKit/fields';
import { getEach } from '../../../common/operationKit/execute';
import { readUserRef, requireUser } from '../../operationKit/locators';
import { memberItem } from '../../operationKit/output';

export const get: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		description: 'Get one workspace member by ID or email',
		action: 'Get a user',
	},
	fields: [userLocator(), optionsCollection([rawOption('SCIM user or API user object')])],
	execute: getEach(readUserRef, async (directory, ref, raw) => {
		const { value, via } = await requireUser(directory, ref, raw);
		return memberItem(value, via);
	}),
};
