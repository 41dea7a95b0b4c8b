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
	/** Credit usage per member and per billing period. */
	readCreditUsage: 'user:read',
	/** Create and read user-activity reports (the create page's naming). */
	userActivityReports: 'user-analytics:read',
	/** List the workspace's reports (any one of the analytics scopes; this is the user-activity one). */
	listAnalyticsReports: 'analytics:user-activity',
} as const;

/**
 * Notion's pages name some scopes two ways (an older and a newer console naming); a refusal names
 * the other too, so whichever the console shows can be added.
 */
export const SCOPE_ALIASES: Partial<Record<Scope, string>> = {
	'user-analytics:read': 'analytics:user-activity',
	'analytics:user-activity': 'user-analytics:read',
};

export type Scope = (typeof SCOPES)[keyof typeof SCOPES];
