/**
 * The Admin API's vocabulary: the organization's seed, its switches for UNCONFIRMED behaviour and
 * what the control API shows of it. Kept apart from types.ts so the rest of the emulator reads as
 * before; types.ts and index.ts re-export what tests need.
 */
import type { Role } from '../types';
import type { AnalyticsReportState, SeedOrgAnalytics } from './activityTypes';
import type { AdminGroupState, ExportJobState, LegalHoldState } from './stateTypes';

export type { AnalyticsReportState, SeedActivity, SeedOrgAnalytics } from './activityTypes';

/** The only Notion-Version the Admin API accepts. */
export const ADMIN_API_VERSION = '2026-06-01';

export type AdminScope =
	| 'workspace:read'
	| 'user:read'
	| 'personal-access-token:read'
	| 'personal-access-token:write-high-impact'
	| 'managed-user-session:write'
	| 'mcp-client-connection:read'
	| 'mcp-client-connection:write-high-impact'
	| 'permission-group:read'
	| 'permission-group:write'
	| 'workspace:export'
	| 'legal-hold:read'
	| 'legal-hold:write'
	| 'legal-hold:write-high-impact'
	| 'user-analytics:read'
	| 'analytics:user-activity'
	| 'analytics:ai-analytics'
	| 'analytics:page-content'
	| 'content-analytics:read';

