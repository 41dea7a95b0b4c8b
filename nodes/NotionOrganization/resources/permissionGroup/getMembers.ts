import { returnAllAndLimit } from '../../../common/operationKit/fields';
import { perItem } from '../../../common/operationKit/execute';
import { returnLimit } from '../../../common/operationKit/parameters';
import type { NotionOrganizationClient } from '../../../common/connector/organization/organizationClient';
import type { OrganizationOperation } from '../../fields';
import { groupMemberItem } from '../../output';
import { groupFields, readGroupRef } from './fields';

export const getMembers: OrganizationOperation = {
	option: {
		name: 'Get Members',
		value: 'getMembers',
		description: "List a permission group's direct members and their role, owner or member (scope permission-group:read)",
		action: 'Get members of a permission group',
	},
	fields: [...groupFields(), ...returnAllAndLimit()],
	execute: perItem({
		parse(itemIndex) {
			return { ref: readGroupRef(this, itemIndex), limit: returnLimit(this, itemIndex) };
		},

		async run(client: NotionOrganizationClient, { ref, limit }) {
			const members = await client.permissionGroups.listMembers(ref, { limit });
			return members.map((member) => groupMemberItem(member, ref));
		},
	}),
};
