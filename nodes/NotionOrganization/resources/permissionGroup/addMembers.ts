import type { INodePropertyOptions } from 'n8n-workflow';

import { perItem } from '../../../common/operationKit/execute';
import { optionParameter } from '../../../common/operationKit/parameters';
import { addMembers as add } from '../../../common/connector/organization/groupMembers';
import type { NotionOrganizationClient } from '../../../common/connector/organization/organizationClient';
import type { GroupRole } from '../../../common/connector/organization/permissionGroups';
import type { OrganizationOperation } from '../../fields';
import { dryRunOptions, readDryRun } from '../dryRun';
import { groupFields, readGroupRef, readUserIds, userIdsField } from './fields';
import { membersNow } from './memberPlan';

const ROLES: Array<INodePropertyOptions & { value: GroupRole }> = [
	{ name: 'Member', value: 'member' },
	{ name: 'Owner', value: 'owner', description: 'Can manage the group; restricted members cannot be owners' },
];

export const addMembers: OrganizationOperation = {
	option: {
		name: 'Add Members',
		value: 'addMembers',
		description:
			'Add members of the workspace to an admin-managed permission group, or set their role there (scope permission-group:write). Guests cannot join groups.',
		action: 'Add members to a permission group',
	},
	fields: [
		...groupFields(),
		userIdsField('The members to add'),
		{ displayName: 'Role', name: 'role', type: 'options', options: ROLES, default: 'member', description: 'Their role in the group' },
		dryRunOptions('everyone under added as the real run lists them, and who is already in the group with that role under unchanged', 'permission-group:read'),
	],
	execute: perItem({
		parse(itemIndex) {
			return {
				ref: readGroupRef(this, itemIndex),
				userIds: readUserIds(this, itemIndex),
				role: optionParameter(this, itemIndex, 'role', 'Role', ROLES, 'member'),
				dryRun: readDryRun(this, itemIndex),
			};
		},

		async run(client: NotionOrganizationClient, { ref, userIds, role, dryRun }) {
			if (!dryRun) return { ...(await add(client.permissionGroups, ref, userIds, role)) };
			// The real run sends every one of them (adding someone already in sets the role again).
			const members = await membersNow(client.permissionGroups, ref);
			const added = userIds.map((userId) => ({ userId, role }));
			return { ...ref, dryRun: true, added, unchanged: userIds.filter((userId) => members.get(userId) === role) };
		},
	}),
};
