/** The emulator's public vocabulary (seed format, options, control surface); see docs/emulator.md. */
import type { FileHostRequest } from './admin/fileHost';
import type { NewMcpConnection, NewPat } from './admin/orgControl';
import type { AdminBehaviours, OrganizationSnapshot, SeedOrganization } from './admin/types';
import { ADMIN_DEFAULT_BEHAVIOURS } from './admin/types';
import type { LimitControl } from './limitAnswers';

export type Role = 'owner' | 'membership_admin' | 'member' | 'restricted_member';
export const ROLES: readonly Role[] = ['owner', 'membership_admin', 'member', 'restricted_member'];
export type Plan = 'enterprise' | 'business';

export interface SeedMember {
	id?: string;
	email: string;
	name: string;
	givenName?: string;
	familyName?: string;
	role: Role;
	active?: boolean;
	roleHidden?: boolean;
}

export interface SeedBot {
	id?: string;
	name: string;
}

export interface SeedGuest {
	id?: string;
	email: string;
	name: string;
}

export interface SeedGroup {
	id?: string;
	displayName: string;
	memberEmails?: string[];
	ownsPages?: boolean;
}

export interface Seed {
	workspace: {
		id: string;
		name: string;
		plan: Plan;
		emailCapability: boolean;
		/** Without the user information capability every /v1/users call is refused (403). */
		userCapability?: boolean;
	};
	/** `admin`: the organization bot token of the Admin API (made up when left out). */
	tokens: { api: string; scim: string; admin?: string };
	scimTokenOwnerId: string;
	members: SeedMember[];
	/** The first bot is the integration that owns the API token (GET /v1/users/me). */
	bots: SeedBot[];
	guests: SeedGuest[];
	groups: SeedGroup[];
	/** The organization the workspace belongs to, for the Admin API (admin/types.ts). */
	organization?: SeedOrganization;
}

export type FaultKind =
	| '429'
	| '500'
	| '502'
	| '503'
	| '504'
	| '529'
	| 'edge502'
	| 'reset'
	| 'hang'
	| 'malformed'
	| 'truncated'
	| ListFaultKind;

/**
 * Valid-looking but wrong 200 answers to a member listing (GET /scim/v2/Users without filter,
 * GET /v1/users): they apply to list requests only; see docs/emulator.md.
 */
export type ListFaultKind = 'emptyList' | 'shapelessList' | 'shortTotal' | 'duplicateMember' | 'missingMember';

export const LIST_FAULT_KINDS: readonly ListFaultKind[] = [
	'emptyList',
	'shapelessList',
	'shortTotal',
	'duplicateMember',
	'missingMember',
];

export const ALL_FAULT_KINDS: readonly FaultKind[] = [
	'429',
	'500',
	'502',
	'503',
	'504',
	'529',
	'edge502',
	'reset',
	'hang',
	'malformed',
	'truncated',
	...LIST_FAULT_KINDS,
];

/** Something made to happen just before the `beforeListRequest`-th list request from now (1-based). */
export interface ListingChange {
	beforeListRequest: number;
	/**
	 * `leave`: a member (not the SCIM token owner) is removed; `join`: a newcomer joins, first in
	 * SCIM order; `fault`: `fault` answers this list request; `outage`: every API request from this
	 * one on fails, as with `setFaultRate(1, kinds, seed)`.
	 */
	change: 'leave' | 'join' | 'fault' | 'outage';
	/** Which member leaves: index into the SCIM order without the token owner, modulo its length. */
	pick?: number;
	/** Where a newcomer joins in SCIM order (default `first`); `last` shifts nobody already read. */
	at?: 'first' | 'last';
	fault?: FaultKind;
	kinds?: FaultKind[];
	seed?: number;
}

/** Switches for behaviours the reference marks UNCONFIRMED; defaults are the most likely ones. */
/**
 * The Admin API's switches (admin/types.ts) are optional here, so code that enumerates the switches
 * of the other APIs is unaffected; DEFAULT_BEHAVIOURS sets them all.
 */
