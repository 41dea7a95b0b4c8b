/** The RFC variant switches: filter attributes, names, PATCH answers, media type, Location, extension, scimType. */
import { generateSeed, startEmulator, type Behaviours, type Emulator } from '../../tools/notion-emulator/index';
import { STRICT_RFC_BEHAVIOURS } from '../../tools/notion-emulator/scim/strictRfc';
import { filterQuery, NOTION_EXT, patchOp, scim } from '../../tools/notion-emulator/support';

const seed = generateSeed({ members: 6, deactivated: 0, bots: 1, guests: 0, groups: 1, seed: 7 });
const target = seed.members[2];

let emu: Emulator;
async function start(behaviours: Partial<Behaviours>): Promise<Emulator> {
	emu = await startEmulator({ seed, rateLimit: false, behaviours });
	return emu;
}
afterEach(() => emu?.stop());

const idsFound = async (filter: string) => {
	const res = await scim(emu, 'GET', `/Users?${filterQuery(filter)}`);
	return { status: res.status, scimType: res.body?.scimType, ids: (res.body?.Resources ?? []).map((r: { id: string }) => r.id) };
};

describe('SCIM user filters by setting', () => {
	const email = target.email.toUpperCase();
	const forms = {
		email: `email eq "${email}"`,
		userName: `userName eq "${email}"`,
		emailsValue: `emails.value eq "${email}"`,
		emailsFilter: `emails[value eq "${email}"]`,
	};
	const accepted: Record<Behaviours['scimUserFilters'], Array<keyof typeof forms>> = {
		notion: ['email'],
		rfc: ['userName', 'emailsValue', 'emailsFilter'],
		both: ['email', 'userName', 'emailsValue', 'emailsFilter'],
	};
	it.each(['notion', 'rfc', 'both'] as const)('%s: accepted forms find the member, others are 400 invalidFilter or empty', async (setting) => {
		for (const unknown of ['invalidFilter', 'empty'] as const) {
			await start({ scimUserFilters: setting, scimUnknownFilter: unknown });
			for (const [form, filter] of Object.entries(forms)) {
				const found = await idsFound(filter);
				if (accepted[setting].includes(form as keyof typeof forms)) expect(found).toMatchObject({ status: 200, ids: [target.id] });
				else if (unknown === 'empty') expect(found).toMatchObject({ status: 200, ids: [] });
				else expect(found).toMatchObject({ status: 400, scimType: 'invalidFilter' });
			}
			// A filter that does not parse is 400 whatever the setting.
			expect((await idsFound('userName eq')).status).toBe(400);
			await emu.stop();
		}
	});
});

describe('RFC variants', () => {
	it('separate names: displayName and name.formatted change apart; given/family do not make up the name', async () => {
		await start({ scimNames: 'separate' });
		await scim(emu, 'PATCH', `/Users/${target.id}`, patchOp({ op: 'replace', path: 'name', value: { givenName: 'Only' } }));
		let user = (await scim(emu, 'GET', `/Users/${target.id}`)).body;
		expect(user).toMatchObject({ displayName: target.name, name: { formatted: target.name, givenName: 'Only' } });
		await scim(emu, 'PATCH', `/Users/${target.id}`, patchOp({ op: 'replace', path: 'name.formatted', value: 'New Name' }));
		user = (await scim(emu, 'GET', `/Users/${target.id}`)).body;
		expect(user).toMatchObject({ displayName: target.name, name: { formatted: 'New Name' } });
		await scim(emu, 'PATCH', `/Users/${target.id}`, patchOp({ op: 'replace', path: 'displayName', value: 'Shown' }));
		expect((await scim(emu, 'GET', `/Users/${target.id}`)).body).toMatchObject({ displayName: 'Shown', name: { formatted: 'New Name' } });
	});

	it('204 without a body for a PATCH (users and groups)', async () => {
		await start({ scimPatchAnswer: 'noContent' });
		const user = await scim(emu, 'PATCH', `/Users/${target.id}`, patchOp({ op: 'replace', path: 'active', value: false }));
		expect(user).toMatchObject({ status: 204, body: undefined });
		expect(emu.control.snapshot().members.find((m) => m.id === target.id)?.active).toBe(false);
		const group = emu.control.snapshot().groups[0];
		const renamed = await scim(emu, 'PATCH', `/Groups/${group.id}`, patchOp({ op: 'replace', path: 'displayName', value: 'X' }));
		expect(renamed).toMatchObject({ status: 204, body: undefined });
	});

	it('application/scim+json bodies, errors included', async () => {
		await start({ scimMediaType: 'application/scim+json' });
		expect((await scim(emu, 'GET', `/Users/${target.id}`)).headers.get('content-type')).toMatch(/^application\/scim\+json/);
		expect((await scim(emu, 'GET', '/Users/nope')).headers.get('content-type')).toMatch(/^application\/scim\+json/);
	});

	it('201 without Location', async () => {
		await start({ scimCreateLocation: false });
		const created = await scim(emu, 'POST', '/Users', { schemas: [], userName: 'new@acme.test' });
		expect(created.status).toBe(201);
		expect(created.headers.get('location')).toBeNull();
		const group = await scim(emu, 'POST', '/Groups', { schemas: [], displayName: 'New' });
		expect(group.status).toBe(201);
		expect(group.headers.get('location')).toBeNull();
	});

	it('without the Notion role extension: no role shown, a role write is 400 invalidPath, a create ignores it', async () => {
		await start({ notionRoleExtension: false });
		expect((await scim(emu, 'GET', `/Users/${target.id}`)).body[NOTION_EXT]).toBeUndefined();
		const refused = await scim(emu, 'PATCH', `/Users/${target.id}`, patchOp({ op: 'replace', value: { [NOTION_EXT]: { role: 'membership_admin' } } }));
		expect(refused.body).toMatchObject({ status: '400', scimType: 'invalidPath' });
		const created = await scim(emu, 'POST', '/Users', { userName: 'ext@acme.test', [NOTION_EXT]: { role: 'membership_admin' } });
		expect(created.status).toBe(201);
		expect(created.body[NOTION_EXT]).toBeUndefined();
	});

	it('a scimType on every error', async () => {
		await start({ scimTypeOnEveryError: true });
		expect((await scim(emu, 'GET', '/Users/nope')).body).toMatchObject({ status: '404', scimType: 'noTarget' });
	});

	it('in every mode: userName unique in any case (409 uniqueness), count clamped, an empty page past the end', async () => {
		for (const behaviours of [{}, STRICT_RFC_BEHAVIOURS]) {
			await start(behaviours);
			const taken = await scim(emu, 'POST', '/Users', { userName: target.email.toUpperCase() });
			expect(taken).toMatchObject({ status: 409, body: { scimType: 'uniqueness' } });
			const clamped = await scim(emu, 'GET', '/Users?startIndex=1&count=1000');
			expect(clamped.body.itemsPerPage).toBe(seed.members.length);
			emu.control.setBehaviours({ scimMaxResults: 4 });
			const small = await scim(emu, 'GET', '/Users?startIndex=1&count=100');
			expect(small.body).toMatchObject({ totalResults: seed.members.length, itemsPerPage: 4 });
			const past = await scim(emu, 'GET', '/Users?startIndex=50&count=10');
			expect(past.body).toMatchObject({ totalResults: seed.members.length, Resources: [] });
			await emu.stop();
		}
	});
});
