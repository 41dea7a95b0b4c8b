/**
 * A second emulator joining the first one's organization: the Admin API of the first sees the
 * second workspace live, one person keeps one user id in both, and a removal over the second
 * workspace's own SCIM is gone from the organization's view at once.
 */
import { generateSeed, startEmulator, type Emulator } from '../../../tools/notion-emulator';
import { admin, allPages } from './support';

describe('a workspace joining an organization (organizationOf)', () => {
	let main: Emulator | undefined;
	let joined: Emulator | undefined;
	const mainSeed = generateSeed({ members: 8, seed: 3 });
	const shared = mainSeed.members[2];
	const joinedSeed = generateSeed({ members: 5, seed: 11 });
	joinedSeed.workspace = { ...joinedSeed.workspace, name: 'Acme Research' };
	// The same person, seeded under another id: the organization's account id must win.
	joinedSeed.members.push({
		id: '00000000-0000-4000-8000-000000000001',
		email: shared.email.toUpperCase(),
		name: shared.name,
		role: 'member',
	});

	beforeEach(async () => {
		main = await startEmulator({ seed: mainSeed, rateLimit: false });
		joined = await startEmulator({ seed: joinedSeed, rateLimit: false, organizationOf: main });
	});
	afterEach(async () => {
		await joined?.stop();
		await main?.stop();
		[main, joined] = [undefined, undefined];
	});
	const the = (emu: Emulator | undefined): Emulator => {
		if (!emu) throw new Error('the emulators did not start');
		return emu;
	};

	const joinedId = () => the(joined).control.snapshot().workspace.id;
	const usersOf = async (spaceId: string) => (await allPages(the(main), `/spaces/${spaceId}/users`, 100)).results as Array<{ id: string; person?: { email?: string } }>;

	it("is listed by the organization's Admin API as one more workspace", async () => {
		const spaces = (await admin(the(main), '/spaces')).body.results as Array<{ id: string; name: string }>;
		expect(spaces.map((s) => s.name).sort()).toEqual([mainSeed.workspace.name, 'Acme Research'].sort());
		expect(spaces.map((s) => s.id)).toContain(joinedId());
	});

	it('gives a person the same user id in both workspaces, and that id over its own SCIM', async () => {
		const inJoined = (await usersOf(joinedId())).find((u) => u.person?.email === shared.email.toLowerCase());
		expect(inJoined?.id).toBe(shared.id);
		const scim = await fetch(`${the(joined).url}/scim/v2/Users/${shared.id}`, { headers: { authorization: `Bearer ${the(joined).tokens.scim}` } });
		expect(scim.status).toBe(200);
	});

	it("drops a member removed over the joined workspace's SCIM from the organization's view, not from the main workspace", async () => {
		expect((await usersOf(joinedId())).map((u) => u.id)).toContain(shared.id);
		const removed = await fetch(`${the(joined).url}/scim/v2/Users/${shared.id}`, {
			method: 'DELETE',
			headers: { authorization: `Bearer ${the(joined).tokens.scim}` },
		});
		expect(removed.status).toBe(204);
		expect((await usersOf(joinedId())).map((u) => u.id)).not.toContain(shared.id);
		expect((await usersOf(mainSeed.workspace.id)).map((u) => u.id)).toContain(shared.id);
	});

	it("gives the joined workspace's people PATs and MCP connections there, by the seed rules", () => {
		const organization = the(main).control.snapshot().organization!;
		expect(organization.pats.some((p) => p.spaceId === joinedId())).toBe(true);
		expect(organization.mcpConnections.some((c) => c.workspaceId === joinedId())).toBe(true);
	});

	it('refuses to join an emulator not started in this process', async () => {
		const stranger = { ...the(main) };
		await expect(startEmulator({ seed: joinedSeed, organizationOf: stranger })).rejects.toThrow(/organizationOf/);
	});
});