export interface Behaviours extends Partial<AdminBehaviours> {
	scimRevokedStatus: 401 | 403;
	notEnterpriseStatus: 401 | 403;
	deletedUserLookup: '404' | 'inactive';
	scimCountOver100: 'clamp' | 'error';
	pageSizeOutOfRange: 'error' | 'clamp';
	scimErrorStatusType: 'string' | 'number';
	resourceTypesShape: 'listResponse' | 'array';
	groupMemberRemoveForm: 'both' | 'pathFilter' | 'valueArray';
	roleUrnPath: boolean;
	maxMembersPerPatch: number;
	tokenOwnerRemoveStatus: 403 | 400;
	unstablePaging: boolean;
	sharedRateLimit: boolean;
	/** SCIM user filter attributes: Notion's documented set, RFC's (userName, emails.value, emails[value eq]), or both. */
	scimUserFilters: 'notion' | 'rfc' | 'both';
	/** A well-formed filter on an attribute not accepted: 400 invalidFilter, or an empty result. */
	scimUnknownFilter: 'invalidFilter' | 'empty';
	/** Notion keeps one name (`displayName` = `name.formatted`); an RFC server keeps each apart. */
	scimNames: 'single' | 'separate';
	/** A SCIM PATCH answers 200 with the resource, or 204 without a body (RFC 7644 §3.5.2). */
	scimPatchAnswer: 'resource' | 'noContent';
	/** The media type of SCIM answers. */
	scimMediaType: 'application/json' | 'application/scim+json';
	/** Whether a SCIM 201 carries a Location header. */
	scimCreateLocation: boolean;
	/** Whether the server knows Notion's role extension (without it: no role shown, role writes 400 invalidPath). */
	notionRoleExtension: boolean;
	/** Every SCIM error carries a scimType (servers that fill it in beyond RFC 7644's 400s). */
	scimTypeOnEveryError: boolean;
	/** The most resources a SCIM page holds (`count` above it is clamped, or refused per scimCountOver100). */
	scimMaxResults: number;
}

export const DEFAULT_BEHAVIOURS: Readonly<Behaviours> = {
	...ADMIN_DEFAULT_BEHAVIOURS,
	scimRevokedStatus: 401,
	notEnterpriseStatus: 403,
	deletedUserLookup: '404',
	scimCountOver100: 'clamp',
	pageSizeOutOfRange: 'error',
	scimErrorStatusType: 'string',
	resourceTypesShape: 'listResponse',
	groupMemberRemoveForm: 'both',
	roleUrnPath: true,
	maxMembersPerPatch: 100,
	tokenOwnerRemoveStatus: 403,
	unstablePaging: false,
	sharedRateLimit: false,
	scimUserFilters: 'both',
	scimUnknownFilter: 'invalidFilter',
	scimNames: 'single',
	scimPatchAnswer: 'resource',
	scimMediaType: 'application/json',
	scimCreateLocation: true,
	notionRoleExtension: true,
	scimTypeOnEveryError: false,
	scimMaxResults: 100,
};

/** The older model: a token bucket per token (about 3 requests per second, some burst). */
export interface TokenBucketOptions {
	model?: 'tokenBucket';
	requestsPerSecond: number;
	burst: number;
}

/** Notion's documented limits (requestLimits.ts): fixed windows per connection, workspace, endpoint. */
export interface WindowLimitOptions {
	model: 'window';
	/** Per-connection budget per window by plan: business (Business, Enterprise) 600, other 180. */
	plan?: 'business' | 'other';
	/** Overrides the plan's budget. */
	perConnection?: number;
	/** Window length (Notion: 60 s); tests shorten it. */
	windowMs?: number;
	/** Budget per window shared by every connection to the workspace; none when absent. */
	workspaceBudget?: number;
	/** The workspace window's length (default `windowMs`); its Retry-After may exceed a minute. */
	workspaceWindowMs?: number;
	/** Whether SCIM requests count toward the workspace budget (unconfirmed; default true). */
	scimCountsTowardWorkspace?: boolean;
	/** Whether the Admin API's organization token counts toward the workspace budget (unconfirmed; default false). */
	adminCountsTowardWorkspace?: boolean;
	/** Extra budgets per window and connection for requests whose "METHOD /path" starts with `prefix`. */
	endpoints?: Array<{ prefix: string; budget: number }>;
	/** Connections whose API access is restricted from the start. */
	blocked?: Array<'api' | 'scim' | 'admin'>;
}

