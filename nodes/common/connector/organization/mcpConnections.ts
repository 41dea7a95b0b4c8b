/**
 * MCP client connections across the organization: list (`GET /v1/mcp_client_connections`),
 * revoke one client's tokens for a member in a workspace (`POST …/revoke`), and deny or restore
 * enterprise-managed access (`PUT …/enterprise_managed_access`). Revoking and denying are safe to
 * repeat (a repeat revokes whatever is there by then), so a lost answer may be retried; the count
 * is then unknown (null).
 */
import { NotionAdminError } from '../errors';
import { RequestFailure } from '../http/responseError';
import { adminCall, isObject, type AdminCall, type AdminContext } from './adminRequest';
import type { McpConnection, McpFilters, McpTarget } from './model';
import { collect } from './pages';
import { SCOPES } from './scopes';

const NOT_FOUND =
	'No such connection: Notion answers alike for a member, workspace or client key that does not exist, is outside the organization or does not match; check them with Get Many';

export async function listMcpConnections(context: AdminContext, filters: McpFilters, limit?: number): Promise<McpConnection[]> {
	return await collect(
		context,
		{
			path: '/mcp_client_connections',
			query: { user_ids: filters.userIds, workspace_ids: filters.workspaceIds },
			action: 'list MCP client connections',
			scope: SCOPES.listMcpConnections,
			notFound: 'Check the Base URL of the Notion Organization API credential: it must end in /admin',
			cursorParam: 'cursor',
			paged: false,
		},
		(raw) => (isObject(raw) ? raw : undefined),
		limit,
	);
}

/** The count Notion reports; its field name is not documented for a revoke, so both forms are read. */
function revokedCount(json: unknown): number | undefined {
	if (!isObject(json)) return undefined;
	for (const key of ['revoked_token_count', 'revoked_tokens', 'revoked_count']) {
		if (typeof json[key] === 'number') return json[key];
	}
	return undefined;
}

/**
 * A write Notion documents as safe to repeat, sent again after a lost answer. The repeat's count
 * says only what the repeat revoked, not what the lost attempt did, so the count is then unknown.
 */
async function sendRepeatable(context: AdminContext, call: AdminCall): Promise<{ json: unknown; repeated: boolean }> {
	for (let attempt = 1; ; attempt++) {
		try {
			const { json } = await adminCall(context, { ...call, idempotent: false });
			return { json, repeated: attempt > 1 };
		} catch (error) {
			if (!(error instanceof RequestFailure) || !error.ambiguous || attempt >= context.requester.maxAttempts) throw error;
			await context.requester.backoff(attempt);
		}
	}
}

export async function revokeMcpConnection(context: AdminContext, target: McpTarget): Promise<{ revokedTokenCount: number | null }> {
	const { json, repeated } = await sendRepeatable(context, {
		method: 'POST',
		path: '/mcp_client_connections/revoke',
		body: { client_key: target.clientKey, user_id: target.userId, workspace_id: target.workspaceId },
		action: "revoke a member's MCP client connection",
		scope: SCOPES.revokeMcpConnection,
		notFound: NOT_FOUND,
	});
	return { revokedTokenCount: repeated ? null : (revokedCount(json) ?? null) };
}

export type ManagedAccess = 'deny' | 'restore';

export async function setMcpManagedAccess(
	context: AdminContext,
	access: ManagedAccess,
	target: Omit<McpTarget, 'clientKey'>,
): Promise<{ access: 'denied' | 'allowed'; revokedTokenCount: number | null }> {
	const wanted = access === 'deny' ? 'denied' : 'allowed';
	const { json, repeated } = await sendRepeatable(context, {
		method: 'PUT',
		path: '/mcp_client_connections/enterprise_managed_access',
		body: { access: wanted, user_id: target.userId, workspace_id: target.workspaceId },
		action: access === 'deny' ? 'deny enterprise-managed MCP access' : 'restore enterprise-managed MCP access',
		scope: SCOPES.setMcpManagedAccess,
		notFound: `${NOT_FOUND}. Restoring works only where enterprise-managed connections are available in that workspace`,
		accepts: (body) => isObject(body) && (body.access === 'denied' || body.access === 'allowed'),
	});
	const body = json as { access: 'denied' | 'allowed'; revoked_token_count?: unknown };
	if (body.access !== wanted) {
		throw new NotionAdminError(
			'bad_response',
			`Notion's Admin API answered "${body.access}" when asked for "${wanted}"`,
			'Run it again; Deny and Restore are safe to repeat',
			{ api: 'organization' },
		);
	}
	if (repeated) return { access: body.access, revokedTokenCount: null };
	return { access: body.access, revokedTokenCount: typeof body.revoked_token_count === 'number' ? body.revoked_token_count : 0 };
}
