/**
 * Session → Revoke and Personal Access Token → Get Many / Revoke through n8n's engine against the
 * emulator's Admin API: what changes in the organization, not found, a missing scope named.
 */
import type { Emulator } from '../../../tools/notion-emulator';
import { ABSENT, adminRequests, byEmail, byId, expectSuccess, organization, runOrganization, startOrganization } from './support';

let emulator: Emulator;
beforeEach(async () => {
	emulator = await startOrganization();
});
afterEach(async () => {
	await emulator.stop();
});

const mainWorkspace = () => emulator.control.snapshot().workspace.id;
const owner = () => emulator.control.snapshot().members[0];
const sessionsOf = (userId: string) => organization(emulator).sessions[userId];
const json = (run: { items: Array<{ json: unknown }> }) => run.items.map((item) => item.json as Record<string, unknown>);

describe('Session → Revoke', () => {
	it('by email: the exact address is found in the workspaces, then every session of that user ends', async () => {
		const { id, email } = owner();
		expect(sessionsOf(id)).toBeGreaterThan(0);
		const run = await runOrganization(emulator, { resource: 'session', operation: 'revoke', user: byEmail(email.toUpperCase()) });
		expectSuccess(run);
		expect(json(run)[0]).toMatchObject({ status: 'revoked', userId: id, email: email.toLowerCase() });
		expect((json(run)[0].workspaceIds as string[]).length).toBeGreaterThanOrEqual(2);
		expect(sessionsOf(id)).toBe(0);
	});

	it('by ID: the sessions end; where Notion takes only the email form, the address is looked up and sent', async () => {
		const member = emulator.control.snapshot().members[1];
		let run = await runOrganization(emulator, { resource: 'session', operation: 'revoke', user: byId(member.id) });
		expectSuccess(run);
		expect(sessionsOf(member.id)).toBe(0);

		const other = emulator.control.snapshot().members[2];
		emulator.control.setBehaviours({ adminRevokeSessionById: false });
		run = await runOrganization(emulator, { resource: 'session', operation: 'revoke', user: byId(other.id) });
		expectSuccess(run);
		expect(json(run)).toEqual([{ status: 'revoked', userId: other.id }]);
		expect(sessionsOf(other.id)).toBe(0);
	});

	it('an address that is no member anywhere fails as not found, and no revoke is sent', async () => {
		emulator.control.resetLog();
		const run = await runOrganization(emulator, { resource: 'session', operation: 'revoke', user: byEmail(`x${owner().email}`) }, { continueOnFail: true });
		expectSuccess(run);
		expect(json(run)[0]).toMatchObject({ kind: 'not_found' });
		expect(adminRequests(emulator).filter((request) => request.startsWith('POST'))).toEqual([]);
	});

	it('a token without managed-user-session:write fails naming that scope', async () => {
		emulator.control.setBehaviours({ adminTokenScopes: ['workspace:read', 'user:read'] });
		const run = await runOrganization(emulator, { resource: 'session', operation: 'revoke', user: byId(owner().id) });
		expect(run.status).toBe('error');
		expect(run.error?.message).toContain('"managed-user-session:write"');
	});
});

describe('Personal Access Token → Get Many', () => {
	const patsOf = (workspaceId: string) => organization(emulator).pats.filter((pat) => pat.spaceId === workspaceId);

	it("lists the workspace's tokens (never a secret), each with its workspace", async () => {
		const run = await runOrganization(emulator, { resource: 'personalAccessToken', operation: 'getAll', workspace: byId(mainWorkspace()), returnAll: true });
		expectSuccess(run);
		expect(json(run).map((item) => item.id).sort()).toEqual(patsOf(mainWorkspace()).map((pat) => pat.id).sort());
		expect(json(run).every((item) => item.workspaceId === mainWorkspace())).toBe(true);
	});

	it('filters by owner (by email, matched among the members) and status', async () => {
		const { id, email } = owner();
		const run = await runOrganization(emulator, {
			resource: 'personalAccessToken',
			operation: 'getAll',
			workspace: byId(mainWorkspace()),
			returnAll: true,
			filters: { owner: email, status: ['active'] },
		});
		expectSuccess(run);
		const expected = patsOf(mainWorkspace()).filter((pat) => pat.creatorId === id && pat.status === 'active');
		expect(expected.length).toBeGreaterThan(0);
		expect(json(run).map((item) => item.id)).toEqual(expected.map((pat) => pat.id));
	});

	it('an owner address that is no member of the workspace fails as not found', async () => {
		const run = await runOrganization(
			emulator,
			{ resource: 'personalAccessToken', operation: 'getAll', workspace: byId(mainWorkspace()), returnAll: true, filters: { owner: 'nobody@acme.test' } },
			{ continueOnFail: true },
		);
		expect(json(run)[0]).toMatchObject({ kind: 'not_found' });
	});
});

describe('Personal Access Token → Revoke', () => {
	it('revokes the token for good; revoking it again changes nothing and succeeds', async () => {
		const pat = organization(emulator).pats.find((entry) => entry.spaceId === mainWorkspace() && entry.status === 'active')!;
		for (let time = 0; time < 2; time++) {
			const run = await runOrganization(emulator, { resource: 'personalAccessToken', operation: 'revoke', workspace: byId(mainWorkspace()), tokenId: pat.id });
			expectSuccess(run);
			expect(json(run)).toEqual([{ workspaceId: mainWorkspace(), tokenId: pat.id, revoked: true }]);
			expect(organization(emulator).pats.find((entry) => entry.id === pat.id)?.status).toBe('revoked');
		}
	});

	it('a token that is not in that workspace fails as not found', async () => {
		const run = await runOrganization(emulator, { resource: 'personalAccessToken', operation: 'revoke', workspace: byId(mainWorkspace()), tokenId: ABSENT });
		expect(run.status).toBe('error');
		expect(run.error?.message).toContain('HTTP 404');
		expect(run.error?.description).toContain('No such token');
	});

	it('a token without personal-access-token:write-high-impact fails naming that scope, and nothing is revoked', async () => {
		const pat = organization(emulator).pats.find((entry) => entry.spaceId === mainWorkspace() && entry.status === 'active')!;
		emulator.control.setBehaviours({ adminTokenScopes: ['workspace:read', 'personal-access-token:read'] });
		const run = await runOrganization(emulator, { resource: 'personalAccessToken', operation: 'revoke', workspace: byId(mainWorkspace()), tokenId: pat.id });
		expect(run.status).toBe('error');
		expect(run.error?.message).toContain('"personal-access-token:write-high-impact"');
		expect(organization(emulator).pats.find((entry) => entry.id === pat.id)?.status).toBe('active');
	});
});
