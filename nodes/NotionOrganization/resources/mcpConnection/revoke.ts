import { perItem } from '../../../common/operationKit/execute';
import type { NotionOrganizationClient } from '../../../common/connector/organization/organizationClient';
import { requireName } from '../../../common/connector/validate';
import { idField, readId, readWorkspaceId, workspaceLocator, type OrganizationOperation } from '../../fields';

export const revoke: OrganizationOperation = {
	option: {
		name: 'Revoke',
		value: 'revoke',
		description:
			"Revoke a member's tokens for one MCP client in one workspace (scope mcp-client-connection:write-high-impact). The member can connect again; to block enterprise-managed clients, use Deny Managed Access.",
		action: 'Revoke an MCP connection',
	},
	fields: [
		{
			displayName: 'Client Key',
			name: 'clientKey',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. claude',
			description: 'The "client.key" of the connection, as Get Many lists it',
		},
		idField('User ID', 'userId', 'The member whose connection to revoke'),
		workspaceLocator('The workspace of the connection'),
	],
	execute: perItem({
		parse(itemIndex) {
			return {
				clientKey: requireName(this.getNodeParameter('clientKey', itemIndex), 'Client Key'),
				userId: readId(this, itemIndex, 'userId', 'User ID'),
				workspaceId: readWorkspaceId(this, itemIndex),
			};
		},

		async run(client: NotionOrganizationClient, target) {
			return { ...(await client.revokeMcpConnection(target)) };
		},
	}),
};
