import { returnAllAndLimit } from '../../../common/operationKit/fields';
import { perItem } from '../../../common/operationKit/execute';
import { returnLimit } from '../../../common/operationKit/parameters';
import type { NotionOrganizationClient } from '../../../common/connector/organization/organizationClient';
import type { OrganizationOperation } from '../../fields';
import { workspaceItem } from '../../output';

export const getAll: OrganizationOperation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		description: "List the organization's live workspaces (scope workspace:read)",
		action: 'Get many workspaces',
	},
	fields: [...returnAllAndLimit()],
	execute: perItem({
		parse(itemIndex) {
			return { limit: returnLimit(this, itemIndex) };
		},

		async run(client: NotionOrganizationClient, { limit }) {
			return (await client.listWorkspaces({ limit })).map(workspaceItem);
		},
	}),
};