export const ADMIN_SCOPES: readonly AdminScope[] = [
	'workspace:read',
	'user:read',
	'personal-access-token:read',
	'personal-access-token:write-high-impact',
	'managed-user-session:write',
	'mcp-client-connection:read',
	'mcp-client-connection:write-high-impact',
	'permission-group:read',
	'permission-group:write',
	'workspace:export',
	'legal-hold:read',
	'legal-hold:write',
	'legal-hold:write-high-impact',
	'user-analytics:read',
	'analytics:user-activity',
	'analytics:ai-analytics',
	'analytics:page-content',
	'content-analytics:read',
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
	/** Group objects: `{object,id,name}`, or also `is_scim_managed` and `member_count`. */
	adminGroupFields: 'minimal' | 'extended';
	/** Where delete-group reads `transfer_to_owner_id`: either place, the query only, or the JSON body only. */
	adminGroupTransferOwnerIn: 'either' | 'query' | 'body';
	/** Success answer of group delete and member removal: 200 `{}`, or 200 with no body. */
	adminGroupRemovalAnswer: 'emptyObject' | 'empty';
	/** add-member's `role`: optional (default `member`), or required. */
	adminGroupMemberRole: 'optional' | 'required';
	/** Export routes: both layouts, `/v1/spaces/{id}/exports` only, or `/v1/exports` only. */
	adminExportLayout: 'both' | 'newer' | 'older';
	/** The `status` enqueue answers. */
	adminExportEnqueueStatus: string;
	/** The status read on which a job finishes (1 = the first read). */
	adminExportReadsUntilDone: number;
	/** How a job finishes: completed, or failed with error_type/error_message. */
	adminExportOutcome: 'completed' | 'failed';
	/** How many download URLs a completed job has. */
	adminExportFileCount: number;
	/** How long download URLs stay valid after completion (ms; Notion's in-app export: 7 days). */
	adminExportUrlLifetimeMs: number;
	/** Enqueue on behalf of an email that is no member of the workspace: 404 object_not_found, or 400 validation_error. */
	adminExportUnknownUser: '404' | '400';
	/** Legal-hold lists' fixed page size (P2 has no page_size). */
	adminLegalHoldPageSize: number;
	/** At most this many ids inline in a hold's `users.ids` (`total` counts all). */
	adminLegalHoldInlineIds: number;
	/** Adding or removing users on a released hold: 400 validation_error, or allowed. */
	adminLegalHoldReleasedEdits: '400' | 'allowed';
	/** Removing a user from a hold answers: the hold object, or 200 with no body. */
	adminLegalHoldRemoveAnswer: 'hold' | 'empty';
	/** Releasing a released hold: the hold again, or 409 conflict_error. */
	adminLegalHoldReleaseRepeat: 'object' | '409';
	/** Scopes any one of which opens create/get of user-activity reports (two namings were published). */
	adminAnalyticsUserActivityScopes: string[];
	/** Scopes any one of which opens the analytics report list. */
	adminAnalyticsListScopes: string[];
	/** The get read on which a queued report shows `running`, and the one on which it ends. */
	adminAnalyticsReadsUntilRunning: number;
	adminAnalyticsReadsUntilDone: number;
	/** How a report ends: completed, or failed (no link). */
	adminAnalyticsOutcome: 'completed' | 'failed';
	/** Report times (`created_time`, `link_expires_at`): ISO 8601 strings, or epoch ms. */
	adminAnalyticsTimeFormat: 'iso' | 'ms';
	/** How a list cell (`current_teamspaces`) is joined in the CSV file (JSONL has an array). */
	adminAnalyticsCsvListSeparator: string;
	/** `Idempotency-Key` on create: the same key answers the first report again, or is ignored. */
	adminAnalyticsIdempotency: 'replay' | 'ignore';
	/** Create's 202 body: the whole report, or only `{id, status}` as the guide's sample. */
	adminAnalyticsCreateAnswer: 'report' | 'idAndStatus';
	/** Where credit usage gives `metrics_period_start_ms`/`_end_ms`: on each result, or once beside `results`. */
	adminCreditUsagePeriodAt: 'result' | 'list';
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
	adminGroupFields: 'minimal',
	adminGroupTransferOwnerIn: 'either',
	adminGroupRemovalAnswer: 'emptyObject',
	adminGroupMemberRole: 'optional',
	adminExportLayout: 'both',
	adminExportEnqueueStatus: 'in_progress',
	adminExportReadsUntilDone: 3,
	adminExportOutcome: 'completed',
	adminExportFileCount: 1,
	adminExportUrlLifetimeMs: 7 * 24 * 3_600_000,
	adminExportUnknownUser: '404',
	adminLegalHoldPageSize: 100,
	adminLegalHoldInlineIds: 100,
	adminLegalHoldReleasedEdits: '400',
	adminLegalHoldRemoveAnswer: 'hold',
	adminLegalHoldReleaseRepeat: 'object',
	adminAnalyticsUserActivityScopes: ['user-analytics:read', 'analytics:user-activity'],
	adminAnalyticsListScopes: ['analytics:ai-analytics', 'analytics:user-activity', 'analytics:page-content', 'user-analytics:read', 'content-analytics:read'],
	adminAnalyticsReadsUntilRunning: 1,
	adminAnalyticsReadsUntilDone: 3,
	adminAnalyticsOutcome: 'completed',
	adminAnalyticsTimeFormat: 'iso',
	adminAnalyticsCsvListSeparator: ', ',
	adminAnalyticsIdempotency: 'replay',
	adminAnalyticsCreateAnswer: 'report',
	adminCreditUsagePeriodAt: 'result',
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
	/** Activity, credit usage and the workspaces where they are unavailable (admin/activitySeed.ts). */
	analytics?: SeedOrgAnalytics;
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
	/**
	 * `main`: the workspace this emulator's SCIM and standard API serve; `adminOnly`: declared in the
	 * seed's organization; `linked`: another emulator's workspace that joined with `organizationOf`.
	 */
	kind: 'main' | 'adminOnly' | 'linked';
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
	/** Admin-managed permission groups (the main workspace's SCIM groups are the snapshot's `groups`). */
	adminGroups: AdminGroupState[];
	exports: ExportJobState[];
	legalHolds: LegalHoldState[];
	/** User-activity reports as stored (`status` never `expired`: that is read from the clock). */
	analyticsReports: AnalyticsReportState[];
}

/** One Admin API switch as set (the default if a caller cleared it). */
export function adminSwitch<K extends keyof AdminBehaviours>(
	behaviours: Partial<AdminBehaviours>,
	key: K,
): AdminBehaviours[K] {
	return behaviours[key] ?? ADMIN_DEFAULT_BEHAVIOURS[key];
}
