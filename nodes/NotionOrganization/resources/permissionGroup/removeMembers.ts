import { perItem } from '../../../common/operationKit/execute';
import { removeMembers as remove } from '../../../common/connector/organization/groupMembers';
import type { NotionOrganizationClient } from '../../../common/connector/organization/organizationClient';
import type { OrganizationOperation } from '../../fields';
import { dryRunOptions, readDryRun, splitBy } from '../dryRun';
import { groupFields, readGroupRef, readUserIds, userIdsField } from './fields';
import { membersNow } from './memberPlan';

export const removeMembers: OrganizationOperation = {
	option: {
		name: 'Remove Members',
		value: 'removeMembers',
		description:
			'Remove people from an admin-managed permission group (scope permission-group:write). Someone not in the group is listed under notMembers, so a re-run changes nothing.',
		action: 'Remove members from a permission group',
	},
	fields: [...groupFields(), userIdsField('The members to remove'), dryRunOptions('who would be removed, and who is not in the group', 'permission-group:read')],
	execute: perItem({
		parse(itemIndex) {
			return { ref: readGroupRef(this, itemIndex), userIds: readUserIds(this, itemIndex), dryRun: readDryRun(this, itemIndex) };
		},

		async run(client: NotionOrganizationClient, { ref, userIds, dryRun }) {
			if (!dryRun) return { ...(await remove(client.permissionGroups, ref, userIds)) };
			const { inside, outside } = splitBy(userIds, new Set((await membersNow(client.permissionGroups, ref)).keys()));
			return { ...ref, dryRun: true, removed: inside, notMembers: outside };
		},
	}),
};
