/**
 * The organization client against the emulator's Admin API: workspaces and their users, paged;
 * finding a person in every workspace; a missing scope named; both error envelopes; one 429
 * through the shared requester.
 */
import { failure } from './failure';
import { generateSeed, startEmulator, type Emulator } from '../../../tools/notion-emulator';
import { organizationOn } from './onEmulator';

let emulator: Emulator;

beforeEach(async () => {
	emulator = await startEmulator({ seed: generateSeed({ members: 12, seed: 3, adminOnlyWorkspaces: 2 }), rateLimit: false });
});
afterEach(async () => {
	await emulator.stop();
});

const organization = () => emulator.control.snapshot().organization!;
const liveWorkspaces = () =>
	organization()
		.workspaces.filter((workspace) => !workspace.deleted)
		.map(({ id, name }) => ({ id, name }))
		.sort((a, b) => (a.id < b.id ? -1 : 1));

describe('organization client on the emulator', () => {
	it('lists every live workspace, a page at a time, and stops at a limit', async () => {
		const { client } = organizationOn(emulator, { pageSize: 1 });
		expect(await client.listWorkspaces()).toEqual(liveWorkspaces());
		emulator.control.resetLog();
		expect(await client.listWorkspaces({ limit: 2 })).toEqual(liveWorkspaces().slice(0, 2));
		expect(emulator.control.requestLog().filter((entry) => entry.api === 'admin')).toHaveLength(2);
	});

	it("lists a workspace's users: its active members and bots", async () => {
		const { client } = organizationOn(emulator, { pageSize: 5 });
		const snapshot = emulator.control.snapshot();
		const users = await client.listWorkspaceUsers(snapshot.workspace.id);
		const active = snapshot.members.filter((member) => member.active).map((member) => member.id);
		expect(users.filter((user) => user.type === 'person').map((user) => user.id).sort()).toEqual([...active].sort());
		expect(users.some((user) => user.type === 'bot')).toBe(true);
	});

	it('finds a person in every workspace where they are a member, by exact address only', async () => {
		const { client } = organizationOn(emulator);
		const owner = emulator.control.snapshot().members[0];
		const search = await client.findPersonInEveryWorkspace(owner.email.toUpperCase());
		expect(search.workspacesSearched).toBe(liveWorkspaces().length);
		expect(search.found.length).toBeGreaterThanOrEqual(2);
		expect(new Set(search.found.map((entry) => entry.user.email?.toLowerCase()))).toEqual(new Set([owner.email.toLowerCase()]));

		const near = await client.findPersonInEveryWorkspace(owner.email.replace('@', 'x@'));
		expect(near.found).toEqual([]);
	});

	it('a token without user:read gets a refusal naming that scope', async () => {
		emulator.control.setBehaviours({ adminTokenScopes: ['workspace:read'] });
		const { client } = organizationOn(emulator);
		await expect(client.listWorkspaces()).resolves.not.toHaveLength(0);
		const error = await failure(client.listWorkspaceUsers(emulator.control.snapshot().workspace.id));
		expect(error.kind).toBe('forbidden');
		expect(error.hint).toContain('"user:read"');
	});

	it.each(['type', 'object'] as const)('reads a 404 in the %s envelope as not found, with Notion\'s message', async (envelope) => {
		emulator.control.setBehaviours({ adminErrorEnvelope: envelope });
		const { client } = organizationOn(emulator);
		const error = await failure(client.listWorkspaceUsers('0f0f0f0f-0000-4000-8000-000000000000'));
		expect(error.kind).toBe('not_found');
		expect(error.httpStatus).toBe(404);
		expect(error.message).toMatch(/refused GET \/admin\/v1\/spaces\/.+\/users with HTTP 404: \S/);
	});

	it('goes through the shared requester: a 429 is waited out and the request repeated', async () => {
		const { client, clock } = organizationOn(emulator);
		emulator.control.resetLog();
		emulator.limits.script([{ status: 429, reason: 'public_api_request_rate_limit', retryAfter: 3 }]);
		expect(await client.listWorkspaces()).toEqual(liveWorkspaces());
		expect(emulator.control.requestLog().filter((entry) => entry.api === 'admin')).toHaveLength(2);
		expect(clock.elapsed()).toBeGreaterThanOrEqual(3000);
	});
});
