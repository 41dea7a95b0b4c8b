/** Control-API edits of the organization: a reconnect after a revoke or a deny, a new PAT. */
import { demoSeed } from '../../../tools/notion-emulator';
import { useEmulator } from '../../../tools/notion-emulator/support';
import { admin } from './support';

const seed = demoSeed();
const main = seed.workspace.id;
const member = seed.members[5];

describe('Admin API: control edits', () => {
	const emu = useEmulator({ seed });
	const access = (value: string) =>
		admin(emu(), '/mcp_client_connections/enterprise_managed_access', { method: 'PUT', body: { access: value, user_id: member.id, workspace_id: main } });

	it('plays a reconnect after a revoke: the row is back and a repeated revoke takes the new token', async () => {
		const body = { client_key: 'claude-code', user_id: seed.members[0].id, workspace_id: main };
		expect((await admin(emu(), '/mcp_client_connections/revoke', { method: 'POST', body })).body).toEqual({ revoked_token_count: 2 });
		emu().control.addMcpConnection({ userId: seed.members[0].id!, workspaceId: main, client: { key: 'claude-code', name: 'Claude Code', type: 'claude' } });
		const rows = (await admin(emu(), `/mcp_client_connections?user_ids[]=${seed.members[0].id}`)).body.results;
		expect(rows.some((r: { client: { key: string } }) => r.client.key === 'claude-code')).toBe(true);
		expect((await admin(emu(), '/mcp_client_connections/revoke', { method: 'POST', body })).body).toEqual({ revoked_token_count: 1 });
	});

	it('refuses an enterprise-managed reconnect while denied; after a restore, a new deny takes the new tokens', async () => {
		const reconnect = () =>
			emu().control.addMcpConnection({ userId: member.id!, workspaceId: main, client: { key: 'cursor' }, isEnterpriseManaged: true, tokens: 3 });
		expect((await access('denied')).body).toEqual({ access: 'denied', revoked_token_count: 1 });
		expect(reconnect).toThrow(/denied/);
		expect((await access('allowed')).body).toEqual({ access: 'allowed', revoked_token_count: 0 });
		reconnect();
		expect((await access('denied')).body).toEqual({ access: 'denied', revoked_token_count: 3 });
	});

	it('adds a PAT over HTTP (POST /_emulator/pats), listed and revocable', async () => {
		const res = await fetch(`${emu().url}/_emulator/pats`, {
			method: 'POST',
			body: JSON.stringify({ spaceId: main, creatorId: member.id, name: 'Fresh token' }),
		});
		expect(res.status).toBe(201);
		const { id } = (await res.json()) as { id: string };
		const listed = await admin(emu(), `/spaces/${main}/personal_access_tokens?search=fresh`);
		expect(listed.body.results).toEqual([expect.objectContaining({ id, name: 'Fresh token', status: 'active' })]);
		expect((await admin(emu(), `/spaces/${main}/personal_access_tokens/${id}`, { method: 'DELETE' })).status).toBe(200);
	});

	it('refuses bad input with 400 over HTTP', async () => {
		const res = await fetch(`${emu().url}/_emulator/mcp-connections`, {
			method: 'POST',
			body: JSON.stringify({ userId: seed.guests[0].id, workspaceId: main, client: { key: 'x' } }),
		});
		expect(res.status).toBe(400);
		expect(((await res.json()) as { error: string }).error).toMatch(/no member/);
	});
});
