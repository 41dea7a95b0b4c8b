/**
 * The organization's state: generated from the seed alone (the same seed, the same records), shown
 * by the control API, and untouched by a write whose answer was a fault.
 */
import { generateSeed, startEmulator, type Emulator } from '../../../tools/notion-emulator';
import { useEmulator } from '../../../tools/notion-emulator/support';
import { admin } from './support';

const seed = generateSeed({ members: 12, seed: 4, adminOnlyWorkspaces: 2 });

describe('Admin API state', () => {
	const emu = useEmulator({ seed });

	it('generates the same sessions, PATs and MCP connections from the same seed', async () => {
		const other: Emulator = await startEmulator({ seed: generateSeed({ members: 12, seed: 4, adminOnlyWorkspaces: 2 }), rateLimit: false });
		try {
			expect(other.control.snapshot().organization).toEqual(emu().control.snapshot().organization);
			expect(other.tokens.admin).toBe(emu().tokens.admin);
		} finally {
			await other.stop();
		}
		const organization = emu().control.snapshot().organization!;
		expect(organization.pats.length).toBeGreaterThan(0);
		expect(organization.mcpConnections.length).toBeGreaterThan(0);
		expect(Object.keys(organization.sessions)).toContain(seed.members[0].id);
	});

	it('keeps the workspace ids that existed before the Admin API (its own PRNG)', () => {
		const plain = generateSeed({ members: 12, seed: 4 });
		expect(plain.workspace.id).toBe(seed.workspace.id);
		expect(plain.members.map((m) => m.id)).toEqual(seed.members.map((m) => m.id));
		expect(plain.tokens.api).toBe(seed.tokens.api);
	});

	it('generates nothing under credentials: "none", and makes up a token when the seed has none', async () => {
		const bare = generateSeed({ members: 3, seed: 2 });
		delete bare.tokens.admin;
		bare.organization = { credentials: 'none' };
		const other = await startEmulator({ seed: bare, rateLimit: false });
		try {
			const organization = other.control.snapshot().organization!;
			expect([organization.pats, organization.mcpConnections, organization.sessions]).toEqual([[], [], {}]);
			expect(other.tokens.admin).toMatch(/^adm_/);
			expect((await admin(other, '/spaces')).status).toBe(200);
		} finally {
			await other.stop();
		}
	});

	it('shows the organization in GET /_emulator/state', async () => {
		const res = await fetch(`${emu().url}/_emulator/state`);
		const state = (await res.json()) as { organization?: unknown };
		expect(state.organization).toEqual(emu().control.snapshot().organization);
	});

	it('leaves a PAT active when the revoke answer was a truncated fault or an unsaved 503', async () => {
		const target = emu().control.snapshot().organization!.pats.find((p) => p.status === 'active' && p.spaceId === seed.workspace.id)!;
		const path = `/spaces/${seed.workspace.id}/personal_access_tokens/${target.id}`;
		emu().control.scriptFaults(['truncated']);
		await admin(emu(), path, { method: 'DELETE' }).catch(() => undefined);
		emu().limits.script([{ status: 503, saved: false, guidance: 'read_before_retry' }]);
		expect((await admin(emu(), path, { method: 'DELETE' })).status).toBe(503);
		expect(emu().control.snapshot().organization!.pats.find((p) => p.id === target.id)?.status).toBe('active');
		emu().limits.script([{ status: 503, saved: true, guidance: 'read_before_retry' }]);
		expect((await admin(emu(), path, { method: 'DELETE' })).status).toBe(503);
		expect(emu().control.snapshot().organization!.pats.find((p) => p.id === target.id)?.status).toBe('revoked');
	});

	it('logs Admin API requests as api "admin"', async () => {
		emu().control.resetLog();
		await admin(emu(), '/spaces');
		expect(emu().control.requestLog()).toEqual([{ method: 'GET', path: '/admin/v1/spaces', status: 200, api: 'admin' }]);
		expect(emu().control.requestCounts()).toEqual({ 'GET /admin/v1/spaces': 1 });
	});
});
