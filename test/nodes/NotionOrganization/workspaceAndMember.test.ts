/**
 * Workspace → Get Many, Member → Get Many and Member → Find in Every Workspace through n8n's
 * engine against the emulator's Admin API: results, Return All / Limit, paired items, not found,
 * a missing scope named, continue-on-fail.
 */
import type { Emulator } from '../../../tools/notion-emulator';
import {
	ABSENT,
	adminRequests,
	byId,
	expectSuccess,
	liveWorkspaces,
	runOrganization,
	startOrganization,
} from './support';

let emulator: Emulator;
beforeEach(async () => {
	emulator = await startOrganization();
});
afterEach(async () => {
	await emulator.stop();
});

const json = (run: { items: Array<{ json: unknown }> }) => run.items.map((item) => item.json);
const mainWorkspace = () => emulator.control.snapshot().workspace.id;

describe('Workspace → Get Many', () => {
	it('returns every live workspace of the organization, one item each', async () => {
		const run = await runOrganization(emulator, { resource: 'workspace', operation: 'getAll', returnAll: true });
		expectSuccess(run);
		expect(json(run)).toEqual(liveWorkspaces(emulator));
		expect(run.items.every((item) => JSON.stringify(item.pairedItem) === JSON.stringify({ item: 0 }))).toBe(true);
	});

	it('stops at the limit', async () => {
		const run = await runOrganization(emulator, { resource: 'workspace', operation: 'getAll', returnAll: false, limit: 2 });
		expectSuccess(run);
		expect(json(run)).toEqual(liveWorkspaces(emulator).slice(0, 2));
	});
});

describe('Member → Get Many', () => {
	it("lists the chosen workspace's members with their workspace", async () => {
		const run = await runOrganization(emulator, { resource: 'member', operation: 'getAll', workspace: byId(mainWorkspace()), returnAll: true });
		expectSuccess(run);
		const active = emulator.control.snapshot().members.filter((member) => member.active);
		const people = json(run).filter((item) => (item as { type: string }).type === 'person');
		expect(people).toHaveLength(active.length);
		expect(people[0]).toEqual({
			id: expect.any(String),
			type: 'person',
			name: expect.any(String),
			email: expect.stringContaining('@'),
			workspaceId: mainWorkspace(),
		});
	});

	it('a workspace outside the organization fails as not found, saying what to check', async () => {
		const run = await runOrganization(emulator, { resource: 'member', operation: 'getAll', workspace: byId(ABSENT), returnAll: true });
		expect(run.status).toBe('error');
		expect(run.error?.message).toContain('HTTP 404');
		expect(run.error?.description).toContain('pick one from the list');
	});

	it('a token without user:read fails with an error naming the scope to add', async () => {
		emulator.control.setBehaviours({ adminTokenScopes: ['workspace:read'] });
		const run = await runOrganization(emulator, { resource: 'member', operation: 'getAll', workspace: byId(mainWorkspace()), returnAll: true });
		expect(run.status).toBe('error');
		expect(run.error?.message).toContain('"user:read"');
		expect(run.error?.description).toContain('Add the scope "user:read"');
	});

	it('continue-on-fail: a failing item becomes an error item, the others go on, each paired with its item', async () => {
		const run = await runOrganization(
			emulator,
			{ resource: 'member', operation: 'getAll', workspace: byId('={{ $json.workspace }}'), returnAll: false, limit: 1 },
			{ items: [{ workspace: ABSENT }, { workspace: mainWorkspace() }], continueOnFail: true },
		);
		expectSuccess(run);
		expect(run.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(run.items[0].json).toMatchObject({ kind: 'not_found', error: expect.stringContaining('HTTP 404') });
		expect(run.items[1].json).toMatchObject({ workspaceId: mainWorkspace() });
	});
});

describe('Member → Find in Every Workspace', () => {
	it('reports every workspace where the exact address is a member, case aside', async () => {
		const owner = emulator.control.snapshot().members[0];
		const run = await runOrganization(emulator, { resource: 'member', operation: 'findInEveryWorkspace', email: owner.email.toUpperCase() });
		expectSuccess(run);
		const [result] = json(run) as Array<{ found: boolean; workspaces: Array<{ workspaceId: string; userId: string }>; workspacesSearched: number }>;
		expect(result.found).toBe(true);
		expect(result.workspacesSearched).toBe(liveWorkspaces(emulator).length);
		expect(result.workspaces.map((entry) => entry.workspaceId)).toContain(mainWorkspace());
		expect(result.workspaces.length).toBeGreaterThanOrEqual(2);
	});

	it('a similar address is not the person: found is false, nothing else happens', async () => {
		const owner = emulator.control.snapshot().members[0];
		emulator.control.resetLog();
		const run = await runOrganization(emulator, { resource: 'member', operation: 'findInEveryWorkspace', email: `x${owner.email}` });
		expectSuccess(run);
		expect(json(run)).toEqual([{ email: `x${owner.email}`, found: false, workspaces: [], workspacesSearched: liveWorkspaces(emulator).length }]);
		expect(adminRequests(emulator).every((request) => request.startsWith('GET '))).toBe(true);
	});
});
