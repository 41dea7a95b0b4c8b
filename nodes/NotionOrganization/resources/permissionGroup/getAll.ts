import type { IDataObject } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../common/operationKit/fields';
import { perItem } from '../../../common/operationKit/execute';
import { returnLimit } from '../../../common/operationKit/parameters';
import type { NotionOrganizationClient } from '../../../common/connector/organization/organizationClient';
import { readWorkspaceId, workspaceLocator, type OrganizationOperation } from '../../fields';

/** Both kinds are listed: SCIM-managed groups can be read here, only not changed. */
export const getAll: OrganizationOperation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		description: "List a workspace's permission groups, admin-managed and SCIM-managed (scope permission-group:read)",
		action: 'Get many permission groups',
	},
	fields: [workspaceLocator('The workspace whose groups to list'), ...returnAllAndLimit()],
	execute: perItem({
		parse(itemIndex): [string, number | undefined] {
			return [readWorkspaceId(this, itemIndex), returnLimit(this, itemIndex)];
		},

		async run(client: NotionOrganizationClient, [workspaceId, limit]) {
			const groups = await client.permissionGroups.list(workspaceId, { limit });
			return groups as IDataObject[];
		},
	}),
};
