import type { Operation } from '../../../common/operationKit/defineResource';
import { rawOption, userLocator } from '../../operationKit/descriptions';
import { optionsCollection, returnAllAndLimit } from '../../../common/operationKit/fields';
import { perItem } from '../../../common/operationKit/execute';
import { readUserRef, userIdOf, userNotFound } from '../../operationKit/locators';
import { groupItem } from '../../operationKit/output';
import { rawParameter, returnLimit } from '../../../common/operationKit/parameters';

export const getGroups: Operation = {
	option: {
		name: 'Get Groups',
		value: 'getGroups',
		description: 'List the groups a member belongs to, one item per group (needs SCIM)',
		action: 'Get the groups of a user',
	},
	fields: [
		userLocator(),
		...returnAllAndLimit(),
		optionsCollection([rawOption('SCIM group')]),
	],
	execute: perItem({
		parse(itemIndex) {
			return {
				ref: readUserRef(this, itemIndex),
				limit: returnLimit(this, itemIndex),
				raw: rawParameter(this, itemIndex),
			};
		},

		async run(directory, { ref, limit, raw }) {
			const userId = await userIdOf(directory, ref);
			if (!userId) throw userNotFound(ref);
			const groups = await directory.groupsOfMember(userId, { raw });
			// In no group: an id that is no member must not pass for one without groups.
			if (groups.length === 0 && ref.by === 'id' && !(await directory.getMember(userId)).value) {
				throw userNotFound(ref);
			}
			return groups.slice(0, limit).map((group) => ({ ...groupItem(group), userId }));
		},
	}),
};
