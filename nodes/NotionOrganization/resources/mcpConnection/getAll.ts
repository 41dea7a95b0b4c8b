import type { IDataObject } from 'n8n-workflow';

import { filtersCollection, returnAllAndLimit } from '../../../common/operationKit/fields';
import { perItem } from '../../../common/operationKit/execute';
import { filterParameter, returnLimit } from '../../../common/operationKit/parameters';
import type { NotionOrganizationClient } from '../../../common/connector/organization/organizationClient';
import { readIdList, type OrganizationOperation } from '../../fields';

export const getAll: OrganizationOperation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		description:
			"List members' OAuth connections from MCP clients to Notion MCP, across the organization (scope mcp-client-connection:read)",
		action: 'Get many MCP connections',
	},
	fields: [
		...returnAllAndLimit(),
		filtersCollection([
			{
				displayName: 'User IDs',
				name: 'userIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. 5e0b2c7a-1b2c-4d3e-8f90-123456789abc',
				description: 'Only connections of these members: IDs separated by commas, or an array from an expression',
			},
			{
				displayName: 'Workspace IDs',
				name: 'workspaceIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. 5e0b2c7a-1b2c-4d3e-8f90-123456789abc',
				description:
					"Only connections in these workspaces (each row's workspace list is trimmed to them): IDs separated by commas, or an array from an expression",
			},
		]),
	],
	execute: perItem({
		parse(itemIndex) {
			return {
				limit: returnLimit(this, itemIndex),
				userIds: filterParameter(this, itemIndex, 'userIds', (value) => readIdList(value, 'Filters → User IDs')),
				workspaceIds: filterParameter(this, itemIndex, 'workspaceIds', (value) => readIdList(value, 'Filters → Workspace IDs')),
			};
		},

		async run(client: NotionOrganizationClient, { limit, userIds, workspaceIds }) {
			const filters = {
				userIds: userIds?.length ? userIds : undefined,
				workspaceIds: workspaceIds?.length ? workspaceIds : undefined,
			};
			return (await client.listMcpConnections(filters, { limit })) as IDataObject[];
		},
	}),
};
