import type { INodeProperties } from 'n8n-workflow';

import { optionsCollection, rawOption, userLocator } from '../../shared/descriptions';
import { perItem } from '../../shared/execute';
import { rawParameter } from '../../shared/parameters';
import { findUser, readUserRef, userNotFound } from '../../shared/locators';
import { memberJson } from '../../shared/output';

const showOnlyForUserGet = { show: { resource: ['user'], operation: ['get'] } };

export const description: INodeProperties[] = [
	userLocator(showOnlyForUserGet),
	optionsCollection(showOnlyForUserGet, [rawOption('SCIM user or API user object')]),
];

export const execute = perItem({
	parse(itemIndex) {
		return {
			ref: readUserRef(this, itemIndex),
			raw: rawParameter(this, itemIndex),
		};
	},

	async run(directory, { ref, raw }) {
		const found = await findUser(directory, ref, raw);
		if (!found.value) throw userNotFound(ref);
		return memberJson(found.value, found.via);
	},
});
