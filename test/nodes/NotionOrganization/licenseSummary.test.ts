/**
 * Workspace → Get License Summary through n8n's engine against the emulator's Admin API: people
 * and bots per live workspace, a person in several workspaces counted once, a missing scope named.
 */
import type { Emulator } from '../../../tools/notion-emulator';
import { expectSuccess, liveWorkspaces, organization, runOrganization, startOrganization } from './support';

let emulator: Emulator;
beforeEach(async () => {
	emulator = await startOrganization();
});
afterEach(async () => {
	await emulator.stop();
});

const summary = { resource: 'workspace', operation: 'getLicenseSummary' };

/** Active people per workspace id, by email, as the emulator holds them. */
function peopleByWorkspace(): Map<string, string[]> {
	const snapshot = emulator.control.snapshot();
	const byWorkspace = new Map<string, string[]>([[snapshot.workspace.id, snapshot.members.filter((m) => m.active).map((m) => m.email)]]);
	for (const member of organization(emulator).adminOnlyMembers.filter((m) => m.active)) {
		byWorkspace.set(member.workspaceId, [...(byWorkspace.get(member.workspaceId) ?? []), member.email]);
	}
	return byWorkspace;
}

describe('Workspace → Get License Summary', () => {
	it('counts the people and bots of every live workspace, and each person once in the totals', async () => {
		const run = await runOrganization(emulator, summary);
		expectSuccess(run);
		expect(run.items).toHaveLength(1);
		const json = run.items[0].json as {
			workspaces: number;
			memberships: number;
			people: number;
			bots: number;
			workspaceSeats: Array<{ workspaceId: string; workspaceName: string; people: number; bots: number }>;
		};
		const expected = peopleByWorkspace();
		const workspaces = liveWorkspaces(emulator);
		expect(json.workspaceSeats.map(({ workspaceId, workspaceName, people }) => ({ workspaceId, workspaceName, people }))).toEqual(
			workspaces.map((workspace) => ({ workspaceId: workspace.id, workspaceName: workspace.name, people: expected.get(workspace.id)?.length ?? 0 })),
		);
		const memberships = [...expected.values()].flat();
		expect(json.workspaces).toBe(workspaces.length);
		expect(json.memberships).toBe(memberships.length);
		// The seed puts some people in several workspaces: the totals count them once.
		expect(new Set(memberships).size).toBeLessThan(memberships.length);
		expect(json.people).toBe(new Set(memberships.map((email) => email.toLowerCase())).size);
		const mainBots = emulator.control.snapshot().bots.length;
		expect(json.workspaceSeats.find((seat) => seat.workspaceId === emulator.control.snapshot().workspace.id)?.bots).toBe(mainBots);
		expect(json.bots).toBe(json.workspaceSeats.reduce((sum, seat) => sum + seat.bots, 0));
		expect(run.items[0].pairedItem).toEqual({ item: 0 });
	});

	it('a token without user:read fails with an error naming the scope to add', async () => {
		emulator.control.setBehaviours({ adminTokenScopes: ['workspace:read'] });
		const run = await runOrganization(emulator, summary);
		expect(run.status).toBe('error');
		expect(run.error?.message).toContain('"user:read"');
	});
});
