import { generateSeed, type Emulator } from '../../tools/notion-emulator';
import { directoryOn, startWorkspace } from './workspace';

describe('listing members across pages', () => {
	let emulator: Emulator;
	const seed = generateSeed({ members: 257, bots: 2, guests: 3, groups: 2, deactivated: 4, seed: 11 });

	beforeEach(async () => {
		emulator = await startWorkspace({ seed });
	});
	afterEach(() => emulator.stop());

	it('lists every SCIM member once, in ceil(N/100) requests, with roles and status', async () => {
		const { directory } = directoryOn(emulator);
		const listing = await directory.listMembers();

		const expected = emulator.control.snapshot().members;
		expect(listing.via).toEqual({ source: 'scim' });
		expect(listing.members.map((m) => m.id).sort()).toEqual(expected.map((m) => m.id).sort());
		expect(listing.pages).toBe(3);
		expect(listing.consistent).toBe(true);
		expect(emulator.control.requestCounts()).toEqual({ 'GET /scim/v2/Users': 3 });

		const byId = new Map(listing.members.map((m) => [m.id, m]));
		for (const member of expected) {
			const listed = byId.get(member.id);
			expect(listed).toMatchObject({ email: member.email, type: 'person', source: 'scim', active: member.active });
			expect(listed?.role).toBe(member.roleHidden ? 'unknown' : member.role);
		}
	});

	it('lists every API user once through cursor paging (members and bots, no guests)', async () => {
		const { directory } = directoryOn(emulator, { scim: false });
		const listing = await directory.listMembers();

		const listedIds = listing.members.map((m) => m.id);
		expect(new Set(listedIds).size).toBe(listedIds.length);
		const snapshot = emulator.control.snapshot();
		for (const bot of snapshot.bots) expect(listedIds).toContain(bot.id);
		for (const guest of snapshot.guests) expect(listedIds).not.toContain(guest.id);
		expect(listing.members.length).toBeGreaterThan(250);
		expect(listing.pages).toBe(Math.ceil(listing.members.length / 100));
		expect(emulator.control.requestCounts()).toEqual({ 'GET /v1/users': listing.pages });
		expect(listing.members.every((m) => m.source === 'api' && m.role === 'unknown' && m.active === null)).toBe(true);
		expect(listing.members.filter((m) => m.type === 'bot')).toHaveLength(snapshot.bots.length);
	});

	it('stops at the limit, asking only for the pages it needs', async () => {
		const { directory } = directoryOn(emulator);
		const listing = await directory.listMembers({ limit: 120 });
		expect(listing.members).toHaveLength(120);
		expect(emulator.control.requestCounts()).toEqual({ 'GET /scim/v2/Users': 2 });
	});

	it('says the listing may be off when members join while it pages, and still lists each once', async () => {
		emulator.control.setBehaviours({ unstablePaging: true });
		const { directory } = directoryOn(emulator);
		const listing = await directory.listMembers();
		const ids = listing.members.map((m) => m.id);
		expect(listing.consistent).toBe(false);
		expect(new Set(ids).size).toBe(ids.length);
		// Every member present at the end was either listed or joined after its page was read.
		const original = new Set(seed.members.map((m) => m.email));
		const listedEmails = new Set(listing.members.map((m) => m.email));
		for (const email of original) expect(listedEmails).toContain(email);
	});

	it('keeps the untouched resource when asked', async () => {
		const { directory } = directoryOn(emulator);
		const listing = await directory.listMembers({ raw: true, limit: 1 });
		expect(listing.members[0].raw).toMatchObject({ id: listing.members[0].id, userName: listing.members[0].email });
	});

	it('searches by name or email and finds by email (SCIM filter) or id', async () => {
		const { directory } = directoryOn(emulator);
		const target = seed.members[7];
		const found = await directory.findMemberByEmail(target.email.toUpperCase());
		expect(found.value?.email).toBe(target.email);
		expect(found.via.source).toBe('scim');
		const byId = await directory.getMember(found.value?.id.replace(/-/g, '') ?? '');
		expect(byId.value?.email).toBe(target.email);
		const search = await directory.searchMembers(target.name.slice(0, 6).toLowerCase());
		expect(search.members.map((m) => m.email)).toContain(target.email);
		expect(await directory.findMemberByEmail('nobody@acme.test')).toMatchObject({ value: null });
		expect(await directory.getMember('00000000-0000-4000-8000-000000000000')).toMatchObject({ value: null });
	});

	it('finds by email through the API by paging the list', async () => {
		const { directory } = directoryOn(emulator, { scim: false });
		const target = seed.members[200];
		const found = await directory.findMemberByEmail(target.email);
		expect(found.value?.email).toBe(target.email);
		expect(found.via).toMatchObject({ source: 'api', fallbackReason: 'no_scim_token' });
		expect(emulator.control.requestCounts()['GET /v1/users']).toBeGreaterThanOrEqual(3);
	});

	it('says it cannot find by email through the API without the email capability', async () => {
		emulator.control.setEmailCapability(false);
		const { directory } = directoryOn(emulator, { scim: false });
		await expect(directory.findMemberByEmail(seed.members[3].email)).rejects.toMatchObject({ kind: 'forbidden' });
	});
});