export type RateLimitOptions = TokenBucketOptions | WindowLimitOptions;

export interface FaultOptions {
	rate: number;
	kinds?: FaultKind[];
	seed?: number;
}

export interface EmulatorOptions {
	seed?: Seed;
	port?: number;
	rateLimit?: RateLimitOptions | false;
	latencyMs?: number;
	faults?: FaultOptions;
	behaviours?: Partial<Behaviours>;
	/** The emulator's clock (epoch ms; default Date.now): export times and download-link expiry. */
	now?: () => number;
	/**
	 * Join that emulator's organization (started in this process): its Admin API lists this
	 * workspace and reads its people live; a seeded email it already knows keeps that user id.
	 */
	organizationOf?: Emulator;
}

export type ApiKind = 'standard' | 'scim' | 'admin' | 'control';

export interface LogEntry {
	method: string;
	path: string;
	status: number;
	api: ApiKind;
	/** Set when a fault replaced the answer; status is 0 for 'reset' and 'hang'. */
	fault?: FaultKind;
	/** Set on a list request that a scripted listing change ran before. */
	listingChange?: Array<ListingChange['change']>;
}

export interface MemberState {
	id: string;
	email: string;
	name: string;
	givenName?: string;
	familyName?: string;
	role: Role;
	active: boolean;
	roleHidden: boolean;
}

export interface GroupState {
	id: string;
	displayName: string;
	memberIds: string[];
	ownsPages: boolean;
}

export interface WorkspaceSnapshot {
	workspace: {
		id: string;
		name: string;
		plan: Plan;
		emailCapability: boolean;
		userCapability: boolean;
	};
	scimTokenRevoked: boolean;
	scimTokenOwnerId: string;
	members: MemberState[];
	bots: Array<{ id: string; name: string }>;
	guests: Array<{ id: string; email: string; name: string }>;
	groups: GroupState[];
	/** The organization (Admin API): its workspaces, sessions, PATs and MCP connections. */
	organization?: OrganizationSnapshot;
}

export interface EmulatorControl {
	requestLog(): LogEntry[];
	requestCounts(): Record<string, number>;
	resetLog(): void;
	scriptFaults(faults: FaultKind[]): void;
	setFaultRate(rate: number, kinds?: FaultKind[], seed?: number): void;
	/** Workspace changes made between two page reads of a listing (counted in list requests). */
	scriptListingChanges(changes: ListingChange[]): void;
	/** Drops the fault script and the listing changes not yet used, and sets the fault rate to 0. */
	clearFaults(): void;
	setBehaviours(partial: Partial<Behaviours>): void;
	revokeScimToken(): void;
	/** Undoes revokeScimToken (the token owner must still be an active owner). */
	restoreScimToken(): void;
	setPlan(plan: Plan): void;
	setEmailCapability(on: boolean): void;
	setUserCapability(on: boolean): void;
	addMember(member: SeedMember): string;
	updateMember(id: string, partial: Partial<Omit<SeedMember, 'id'>>): void;
	removeMember(id: string): void;
	addGroup(group: SeedGroup): string;
	/** Admin API: a member connects an MCP client (again); refused for a managed one while denied. */
	addMcpConnection(connection: NewMcpConnection): void;
	/** Admin API: a member creates a PAT in a workspace of the organization → its id. */
	addPat(pat: NewPat): string;
	/** Admin API: ends an export job in progress now (default outcome: `adminExportOutcome`). */
	finishExport(jobId: string, outcome?: 'completed' | 'failed'): void;
	/** Every request the file host received, headers included (secret values `[redacted]`). */
	fileHostRequests(): FileHostRequest[];
	snapshot(): WorkspaceSnapshot;
}

export interface Emulator {
	url: string;
	/** `admin`: the organization bot token (Admin API under `${url}/admin/v1`). */
	tokens: { api: string; scim: string; admin: string };
	control: EmulatorControl;
	/** Scripted 429/529/503 answers and blocked connections (limitAnswers.ts). */
	limits: LimitControl;
	/** The file host (export downloads), a second loopback server. */
	fileHostUrl: string;
	stop(): Promise<void>;
}
