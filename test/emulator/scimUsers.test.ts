import { generateSeed, startEmulator } from '../../tools/notion-emulator/index';
import { filterQuery, NOTION_EXT, SCIM_ERROR, scim, useEmulator } from '../../tools/notion-emulator/support';
import { guest, inactive, owner, seed } from './scimUsersSeed';

describe('SCIM /Users', () => {
	const emu = useEmulator({ seed });

	it('returns the recorded Notion user shape', async () => {
		const res = await scim(emu(), 'GET', `/Users/${owner.id}`);
		expect(res.status).toBe(200);
		expect(res.body).toEqual({
			schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
			id: owner.id,
			userName: owner.email,
			name: { formatted: owner.name, givenName: owner.givenName, familyName: owner.familyName },
			emails: [{ value: owner.email, primary: true }],
			displayName: owner.name,
			active: true,
			meta: {
				resourceType: 'User',
				created: expect.stringMatching(/^\d{13}$/),
				lastModified: expect.stringMatching(/^\d{13}$/),
				location: `${emu().url}/scim/v2/Users/${owner.id}`,
			},
			photos: [],
			[NOTION_EXT]: { role: 'owner' },
		});
	});

	it('leaves the role extension out for a roleHidden member', async () => {
		const res = await scim(emu(), 'GET', `/Users/${seed.members[5].id}`);
		expect(res.body[NOTION_EXT]).toBeUndefined();
	});

	it('answers 404 with an RFC error for unknown users, guests and bots', async () => {
		for (const id of ['00000000-0000-4000-8000-000000000000', guest.id, seed.bots[0].id, 'nope']) {
			const res = await scim(emu(), 'GET', `/Users/${id}`);
			expect(res.status).toBe(404);
			expect(res.body).toEqual({
				schemas: [SCIM_ERROR],
				status: '404',
				detail: expect.any(String),
			});
		}
	});

	describe('list', () => {
		it('lists members (deactivated included, guests and bots left out) in a ListResponse', async () => {
			const res = await scim(emu(), 'GET', '/Users');
			expect(res.body).toMatchObject({
				schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
				totalResults: 12,
				startIndex: 1,
				itemsPerPage: 12,
			});
			expect(res.body.Resources).toHaveLength(12);
			expect(res.body.Resources.find((u: { id: string }) => u.id === inactive.id).active).toBe(
				false,
			);
		});

		it('pages with 1-based startIndex; itemsPerPage is the number returned', async () => {
			const ids: string[] = [];
			for (let start = 1; start <= 12; start += 5) {
				const res = await scim(emu(), 'GET', `/Users?startIndex=${start}&count=5`);
				expect(res.body.startIndex).toBe(start);
				expect(res.body.itemsPerPage).toBe(res.body.Resources.length);
				ids.push(...res.body.Resources.map((u: { id: string }) => u.id));
			}
			expect(new Set(ids).size).toBe(12);
			expect(ids[0]).toBe(owner.id);
		});

		it('treats startIndex < 1 as 1, count=0 as totals only, and past the end as empty', async () => {
			expect((await scim(emu(), 'GET', '/Users?startIndex=0&count=1')).body.Resources[0].id).toBe(
				owner.id,
			);
			const none = await scim(emu(), 'GET', '/Users?count=0');
			expect(none.body).toMatchObject({ totalResults: 12, itemsPerPage: 0, Resources: [] });
			const past = await scim(emu(), 'GET', '/Users?startIndex=50');
			expect(past.body).toMatchObject({
				totalResults: 12,
				startIndex: 50,
				itemsPerPage: 0,
				Resources: [],
			});
		});

		it('rejects non-integer paging with 400 invalidValue', async () => {
			const res = await scim(emu(), 'GET', '/Users?count=ten');
			expect(res.body).toEqual({
				schemas: [SCIM_ERROR],
				status: '400',
				scimType: 'invalidValue',
				detail: expect.any(String),
			});
		});

		it('clamps count over 100, or refuses it when scimCountOver100 is error', async () => {
			const big = generateSeed({ members: 150, seed: 9 });
			const e = await startEmulator({ seed: big, rateLimit: false });
			try {
				const res = await scim(e, 'GET', '/Users?count=500');
				expect(res.body).toMatchObject({ totalResults: 150, itemsPerPage: 100 });
				e.control.setBehaviours({ scimCountOver100: 'error' });
				const refused = await scim(e, 'GET', '/Users?count=101');
				expect(refused.status).toBe(400);
				expect(refused.body.scimType).toBe('invalidValue');
			} finally {
				await e.stop();
			}
		});

		it.each([
			['email', `email eq "${'ADA.LOVELACE@ACME.TEST'}"`],
			['userName', `userName eq "Ada.Lovelace@acme.test"`],
			['case-insensitive attribute and operator', `USERNAME EQ "ada.lovelace@acme.test"`],
		])('filters by %s, ignoring case', async (_, filter) => {
			const res = await scim(emu(), 'GET', `/Users?${filterQuery(filter)}`);
			expect(res.body).toMatchObject({ totalResults: 1, itemsPerPage: 1 });
			expect(res.body.Resources[0].id).toBe(owner.id);
		});

		it('filters by given_name and family_name, case-sensitively', async () => {
			const given = await scim(
				emu(),
				'GET',
				`/Users?${filterQuery(`given_name eq "${owner.givenName}"`)}`,
			);
			expect(given.body.Resources.map((u: { id: string }) => u.id)).toContain(owner.id);
			const family = await scim(
				emu(),
				'GET',
				`/Users?${filterQuery(`family_name eq "${owner.familyName}"`)}`,
			);
			expect(family.body.Resources.map((u: { id: string }) => u.id)).toContain(owner.id);
			const wrongCase = await scim(
				emu(),
				'GET',
				`/Users?${filterQuery(`given_name eq "${owner.givenName?.toUpperCase()}"`)}`,
			);
			expect(wrongCase.body).toMatchObject({ totalResults: 0, Resources: [] });
		});

		it('finds nobody for a guest email (guests are not SCIM users)', async () => {
			const res = await scim(emu(), 'GET', `/Users?${filterQuery(`email eq "${guest.email}"`)}`);
			expect(res.body).toMatchObject({ totalResults: 0, itemsPerPage: 0, Resources: [] });
		});

		it.each([
			'displayName eq "Ada"',
			'userName co "ada"',
			'userName pr',
			'userName eq "a" or userName eq "b"',
			'userName eq',
			'userName eq "unterminated',
			'emails[type eq "work"]',
		])('rejects %s with 400 invalidFilter', async (filter) => {
			const res = await scim(emu(), 'GET', `/Users?${filterQuery(filter)}`);
			expect(res.status).toBe(400);
			expect(res.body).toEqual({
				schemas: [SCIM_ERROR],
				status: '400',
				scimType: 'invalidFilter',
				detail: expect.any(String),
			});
		});

		it('treats an escaped injection attempt as one literal value', async () => {
			const res = await scim(
				emu(),
				'GET',
				`/Users?${filterQuery(String.raw`userName eq "x\" or userName pr or userName eq \"y"`)}`,
			);
			expect(res.status).toBe(200);
			expect(res.body.totalResults).toBe(0);
		});

		it('reads escaped quotes and backslashes as JSON string escapes', async () => {
			emu().control.addMember({
				email: 'o.brien@acme.test',
				name: 'Quote "Q" Back\\slash\\',
				givenName: 'Q"\\',
				role: 'member',
			});
			const res = await scim(
				emu(),
				'GET',
				`/Users?${filterQuery(String.raw`given_name eq "Q\"\\"`)}`,
			);
			expect(res.body.totalResults).toBe(1);
			expect(res.body.Resources[0].userName).toBe('o.brien@acme.test');
		});
	});


	it('with unstablePaging, a member joins before later pages, shifting index paging', async () => {
		emu().control.setBehaviours({ unstablePaging: true });
		const first = await scim(emu(), 'GET', '/Users?startIndex=1&count=5');
		const second = await scim(emu(), 'GET', '/Users?startIndex=6&count=5');
		expect(second.body.totalResults).toBe(13);
		// The newcomer went first, so the last user of page one shows up again.
		expect(second.body.Resources[0].id).toBe(first.body.Resources[4].id);
	});
});
