/**
 * The connector's face for Notion's Admin API: one organization (every workspace it owns), with
 * the organization bot token that the transport adds. Each method checks its input, naming the
 * field, before any request; requests go through the same requester as the SCIM and standard API
 * clients (pacing keyed per credential, retries, 429/529 handling).
 */
import type { NotionDirectoryOptions } from '../directoryOptions';
import { requesterFor } from '../http/requesterFor';
import { NotionAdminError } from '../errors';
import { quoteValue } from '../redact';
import { requireEmail, requireId } from '../validate';
import { adminRoot, type AdminContext } from './adminRequest';
import { checkLimit, checkTokenFilters, optionalIds, requireClientKey } from './inputs';
import type {
	LimitOption,
	McpConnection,
	McpFilters,
	McpTarget,
	PersonalAccessToken,
	PersonSearch,
	TokenFilters,
	Workspace,
	WorkspaceUser,
} from './model';
import { listMcpConnections, revokeMcpConnection, setMcpManagedAccess, type ManagedAccess } from './mcpConnections';
import { WorkspaceExports } from './exportsApi';
import { AnalyticsReports } from './analyticsReports';
import { listCreditPeriods, listMemberCreditUsage, type CreditPeriod, type MemberCreditUsage } from './creditUsage';
import { fetchDownload, type FileDownload } from './reportFile';
import { LegalHolds } from './legalHolds';
import { PermissionGroups } from './permissionGroups';
import { listPersonalAccessTokens, revokePersonalAccessToken } from './personalAccessTokens';
import { revokeSessions, type RevokedSessions } from './sessions';
import { emailOfUser, findPersonInEveryWorkspace, listWorkspaces, listWorkspaceUsers } from './workspaces';

export interface OrganizationOptions extends Omit<NotionDirectoryOptions, 'apiBaseUrl' | 'scimBaseUrl'> {
	/** e.g. https://api.notion.com/admin (a trailing /v1 is accepted). */
	baseUrl: string;
	/**
	 * A plain GET for report files' signed links, given no credential (default: the runtime's
	 * fetch). Never the transport: that one adds the organization bot token.
	 */
	fileDownload?: FileDownload;
}

export function createOrganizationClient(options: OrganizationOptions): NotionOrganizationClient {
	return new NotionOrganizationClient(options);
}

export class NotionOrganizationClient {
	private readonly context: AdminContext;
	/** Each further area of the Admin API has its own module and methods. */
	readonly permissionGroups: PermissionGroups;
	readonly exports: WorkspaceExports;
	readonly legalHolds: LegalHolds;
	readonly analyticsReports: AnalyticsReports;
	/** The injected clock's time: what "today" is for a report's period. */
	readonly now: () => number;

	constructor(options: OrganizationOptions) {
		this.now = options.now;
		const { requester, tuning } = requesterFor(options);
		this.context = { requester, root: adminRoot(options.baseUrl), pageSize: tuning.pageSize };
		this.permissionGroups = new PermissionGroups(this.context);
		const clock = { now: options.now, sleep: options.sleep };
		this.exports = new WorkspaceExports(this.context, clock);
		this.legalHolds = new LegalHolds(this.context, clock);
		this.analyticsReports = new AnalyticsReports(this.context, clock, options.fileDownload ?? fetchDownload);
	}

	async listWorkspaces(options: LimitOption = {}): Promise<Workspace[]> {
		return await listWorkspaces(this.context, checkLimit(options.limit));
	}

	async listWorkspaceUsers(spaceId: string, options: LimitOption = {}): Promise<WorkspaceUser[]> {
		const id = requireId(spaceId, 'workspaceId');
		return await listWorkspaceUsers(this.context, id, checkLimit(options.limit));
	}

	/** Every current member's Notion AI credits in the current billing period (none used included). */
	async listCreditUsage(spaceId: string, options: LimitOption = {}): Promise<MemberCreditUsage[]> {
		const id = requireId(spaceId, 'workspaceId');
		return await listMemberCreditUsage(this.context, id, checkLimit(options.limit));
	}

