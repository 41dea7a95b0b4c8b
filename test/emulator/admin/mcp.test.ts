/** MCP client connections: the organization-wide list (P3), revoke, and enterprise-managed access. */
import { demoSeed, type McpConnectionState } from '../../../tools/notion-emulator';
import { scim, useEmulator } from '../../../tools/notion-emulator/support';
import { admin } from './support';

const seed = demoSeed();
seed.organization!.workspaces!.push({
	id: '6b000000-0000-4000-8000-000000000006',
	name: 'No managed MCP',
	enterpriseManagedMcp: false,
	members: [{ email: seed.members[6].email, name: seed.members[6].name, role: 'member' }],
});
const main = seed.workspace.id;
const lab = seed.organization!.workspaces![0].id;
// Member 5 is in both workspaces with an enterprise-managed Cursor connection in each (one row).
const both = seed.members[5];
const LIST = '/mcp_client_connections';

interface Row {
	user: { id: string };
	client: { key: string };
	workspaces: Array<{ id: string; name: string }>;
	is_enterprise_managed: boolean;
}

describe('Admin API: MCP client connections', () => {
	const emu = useEmulator({ seed });
	const connections = (): McpConnectionState[] => emu().control.snapshot().organization!.mcpConnections;
	const live = () => connections().filter((c) => c.activeTokens > 0);
	const rowsOf = async (query = ''): Promise<Row[]> => (await admin(emu(), `${LIST}${query}`)).body.results;
	const revoke = (body: unknown) => admin(emu(), `${LIST}/revoke`, { method: 'POST', body });
	const access = (body: unknown) => admin(emu(), `${LIST}/enterprise_managed_access`, { method: 'PUT', body });

	it('lists one row per member, client and governance state, merging workspaces of the same managed state (P3)', async () => {
		const reply = await admin(emu(), LIST);
		expect(reply.status).toBe(200);
		expect(Object.keys(reply.body).sort()).toEqual(['has_more', 'results']);
		expect(reply.body.has_more).toBe(false);
		const keys = new Set(live().map((c) => `${c.userId}|${c.client.key}|${c.isEnterpriseManaged}`));
		expect(reply.body.results).toHaveLength(keys.size);
		const merged = reply.body.results.find((r: Row) => r.user.id === both.id && r.client.key === 'cursor');
		const parts = live().filter((c) => c.userId === both.id && c.client.key === 'cursor');
		expect(merged).toEqual({
			user: { object: 'user', id: both.id },
			client: { key: 'cursor', name: 'Cursor', type: 'cursor' },
			workspaces: [main, lab].sort().map((id) => ({ id, name: id === main ? 'Acme' : 'Acme Labs' })),
			is_enterprise_managed: true,
			idp_issuer: 'https://idp.acme.test',
			created_at: parts.map((c) => c.createdAt).sort()[0],
			last_active_at: parts.map((c) => c.lastActiveAt).sort().at(-1),
		});
		const personal = reply.body.results.find((r: Row) => !r.is_enterprise_managed);
		expect(personal).not.toHaveProperty('idp_issuer');
	});

	it('filters by user_ids[] and workspace_ids[], trimming each row\'s workspaces; foreign ids match nothing', async () => {
		const mine = await rowsOf(`?user_ids[]=${both.id}`);
		expect(mine.length).toBeGreaterThan(0);
		expect(mine.every((r) => r.user.id === both.id)).toBe(true);
		const labRows = await rowsOf(`?workspace_ids[]=${lab}`);
		expect(labRows.length).toBeGreaterThan(0);
		expect(labRows.every((r) => r.workspaces.length === 1 && r.workspaces[0].id === lab)).toBe(true);
		expect(await rowsOf('?workspace_ids[]=7c000000-0000-4000-8000-000000000007')).toEqual([]);
		const bad = await admin(emu(), `${LIST}?user_ids[]=nope`);
		expect(bad.status).toBe(400);
		expect(bad.body).toMatchObject({ object: 'error', code: 'validation_error', message: expect.stringContaining('user_ids') });
	});

	it('pages with cursor (P3: next_cursor left out at the end), or with start_cursor under adminMcpPagination "p1"', async () => {
		const all = await rowsOf();
		const paged: Row[] = [];
		let cursor: string | undefined;
		do {
			const reply = await admin(emu(), `${LIST}?page_size=4${cursor ? `&cursor=${cursor}` : ''}`);
			paged.push(...reply.body.results);
			cursor = reply.body.next_cursor;
			expect(reply.body.has_more).toBe(cursor !== undefined);
		} while (cursor);
		expect(paged).toEqual(all);
		emu().control.setBehaviours({ adminMcpPagination: 'p1' });
		const first = await admin(emu(), `${LIST}?page_size=4`);
		expect(first.body).toMatchObject({ object: 'list', type: 'mcp_client_connection', has_more: true });
		const second = await admin(emu(), `${LIST}?page_size=100&start_cursor=${first.body.next_cursor}`);
		expect([...first.body.results, ...second.body.results]).toEqual(all);
		expect(second.body.next_cursor).toBeNull();
	});

	it('revokes one member\'s tokens for one client in one workspace, answering the count; again 0', async () => {
		const body = { client_key: 'cursor', user_id: both.id, workspace_id: main };
		const first = await revoke(body);
		expect(first.status).toBe(200);
		expect(first.body).toEqual({ revoked_token_count: 1 });
		expect((await revoke(body)).body).toEqual({ revoked_token_count: 0 });
		const state = connections().filter((c) => c.userId === both.id && c.client.key === 'cursor');
		expect(state.map((c) => [c.workspaceId, c.status, c.activeTokens])).toEqual(
			expect.arrayContaining([[main, 'revoked', 0], [lab, 'active', 1]]),
		);
		const row = (await rowsOf(`?user_ids[]=${both.id}`)).find((r) => r.client.key === 'cursor');
		expect(row?.workspaces.map((w) => w.id)).toEqual([lab]);
	});

	it('names the count field as adminMcpRevokeCountField says', async () => {
		emu().control.setBehaviours({ adminMcpRevokeCountField: 'revoked_tokens' });
		const reply = await revoke({ client_key: 'claude-code', user_id: seed.members[0].id, workspace_id: main });
		expect(reply.body).toEqual({ revoked_tokens: 2 });
	});

	it('answers one and the same 404 for a missing connection, member or foreign workspace; 400 for a missing field', async () => {
		const replies = [
			await revoke({ client_key: 'no-such-client', user_id: both.id, workspace_id: main }),
			await revoke({ client_key: 'cursor', user_id: '7d000000-0000-4000-8000-000000000007', workspace_id: main }),
			await revoke({ client_key: 'cursor', user_id: both.id, workspace_id: '7c000000-0000-4000-8000-000000000007' }),
		];
		for (const reply of replies) {
			expect(reply.status).toBe(404);
			expect([reply.body.code, reply.body.message]).toEqual([replies[0].body.code, replies[0].body.message]);
		}
		const missing = await revoke({ user_id: both.id, workspace_id: main });
		expect(missing.status).toBe(400);
		expect(missing.body.message).toContain('client_key');
	});

	it('denies enterprise-managed access (revoking current managed tokens), idempotently, and restores it', async () => {
		const body = { user_id: both.id, workspace_id: lab };
		expect((await access({ ...body, access: 'denied' })).body).toEqual({ access: 'denied', revoked_token_count: 1 });
		expect((await access({ ...body, access: 'denied' })).body).toEqual({ access: 'denied', revoked_token_count: 0 });
		expect(emu().control.snapshot().organization!.deniedManagedAccess).toEqual([`${both.id}:${lab}`]);
		const lab1 = connections().find((c) => c.userId === both.id && c.workspaceId === lab && c.client.key === 'cursor');
		expect(lab1).toMatchObject({ status: 'revoked', activeTokens: 0 });
		// The main workspace's connection is another workspace's: untouched.
		expect(connections().find((c) => c.userId === both.id && c.workspaceId === main && c.client.key === 'cursor')?.activeTokens).toBe(1);
		expect((await access({ ...body, access: 'allowed' })).body).toEqual({ access: 'allowed', revoked_token_count: 0 });
		expect((await access({ ...body, access: 'allowed' })).status).toBe(200);
		expect(emu().control.snapshot().organization!.deniedManagedAccess).toEqual([]);
	});

	it('reaches a member removed through SCIM (their connections outlive the removal)', async () => {
		expect((await scim(emu(), 'DELETE', `/Users/${both.id}`)).status).toBe(204);
		expect((await rowsOf(`?user_ids[]=${both.id}`)).length).toBeGreaterThan(0);
		expect((await access({ user_id: both.id, workspace_id: main, access: 'denied' })).body).toEqual({ access: 'denied', revoked_token_count: 1 });
	});

	it('refuses to restore where enterprise-managed connections are not available, and answers 404 for non-members and guests', async () => {
		const noManaged = '6b000000-0000-4000-8000-000000000006';
		expect((await access({ user_id: seed.members[6].id, workspace_id: noManaged, access: 'denied' })).status).toBe(200);
		const restore = await access({ user_id: seed.members[6].id, workspace_id: noManaged, access: 'allowed' });
		expect(restore.status).toBe(400);
		expect(restore.body.code).toBe('validation_error');
		// Member 7 is not in that workspace; a guest of the main workspace is no member of it.
		for (const [user, workspace] of [[seed.members[7].id, noManaged], [seed.guests[0].id, main]]) {
			const reply = await access({ user_id: user, workspace_id: workspace, access: 'denied' });
			expect(reply.status).toBe(404);
			expect(reply.body.message).toBe('Could not find an MCP client connection for this member and workspace.');
		}
		expect((await access({ user_id: both.id, workspace_id: main, access: 'paused' })).status).toBe(400);
	});

	it('needs mcp-client-connection:read to list and :write-high-impact to change', async () => {
		const before = live().length;
		emu().control.setBehaviours({ adminTokenScopes: ['mcp-client-connection:read'] });
		expect((await admin(emu(), LIST)).status).toBe(200);
		expect((await revoke({ client_key: 'cursor', user_id: both.id, workspace_id: main })).status).toBe(403);
		expect((await access({ user_id: both.id, workspace_id: main, access: 'denied' })).status).toBe(403);
		expect(live()).toHaveLength(before);
	});
});
