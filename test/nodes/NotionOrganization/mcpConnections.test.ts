/**
 * MCP Connection → Get Many, Revoke, Deny and Restore Managed Access through n8n's engine against
 * the emulator's Admin API: what changes in the organization, not found, a missing scope named.
 */
import type { Emulator } from '../../../tools/notion-emulator';
import { ABSENT, byId, expectSuccess, organization, runOrganization, startOrganization } from './support';

let emulator: Emulator;
beforeEach(async () => {
	emulator = await startOrganization();
});
afterEach(async () => {
	await emulator.stop();
});

const json = (run: { items: Array<{ json: unknown }> }) => run.items.map((item) => item.json as Record<string, unknown>);
const liveConnections = () => organization(emulator).mcpConnections.filter((connection) => connection.activeTokens > 0);

describe('MCP Connection → Get Many', () => {
	it('lists the connections of the organization, and only those of the given members', async () => {
		let run = await runOrganization(emulator, { resource: 'mcpConnection', operation: 'getAll', returnAll: true });
		expectSuccess(run);
		const users = new Set(liveConnections().map((connection) => connection.userId));
		expect(new Set(json(run).map((row) => (row.user as { id: string }).id))).toEqual(users);

		const one = liveConnections()[0].userId;
		run = await runOrganization(emulator, { resource: 'mcpConnection', operation: 'getAll', returnAll: true, filters: { userIds: one } });
		expectSuccess(run);
		expect(json(run).length).toBeGreaterThan(0);
		expect(json(run).every((row) => (row.user as { id: string }).id === one)).toBe(true);
	});

	it('reads either list shape (P3 with cursor, or P1), and stops at a limit', async () => {
		const all = await runOrganization(emulator, { resource: 'mcpConnection', operation: 'getAll', returnAll: true });
		for (const adminMcpPagination of ['p3', 'p1'] as const) {
			emulator.control.setBehaviours({ adminMcpPagination });
			const limited = await runOrganization(emulator, { resource: 'mcpConnection', operation: 'getAll', returnAll: false, limit: 3 });
			expectSuccess(limited);
			expect(json(limited)).toEqual(json(all).slice(0, 3));
		}
	});
});

describe('MCP Connection → Revoke', () => {
	it("revokes the member's tokens for that client in that workspace and says how many", async () => {
		const connection = liveConnections()[0];
		const run = await runOrganization(emulator, {
			resource: 'mcpConnection',
			operation: 'revoke',
			clientKey: connection.client.key,
			userId: connection.userId,
			workspace: byId(connection.workspaceId),
		});
		expectSuccess(run);
		expect(json(run)).toEqual([
			{ clientKey: connection.client.key, userId: connection.userId, workspaceId: connection.workspaceId, revokedTokenCount: connection.activeTokens },
		]);
		const after = organization(emulator).mcpConnections.find(
			(entry) => entry.userId === connection.userId && entry.workspaceId === connection.workspaceId && entry.client.key === connection.client.key,
		);
		expect(after?.activeTokens).toBe(0);
	});

	it('an unknown member fails as not found, saying Notion cannot tell what is missing', async () => {
		const connection = liveConnections()[0];
		const run = await runOrganization(emulator, {
			resource: 'mcpConnection',
			operation: 'revoke',
			clientKey: connection.client.key,
			userId: ABSENT,
			workspace: byId(connection.workspaceId),
		});
		expect(run.status).toBe('error');
		expect(run.error?.description).toContain('No such connection');
	});

	it('a token without mcp-client-connection:write-high-impact fails naming that scope', async () => {
		const connection = liveConnections()[0];
		emulator.control.setBehaviours({ adminTokenScopes: ['mcp-client-connection:read'] });
		const run = await runOrganization(emulator, {
			resource: 'mcpConnection',
			operation: 'revoke',
			clientKey: connection.client.key,
			userId: connection.userId,
			workspace: byId(connection.workspaceId),
		});
		expect(run.status).toBe('error');
		expect(run.error?.message).toContain('"mcp-client-connection:write-high-impact"');
	});
});

describe('MCP Connection → Deny / Restore Managed Access', () => {
	it('deny blocks the member there and revokes their managed tokens; restore lifts the block', async () => {
		const managed = liveConnections().find((connection) => connection.isEnterpriseManaged)!;
		const target = { userId: managed.userId, workspace: byId(managed.workspaceId) };
		const pair = `${managed.userId}:${managed.workspaceId}`;

		const denied = await runOrganization(emulator, { resource: 'mcpConnection', operation: 'denyManagedAccess', ...target });
		expectSuccess(denied);
		expect(json(denied)).toEqual([{ userId: managed.userId, workspaceId: managed.workspaceId, access: 'denied', revokedTokenCount: managed.activeTokens }]);
		expect(organization(emulator).deniedManagedAccess).toContain(pair);

		const restored = await runOrganization(emulator, { resource: 'mcpConnection', operation: 'restoreManagedAccess', ...target });
		expectSuccess(restored);
		expect(json(restored)).toEqual([{ userId: managed.userId, workspaceId: managed.workspaceId, access: 'allowed', revokedTokenCount: 0 }]);
		expect(organization(emulator).deniedManagedAccess).not.toContain(pair);
	});

	it('a workspace outside the organization fails as not found', async () => {
		const managed = liveConnections().find((connection) => connection.isEnterpriseManaged)!;
		const run = await runOrganization(emulator, { resource: 'mcpConnection', operation: 'denyManagedAccess', userId: managed.userId, workspace: byId(ABSENT) }, { continueOnFail: true });
		expectSuccess(run);
		expect(json(run)[0]).toMatchObject({ kind: 'not_found' });
	});
});
