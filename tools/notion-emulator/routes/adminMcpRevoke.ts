/**
 * POST /admin/v1/mcp_client_connections/revoke `{client_key,user_id,workspace_id}` (all required):
 * revokes that member's tokens for that client in that workspace and answers how many
 * (`{revoked_token_count}`; the field's name is unconfirmed: `adminMcpRevokeCountField`). Again
 * 0 once done. A member, workspace or connection that is missing or outside the organization gets
 * one and the same 404.
 */
import { json } from '../answer';
import type { AdminEndpoint } from '../admin/endpoint';
import { AdminFailure } from '../admin/errors';
import { jsonBody, stringField, uuidAt } from '../admin/query';
import { adminSwitch } from '../admin/types';

export const MCP_NOT_FOUND = 'Could not find an MCP client connection for this member and workspace.';

export const revokeMcpConnection: AdminEndpoint = {
	method: 'POST',
	path: '/mcp_client_connections/revoke',
	scope: 'mcp-client-connection:write-high-impact',
	family: 'object',
	handle: ({ ctx, org }) => {
		const body = jsonBody(ctx);
		const clientKey = stringField(body, 'client_key');
		const userId = uuidAt(body.user_id, 'body.user_id');
		const workspaceId = uuidAt(body.workspace_id, 'body.workspace_id');
		const match = (c: { userId: string; workspaceId: string; client: { key: string } }) =>
			c.userId === userId && c.workspaceId === workspaceId && c.client.key === clientKey;
		if (!org.workspace(workspaceId) || !org.mcpConnections().some(match)) {
			throw new AdminFailure(404, 'object_not_found', MCP_NOT_FOUND);
		}
		const count = org.revokeMcp(match);
		return json(200, { [adminSwitch(ctx.behaviours, 'adminMcpRevokeCountField')]: count });
	},
};