	/** One member's credits per billing period, newest (the current one) first. */
	async listCreditUsagePeriods(spaceId: string, userId: string, options: LimitOption = {}): Promise<CreditPeriod[]> {
		const space = requireId(spaceId, 'workspaceId');
		const user = requireId(userId, 'userId');
		return await listCreditPeriods(this.context, space, user, checkLimit(options.limit));
	}

	/** Exact address (case aside); reports each workspace where the person is a member. */
	async findPersonInEveryWorkspace(email: string): Promise<PersonSearch> {
		return await findPersonInEveryWorkspace(this.context, requireEmail(email));
	}

	/**
	 * By id. Notion documents only the email form of the body; where the id form is refused as
	 * invalid (400), the person's address is looked up in the workspaces and the email form sent.
	 */
	async revokeSessions(userId: string): Promise<RevokedSessions & { userId: string }> {
		const id = requireId(userId, 'userId');
		try {
			return { ...(await revokeSessions(this.context, { type: 'id', id })), userId: id };
		} catch (error) {
			if (!(error instanceof NotionAdminError) || error.kind !== 'invalid_input') throw error;
			const email = await emailOfUser(this.context, id);
			if (email === undefined) throw error;
			return { ...(await revokeSessions(this.context, { type: 'email', email })), userId: id };
		}
	}

	/** By address, the form Notion documents. */
	async revokeSessionsByEmail(email: string): Promise<RevokedSessions & { email: string }> {
		const address = requireEmail(email);
		return { ...(await revokeSessions(this.context, { type: 'email', email: address })), email: address };
	}

	async listPersonalAccessTokens(
		spaceId: string,
		filters: TokenFilters = {},
		options: LimitOption = {},
	): Promise<PersonalAccessToken[]> {
		const id = requireId(spaceId, 'workspaceId');
		const checked = checkTokenFilters(filters);
		return await listPersonalAccessTokens(this.context, id, checked, checkLimit(options.limit));
	}

	async revokePersonalAccessToken(spaceId: string, botId: string): Promise<{ workspaceId: string; tokenId: string; revoked: true }> {
		const workspaceId = requireId(spaceId, 'workspaceId');
		const tokenId = requireId(botId, 'tokenId');
		await revokePersonalAccessToken(this.context, workspaceId, tokenId);
		return { workspaceId, tokenId, revoked: true };
	}

	async listMcpConnections(filters: McpFilters = {}, options: LimitOption = {}): Promise<McpConnection[]> {
		const checked = {
			userIds: optionalIds(filters.userIds, 'userIds'),
			workspaceIds: optionalIds(filters.workspaceIds, 'workspaceIds'),
		};
		return await listMcpConnections(this.context, checked, checkLimit(options.limit));
	}

	async revokeMcpConnection(target: McpTarget): Promise<McpTarget & { revokedTokenCount: number | null }> {
		const checked = {
			clientKey: requireClientKey(target.clientKey),
			userId: requireId(target.userId, 'userId'),
			workspaceId: requireId(target.workspaceId, 'workspaceId'),
		};
		return { ...checked, ...(await revokeMcpConnection(this.context, checked)) };
	}

	/** Deny blocks future enterprise-managed connections of the member there (and revokes current ones); restore lifts it. */
	async setMcpManagedAccess(
		access: ManagedAccess,
		target: Omit<McpTarget, 'clientKey'>,
	): Promise<{ userId: string; workspaceId: string; access: 'denied' | 'allowed'; revokedTokenCount: number | null }> {
		if (access !== 'deny' && access !== 'restore') {
			throw new NotionAdminError('invalid_input', `${quoteValue(access)} is not deny or restore`, 'Use deny or restore', { field: 'access' });
		}
		const checked = { userId: requireId(target.userId, 'userId'), workspaceId: requireId(target.workspaceId, 'workspaceId') };
		return { ...checked, ...(await setMcpManagedAccess(this.context, access, checked)) };
	}
}
