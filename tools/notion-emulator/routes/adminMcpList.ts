/**
 * GET /admin/v1/mcp_client_connections: organization-wide, one row per member + client +
 * governance state; a row merges workspaces only when `is_enterprise_managed` and `idp_issuer` are
 * equal. `created_at` is the earliest connection, `last_active_at` the latest activity. Rows whose
 * tokens are all revoked are left out. Filters `user_ids[]` and `workspace_ids[]` (which also
 * trims each row's `workspaces`; unknown or foreign ids match nothing). Paging: P3 with `cursor`
 * by default, P1 with `start_cursor` under `adminMcpPagination: 'p1'`.
 */
import { json } from '../answer';
import type { AdminEndpoint } from '../admin/endpoint';
import { p1List, p3List, pageOf, pageRequest } from '../admin/pagination';
import { bracketArray, uuidAt } from '../admin/query';
import { userReference } from '../admin/render';
import { adminSwitch, type McpConnectionState } from '../admin/types';

interface Row {
	key: string;
	first: McpConnectionState;
	workspaceIds: string[];
	createdAt: string;
	lastActiveAt: string;
}

export const listMcpConnections: AdminEndpoint = {
	method: 'GET',
	path: '/mcp_client_connections',
	scope: 'mcp-client-connection:read',
	family: 'object',
	handle: ({ ctx, org }) => {
		const users = bracketArray(ctx, 'user_ids')?.map((id) => uuidAt(id, 'query.user_ids[]'));
		const workspaces = bracketArray(ctx, 'workspace_ids')?.map((id) => uuidAt(id, 'query.workspace_ids[]'));
		const rows = new Map<string, Row>();
		for (const c of org.mcpConnections()) {
			if (c.activeTokens === 0 || !org.workspace(c.workspaceId)) continue;
			if (users && !users.includes(c.userId)) continue;
			if (workspaces && !workspaces.includes(c.workspaceId)) continue;
			const key = [c.userId, c.client.key, c.isEnterpriseManaged ? 'managed' : 'personal', c.idpIssuer ?? ''].join('|');
			const row = rows.get(key);
			if (!row) {
				rows.set(key, { key, first: c, workspaceIds: [c.workspaceId], createdAt: c.createdAt, lastActiveAt: c.lastActiveAt });
				continue;
			}
			if (!row.workspaceIds.includes(c.workspaceId)) row.workspaceIds.push(c.workspaceId);
			if (c.createdAt < row.createdAt) row.createdAt = c.createdAt;
			if (c.lastActiveAt > row.lastActiveAt) row.lastActiveAt = c.lastActiveAt;
		}
		const sorted = [...rows.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
		const p1 = adminSwitch(ctx.behaviours, 'adminMcpPagination') === 'p1';
		const request = pageRequest(ctx, 'mcp', p1 ? 'start_cursor' : 'cursor');
		const page = pageOf(sorted, (r) => r.key, 'mcp', request);
		const results = page.results.map((r) => ({
			user: userReference(r.first.userId),
			client: { ...r.first.client },
			workspaces: r.workspaceIds.sort().map((id) => ({ id, name: org.workspace(id)?.name })),
			is_enterprise_managed: r.first.isEnterpriseManaged,
			...(r.first.isEnterpriseManaged ? { idp_issuer: r.first.idpIssuer } : {}),
			created_at: r.createdAt,
			last_active_at: r.lastActiveAt,
		}));
		return json(200, p1 ? p1List(ctx, 'mcp_client_connection', results, page.next) : p3List(results, page.next));
	},
};
