/**
 * The organization bot token's scope each call needs (Notion's Admin API pages name one per
 * endpoint). A refusal for lack of it names the scope to add; the credential's help text and the
 * docs list the same table.
 */
export const SCOPES = {
	listWorkspaces: 'workspace:read',
	listWorkspaceUsers: 'user:read',
	revokeSessions: 'managed-user-session:write',
	listPersonalAccessTokens: 'personal-access-token:read',
	revokePersonalAccessToken: 'personal-access-token:write-high-impact',
	listMcpConnections: 'mcp-client-connection:read',
	revokeMcpConnection: 'mcp-client-connection:write-high-impact',
	setMcpManagedAccess: 'mcp-client-connection:write-high-impact',
	readPermissionGroups: 'permission-group:read',
	writePermissionGroups: 'permission-group:write',
	exportWorkspace: 'workspace:export',
	readLegalHolds: 'legal-hold:read',
	writeLegalHolds: 'legal-hold:write',
	releaseLegalHold: 'legal-hold:write-high-impact',
} as const;

export type Scope = (typeof SCOPES)[keyof typeof SCOPES];
