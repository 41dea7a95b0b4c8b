import { userLocator, optionsCollection, rawOption } from '../../operationKit/descriptions';
import type { Operation } from '../../operationKit/defineResource';
import { perItem } from '../../operationKit/execute';
import { findUser, readUserRef, userNotFound } from '../../operationKit/locators';
import { memberItem } from '../../operationKit/output';
import { rawParameter } from '../../operationKit/parameters';

export const get: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		description: 'Get one workspace member by ID or email',
		action: 'Get a user',
	},
	fields: [userLocator(), optionsCollection([rawOption('SCIM user or API user object')])],
	execute: perItem({
		parse(itemIndex) {
			return {
				ref: readUserRef(this, itemIndex),
				raw: rawParameter(this, itemIndex),
			};
		},

		async run(directory, { ref, raw }) {
			const found = await findUser(directory, ref, raw);
			if (!found.value) throw userNotFound(ref);
			return memberItem(found.value, found.via);
		},
	}),
};
