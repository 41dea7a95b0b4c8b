/**
 * PUT /admin/v1/mcp_client_connections/enterprise_managed_access
 * `{access:"denied"|"allowed",user_id,workspace_id}` (all required). `denied` blocks the member's
 * future enterprise-managed connections in that workspace (every client) and revokes the current
 * ones' tokens; `allowed` lifts the block (only where enterprise-managed connections are available:
 * else 400). Answers `{access,revoked_token_count}` (0 when allowing); repeating is harmless. The
 * target is a person who is or was a member of that workspace of the organization: anything else
 * gets one and the same 404.
 */
import { json } from '../answer';
import type { AdminEndpoint } from '../admin/endpoint';
import { AdminFailure, validationError } from '../admin/errors';
import { jsonBody, uuidAt } from '../admin/query';
import { MCP_NOT_FOUND } from './adminMcpRevoke';

export const updateMcpManagedAccess: AdminEndpoint = {
	method: 'PUT',
	path: '/mcp_client_connections/enterprise_managed_access',
	scope: 'mcp-client-connection:write-high-impact',
	family: 'object',
	handle: ({ ctx, org }) => {
		const body = jsonBody(ctx);
		const access = body.access;
		if (access !== 'denied' && access !== 'allowed') {
			throw validationError(`body failed validation: body.access should be \`"denied"\` or \`"allowed"\`, instead was \`${JSON.stringify(access ?? null)}\`.`);
		}
		const userId = uuidAt(body.user_id, 'body.user_id');
		const workspaceId = uuidAt(body.workspace_id, 'body.workspace_id');
		const workspace = org.workspace(workspaceId);
		if (!workspace || !org.knownIn(userId, workspaceId, ctx.store)) {
			throw new AdminFailure(404, 'object_not_found', MCP_NOT_FOUND);
		}
		if (access === 'allowed') {
			if (!workspace.enterpriseManagedMcp) {
				throw validationError('Enterprise-managed MCP connections are not available in this workspace.');
			}
			org.setDenied(userId, workspaceId, false);
			return json(200, { access, revoked_token_count: 0 });
		}
		org.setDenied(userId, workspaceId, true);
		const count = org.revokeMcp((c) => c.userId === userId && c.workspaceId === workspaceId && c.isEnterpriseManaged);
		return json(200, { access, revoked_token_count: count });
	},
};
