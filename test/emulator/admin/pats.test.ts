/** Personal access tokens: list with filters (P1), revoke (idempotent, one 404 for every kind of absent). */
import { demoSeed, type PatState } from '../../../tools/notion-emulator';
import { useEmulator } from '../../../tools/notion-emulator/support';
import { admin, allPages } from './support';

const seed = demoSeed();
const space = seed.workspace.id;
const lab = seed.organization!.workspaces![0].id;
const path = (workspace = space) => `/spaces/${workspace}/personal_access_tokens`;

describe('Admin API: personal access tokens', () => {
	const emu = useEmulator({ seed });
	const pats = (): PatState[] => emu().control.snapshot().organization!.pats;
	const ofMain = () => pats().filter((p) => p.spaceId === space).sort((a, b) => (a.id < b.id ? -1 : 1));
	const revoke = (id: string, workspace = space) => admin(emu(), `${path(workspace)}/${id}`, { method: 'DELETE' });

	it('lists the workspace\'s PAT records of every status, by id, with creator and times, never a secret', async () => {
		const reply = await admin(emu(), path());
		expect(reply.status).toBe(200);
		const expected = ofMain();
		expect(new Set(expected.map((p) => p.status))).toEqual(new Set(['active', 'expired', 'revoked']));
		expect(reply.body).toMatchObject({ object: 'list', type: 'personal_access_token', has_more: false, next_cursor: null });
		expect(reply.body.results.map((r: { id: string }) => r.id)).toEqual(expected.map((p) => p.id));
		const first = expected[0];
		const creator = seed.members.find((m) => m.id === first.creatorId)!;
		expect(reply.body.results[0]).toEqual({
			id: first.id,
			name: first.name,
			status: first.status,
			creator: { id: creator.id, name: creator.name, email: creator.email },
			created_time: first.createdTime,
			expiry_time: first.expiryTime,
			last_used_time: first.lastUsedTime,
		});
		expect(JSON.stringify(reply.body)).not.toMatch(/secret|token_value|ntn_/i);
	});

	it('filters by status[], creator_ids[] and search (bracket-encoded repeats)', async () => {
		const statuses = await admin(emu(), `${path()}?status[]=expired&status[]=revoked`);
		expect(statuses.body.results.map((r: { id: string }) => r.id)).toEqual(ofMain().filter((p) => p.status !== 'active').map((p) => p.id));
		const owner = seed.members[0].id!;
		const mine = await admin(emu(), `${path()}?creator_ids[]=${owner}`);
		expect(mine.body.results).toHaveLength(3);
		expect(mine.body.results.every((r: { creator: { id: string } }) => r.creator.id === owner)).toBe(true);
		const search = await admin(emu(), `${path()}?search=OLD%20SCRIPT&creator_ids[]=${owner}`);
		expect(search.body.results.map((r: { name: string }) => r.name)).toEqual([`${seed.members[0].name.split(' ')[0]}'s old script`]);
	});

	it('refuses an unknown status and a malformed creator id with 400 validation_error', async () => {
		for (const query of ['status[]=lost', 'creator_ids[]=nope']) {
			const reply = await admin(emu(), `${path()}?${query}`);
			expect(reply.status).toBe(400);
			expect(reply.body).toMatchObject({ object: 'error', code: 'validation_error' });
		}
	});

	it('pages across pages', async () => {
		const { results, pages } = await allPages(emu(), path(), 3);
		expect(pages).toBe(Math.ceil(ofMain().length / 3));
		expect(results.map((r) => r.id)).toEqual(ofMain().map((p) => p.id));
	});

	it('revokes an active PAT with an empty 200, and answers the same when repeated', async () => {
		const target = ofMain().find((p) => p.status === 'active')!;
		for (let i = 0; i < 2; i++) {
			const reply = await revoke(target.id);
			expect(reply.status).toBe(200);
			expect(reply.body).toBeUndefined();
			expect(pats().find((p) => p.id === target.id)?.status).toBe('revoked');
		}
		const listed = await admin(emu(), `${path()}?status[]=active`);
		expect(listed.body.results.map((r: { id: string }) => r.id)).not.toContain(target.id);
	});

	it('answers {} under adminPatRevokeAnswer "emptyObject"', async () => {
		emu().control.setBehaviours({ adminPatRevokeAnswer: 'emptyObject' });
		const reply = await revoke(ofMain()[0].id);
		expect(reply.status).toBe(200);
		expect(reply.body).toEqual({});
	});

	it('answers one and the same 404 for a missing PAT, a PAT of another workspace and a workspace outside the organization', async () => {
		const ofLab = pats().find((p) => p.spaceId === lab)!;
		const foreign = '5f0e0000-0000-4000-8000-0000000000aa';
		const missing = '5f0e0000-0000-4000-8000-0000000000bb';
		const replies = [await revoke(missing), await revoke(ofLab.id), await revoke(ofMain()[0].id, foreign)];
		const shapes = replies.map((r) => ({ status: r.status, code: r.body.code, message: r.body.message.replace(/[0-9a-f-]{36}/, 'ID') }));
		expect(shapes).toEqual(Array(3).fill({ status: 404, code: 'object_not_found', message: 'Could not find personal access token with ID: ID.' }));
		expect(pats().find((p) => p.id === ofLab.id)?.status).toBe(ofLab.status);
	});

	it('needs personal-access-token:read to list and :write-high-impact to revoke', async () => {
		emu().control.setBehaviours({ adminTokenScopes: ['personal-access-token:read'] });
		expect((await admin(emu(), path())).status).toBe(200);
		const target = ofMain().find((p) => p.status === 'active')!;
		expect((await revoke(target.id)).status).toBe(403);
		expect(pats().find((p) => p.id === target.id)?.status).toBe('active');
		emu().control.setBehaviours({ adminTokenScopes: ['personal-access-token:write-high-impact'] });
		expect((await admin(emu(), path())).status).toBe(403);
		expect((await revoke(target.id)).status).toBe(200);
	});
});
