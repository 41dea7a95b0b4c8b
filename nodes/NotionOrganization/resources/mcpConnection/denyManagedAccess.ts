import { managedAccessOperation } from './managedAccess';

export const denyManagedAccess = managedAccessOperation('deny', {
	name: 'Deny Managed Access',
	value: 'denyManagedAccess',
	description:
		"Block a member's future enterprise-managed MCP connections in a workspace (every client) and revoke the current ones (scope mcp-client-connection:write-high-impact)",
	action: 'Deny managed MCP access',
});
