import { perItem } from '../../../common/operationKit/execute';
import { requireJobId } from '../../../common/connector/organization/workspaceExports';
import type { NotionOrganizationClient } from '../../../common/connector/organization/organizationClient';
import { readWorkspaceId, workspaceLocator, type OrganizationOperation } from '../../fields';

export const getStatus: OrganizationOperation = {
	option: {
		name: 'Get Status',
		value: 'getStatus',
		description: "Read an export's status, and once it is completed its download links and their expiry (scope workspace:export)",
		action: 'Get the status of a workspace export',
	},
	fields: [
		workspaceLocator('The workspace that was exported'),
		{
			displayName: 'Export Job ID',
			name: 'exportJobId',
			type: 'string',
			default: '',
			required: true,
			description: 'The "exportJobId" that Start returned',
		},
	],
	execute: perItem({
		parse(itemIndex) {
			return {
				workspaceId: readWorkspaceId(this, itemIndex),
				exportJobId: requireJobId(this.getNodeParameter('exportJobId', itemIndex), 'Export Job ID'),
			};
		},

		async run(client: NotionOrganizationClient, { workspaceId, exportJobId }) {
			return { ...(await client.exports.status(workspaceId, exportJobId)) };
		},
	}),
};
