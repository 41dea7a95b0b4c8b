import { managedAccessOperation } from './managedAccess';

export const restoreManagedAccess = managedAccessOperation('restore', {
	name: 'Restore Managed Access',
	value: 'restoreManagedAccess',
	description:
		"Lift a member's block on enterprise-managed MCP connections in a workspace (scope mcp-client-connection:write-high-impact)",
	action: 'Restore managed MCP access',
});
