/**
 * The Admin API's vocabulary: the organization's seed, its switches for UNCONFIRMED behaviour and
 * what the control API shows of it. Kept apart from types.ts so the rest of the emulator reads as
 * before; types.ts and index.ts re-export what tests need.
 */
import type { Role } from '../types';

/** The only Notion-Version the Admin API accepts. */
export const ADMIN_API_VERSION = '2026-06-01';

export type AdminScope =
	| 'workspace:read'
	| 'user:read'
	| 'personal-access-token:read'
	| 'personal-access-token:write-high-impact'
	| 'managed-user-session:write'
	| 'mcp-client-connection:read'
	| 'mcp-client-connection:write-high-impact';

export const ADMIN_SCOPES: readonly AdminScope[] = [
	'workspace:read',
	'user:read',
	'personal-access-token:read',
	'personal-access-token:write-high-impact',
	'managed-user-session:write',
	'mcp-client-connection:read',
	'mcp-client-connection:write-high-impact',
];

/** Switches for what the Admin API reference leaves UNCONFIRMED (defaults: its best guess). */
export interface AdminBehaviours {
	/** Missing or wrong Notion-Version: 400 validation_error; public-API style (missing_version when absent); or accepted. */
	adminVersionCheck: 'validation_error' | 'missing_version' | 'accept';
	/** Error body family: per endpoint as the reference guesses, or one family everywhere. */
	adminErrorEnvelope: 'perEndpoint' | 'type' | 'object';
	/** The scopes the organization token holds; 'all' = every scope. */
	adminTokenScopes: 'all' | string[];
	/** The code of the 403 for a missing scope. */
	adminMissingScopeCode: string;
	/** A start_cursor the emulator did not hand out: 400 validation_error, or read from the start. */
	adminUnknownCursor: 'error' | 'ignore';
	/** A P1 list's last page: `next_cursor: null`, or the key left out. */
	adminLastPageCursor: 'null' | 'omitted';
	/** MCP connections list: P3 (`cursor`, no object/type, next_cursor omitted at the end) or P1. */
	adminMcpPagination: 'p3' | 'p1';
	/** PAT revoke's success answer: 200 with an empty body, or 200 `{}`. */
	adminPatRevokeAnswer: 'empty' | 'emptyObject';
	/** revoke_session's second user shape: `{type:"id",id}` accepted, or only the email shape. */
	adminRevokeSessionById: boolean;
	/** revoke_session for an account the organization does not manage: 404, or `revoked` anyway. */
	adminRevokeSessionUnknown: '404' | 'revoked';
	/** The count field of POST /v1/mcp_client_connections/revoke. */
	adminMcpRevokeCountField: string;
	/** Whether the organization token counts against request limits as one more connection. */
	adminRequestLimits: boolean;
}

export const ADMIN_DEFAULT_BEHAVIOURS: Readonly<AdminBehaviours> = {
	adminVersionCheck: 'validation_error',
	adminErrorEnvelope: 'perEndpoint',
	adminTokenScopes: 'all',
	adminMissingScopeCode: 'restricted_resource',
	adminUnknownCursor: 'error',
	adminLastPageCursor: 'null',
	adminMcpPagination: 'p3',
	adminPatRevokeAnswer: 'empty',
	adminRevokeSessionById: true,
	adminRevokeSessionUnknown: '404',
	adminMcpRevokeCountField: 'revoked_token_count',
	adminRequestLimits: true,
};

/** A member of a further workspace: the same email as elsewhere in the organization is the same account. */
export interface SeedOrgMember {
	id?: string;
	email: string;
	name: string;
	role: Role;
	active?: boolean;
}

/** A further workspace of the organization, reachable through the Admin API only. */
export interface SeedOrgWorkspace {
	id: string;
	name: string;
	members: SeedOrgMember[];
	bots?: Array<{ id?: string; name: string }>;
	/** A deleted workspace is left out of every Admin API answer. */
	deleted?: boolean;
	/** Whether enterprise-managed MCP connections are available there (default true). */
	enterpriseManagedMcp?: boolean;
}

export interface SeedOrganization {
	id?: string;
	name?: string;
	/** Verified domains: their accounts are managed users (default: the main workspace members' domains). */
	domains?: string[];
	workspaces?: SeedOrgWorkspace[];
	/** Sessions, PATs and MCP connections: generated from the seed (default), or none. */
	credentials?: 'generated' | 'none';
}

export type PatStatus = 'active' | 'expired' | 'revoked';

export interface PatState {
	id: string;
	spaceId: string;
	name: string;
	creatorId: string;
	status: PatStatus;
	createdTime: string;
	expiryTime: string | null;
	lastUsedTime: string | null;
}

export interface McpClient {
	key: string;
	name: string;
	type: string;
}

/** One member's connection from one client in one workspace. */
export interface McpConnectionState {
	userId: string;
	workspaceId: string;
	client: McpClient;
	isEnterpriseManaged: boolean;
	idpIssuer: string | null;
	/** Tokens not revoked; 0 after a revoke (the row then leaves the list). */
	activeTokens: number;
	status: 'active' | 'revoked';
	createdAt: string;
	lastActiveAt: string;
}

export interface OrgWorkspaceState {
	id: string;
	name: string;
	/** `main`: the workspace the SCIM and standard API serve; `adminOnly`: declared in the seed's organization. */
	kind: 'main' | 'adminOnly';
	deleted: boolean;
	enterpriseManagedMcp: boolean;
}

export interface OrganizationSnapshot {
	id: string;
	name: string;
	domains: string[];
	workspaces: OrgWorkspaceState[];
	/** Members of the Admin-API-only workspaces (the main one's are the snapshot's `members`). */
	adminOnlyMembers: Array<{ workspaceId: string; id: string; email: string; name: string; role: Role; active: boolean }>;
	/** Active sessions per user id (0 after a revoke). */
	sessions: Record<string, number>;
	pats: PatState[];
	mcpConnections: McpConnectionState[];
	/** `${userId}:${workspaceId}` pairs whose enterprise-managed MCP access is denied. */
	deniedManagedAccess: string[];
}

/** One Admin API switch as set (the default if a caller cleared it). */
export function adminSwitch<K extends keyof AdminBehaviours>(
	behaviours: Partial<AdminBehaviours>,
	key: K,
): AdminBehaviours[K] {
	return behaviours[key] ?? ADMIN_DEFAULT_BEHAVIOURS[key];
}
