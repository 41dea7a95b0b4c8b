/**
 * Deny and Restore Managed Access: one PUT with `denied` or `allowed`, so the two operations are
 * built here from one definition. Both are safe to repeat.
 */
import { perItem } from '../../../shared/operationKit/execute';
import type { ManagedAccess } from '../../../shared/connector/organization/mcpConnections';
import type { NotionOrganizationClient } from '../../../shared/connector/organization/organizationClient';
import { idField, readId, readWorkspaceId, workspaceLocator, type OrganizationOperation } from '../../fields';

const WORDS: Record<ManagedAccess, { name: string; description: string; action: string }> = {
	deny: {
		name: 'Deny Managed Access',
		description:
			"Block a member's future enterprise-managed MCP connections in a workspace (every client) and revoke the current ones (scope mcp-client-connection:write-high-impact)",
		action: 'Deny managed MCP access',
	},
	restore: {
		name: 'Restore Managed Access',
		description:
			"Lift a member's block on enterprise-managed MCP connections in a workspace (scope mcp-client-connection:write-high-impact)",
		action: 'Restore managed MCP access',
	},
};

function managedAccess(access: ManagedAccess): OrganizationOperation {
	return {
		option: { ...WORDS[access], value: `${access}ManagedAccess` },
		fields: [idField('User ID', 'userId', 'The member'), workspaceLocator()],
		execute: perItem({
			parse(itemIndex) {
				return { userId: readId(this, itemIndex, 'userId', 'User ID'), workspaceId: readWorkspaceId(this, itemIndex) };
			},

			async run(client: NotionOrganizationClient, target) {
				return await client.setMcpManagedAccess(access, target);
			},
		}),
	};
}

export const denyManagedAccess = managedAccess('deny');
export const restoreManagedAccess = managedAccess('restore');
