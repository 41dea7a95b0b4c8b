import { perItem } from '../../../common/operationKit/execute';
import { removeMembers as remove } from '../../../common/connector/organization/groupMembers';
import type { NotionOrganizationClient } from '../../../common/connector/organization/organizationClient';
import type { OrganizationOperation } from '../../fields';
import { groupFields, readGroupRef, readUserIds, userIdsField } from './fields';

export const removeMembers: OrganizationOperation = {
	option: {
		name: 'Remove Members',
		value: 'removeMembers',
		description:
			'Remove people from an admin-managed permission group (scope permission-group:write). Someone not in the group is listed under notMembers, so a re-run changes nothing.',
		action: 'Remove members from a permission group',
	},
	fields: [...groupFields(), userIdsField('The members to remove')],
	execute: perItem({
		parse(itemIndex) {
			return { ref: readGroupRef(this, itemIndex), userIds: readUserIds(this, itemIndex) };
		},

		async run(client: NotionOrganizationClient, { ref, userIds }) {
			return { ...(await remove(client.permissionGroups, ref, userIds)) };
		},
	}),
};
