import { generateSeed, startEmulator, type SeedMember } from '../../tools/notion-emulator/index';
import { filterQuery, NOTION_EXT, patchOp, SCIM_ERROR, scim, useEmulator } from '../../tools/notion-emulator/support';

const seed = generateSeed({ members: 12, deactivated: 1, bots: 1, guests: 1, groups: 2, seed: 3 });
seed.members[5] = { ...seed.members[5], roleHidden: true };
const [owner] = seed.members;
const member = seed.members.find((m, i) => i > 0 && m.role === 'member') as SeedMember;
const inactive = seed.members[11];
const guest = seed.guests[0];

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

	describe('POST', () => {
		const newUser = {
			schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', NOTION_EXT],
			userName: 'New.Person@Acme.test',
			name: { givenName: 'New', familyName: 'Person' },
			emails: [{ value: 'new.person@acme.test', primary: true }],
			active: true,
			[NOTION_EXT]: { role: 'restricted_member' },
		};

		it('adds a member: 201, Location, role from the extension, email lower-cased', async () => {
			const res = await scim(emu(), 'POST', '/Users', newUser);
			expect(res.status).toBe(201);
			expect(res.headers.get('location')).toBe(res.body.meta.location);
			expect(res.body).toMatchObject({
				userName: 'new.person@acme.test',
				name: { formatted: 'New Person', givenName: 'New', familyName: 'Person' },
				displayName: 'New Person',
				active: true,
				[NOTION_EXT]: { role: 'restricted_member' },
			});
			expect((await scim(emu(), 'GET', `/Users/${res.body.id}`)).status).toBe(200);
			expect(
				emu()
					.control.snapshot()
					.members.some((m) => m.id === res.body.id && m.role === 'restricted_member'),
			).toBe(true);
		});

		it('defaults the role to member and the name to the email', async () => {
			const res = await scim(emu(), 'POST', '/Users', { userName: 'plain@acme.test' });
			expect(res.status).toBe(201);
			expect(res.body).toMatchObject({ displayName: 'plain', [NOTION_EXT]: { role: 'member' } });
		});

		it('answers 409 uniqueness for an active member', async () => {
			const res = await scim(emu(), 'POST', '/Users', {
				...newUser,
				userName: owner.email.toUpperCase(),
			});
			expect(res.status).toBe(409);
			expect(res.body).toEqual({
				schemas: [SCIM_ERROR],
				status: '409',
				scimType: 'uniqueness',
				detail: expect.any(String),
			});
		});

		it('re-adding a deactivated member reactivates the same user', async () => {
			const res = await scim(emu(), 'POST', '/Users', { userName: inactive.email });
			expect(res.status).toBe(201);
			expect(res.body).toMatchObject({ id: inactive.id, active: true });
		});

		it('adding a guest by email turns the guest into a member with the same id', async () => {
			const res = await scim(emu(), 'POST', '/Users', {
				userName: guest.email,
				[NOTION_EXT]: { role: 'restricted_member' },
			});
			expect(res.body).toMatchObject({ id: guest.id, [NOTION_EXT]: { role: 'restricted_member' } });
			expect(emu().control.snapshot().guests).toEqual([]);
		});

		it.each([
			['no userName', { name: { formatted: 'X' } }, 'invalidValue'],
			['a bad email', { userName: 'not-an-email' }, 'invalidValue'],
			[
				'an unknown role',
				{ userName: 'r@acme.test', [NOTION_EXT]: { role: 'admin' } },
				'invalidValue',
			],
			['a non-boolean active', { userName: 'r@acme.test', active: 'maybe' }, 'invalidValue'],
		])('refuses %s with 400', async (_, body, scimType) => {
			const res = await scim(emu(), 'POST', '/Users', body);
			expect(res.status).toBe(400);
			expect(res.body.scimType).toBe(scimType);
		});

		it('refuses a body that is not JSON with 400 invalidSyntax', async () => {
			const res = await scim(emu(), 'POST', '/Users', '{"userName":');
			expect(res.body).toMatchObject({ status: '400', scimType: 'invalidSyntax' });
		});
	});

	describe('PATCH', () => {
		const patch = (id: string | undefined, ...ops: unknown[]) =>
			scim(emu(), 'PATCH', `/Users/${id}`, patchOp(...ops));

		it('changes the role with the no-path value-object form', async () => {
			const res = await patch(member.id, {
				op: 'replace',
				value: { [NOTION_EXT]: { role: 'membership_admin' } },
			});
			expect(res.status).toBe(200);
			expect(res.body[NOTION_EXT]).toEqual({ role: 'membership_admin' });
		});

		it('changes the role with the URN path, unless roleUrnPath is off', async () => {
			const res = await patch(member.id, {
				op: 'Replace',
				path: `${NOTION_EXT}:role`,
				value: 'restricted_member',
			});
			expect(res.body[NOTION_EXT]).toEqual({ role: 'restricted_member' });
			emu().control.setBehaviours({ roleUrnPath: false });
			const refused = await patch(member.id, {
				op: 'replace',
				path: `${NOTION_EXT}:role`,
				value: 'member',
			});
			expect(refused.status).toBe(400);
			expect(refused.body.scimType).toBe('invalidPath');
		});

		it('deactivates (kept, active:false, out of /v1/users and of every group) and reactivates', async () => {
			const inGroup = emu()
				.control.snapshot()
				.groups.find((g) => g.memberIds.length > 1) as { id: string; memberIds: string[] };
			const target = inGroup.memberIds.find((id) => id !== owner.id) as string;
			const off = await patch(target, { op: 'replace', path: 'active', value: false });
			expect(off.body.active).toBe(false);
			expect((await scim(emu(), 'GET', `/Users/${target}`)).body.active).toBe(false);
			const state = emu().control.snapshot();
			expect(state.groups.some((g) => g.memberIds.includes(target))).toBe(false);
			const v1 = await fetch(`${emu().url}/v1/users/${target}`, {
				headers: { authorization: `Bearer ${emu().tokens.api}`, 'notion-version': '2022-06-28' },
			});
			expect(v1.status).toBe(404);
			const on = await patch(target, { op: 'REPLACE', value: { active: 'True' } });
			expect(on.body.active).toBe(true);
		});

		it('updates name parts, userName and emails; add works like replace', async () => {
			const res = await patch(
				member.id,
				{ op: 'replace', path: 'name.givenName', value: 'Renamed' },
				{ op: 'add', path: 'userName', value: 'Renamed@acme.test' },
			);
			expect(res.body).toMatchObject({
				userName: 'renamed@acme.test',
				name: {
					givenName: 'Renamed',
					familyName: member.familyName,
					formatted: `Renamed ${member.familyName}`,
				},
				emails: [{ value: 'renamed@acme.test', primary: true }],
			});
			const emails = await patch(member.id, {
				op: 'replace',
				path: 'emails',
				value: [{ value: 'x@acme.test', primary: true }],
			});
			expect(emails.body.userName).toBe('x@acme.test');
			const formatted = await patch(member.id, {
				op: 'replace',
				value: { name: { formatted: 'Just One Name' } },
			});
			expect(formatted.body.displayName).toBe('Just One Name');
		});

		it('accepts attributes Notion stores without echoing them', async () => {
			const res = await patch(
				member.id,
				{ op: 'replace', path: 'title', value: 'Engineer' },
				{
					op: 'add',
					path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department',
					value: 'R&D',
				},
			);
			expect(res.status).toBe(200);
		});

		it('answers 409 when the new userName belongs to someone else', async () => {
			const res = await patch(member.id, { op: 'replace', path: 'userName', value: owner.email });
			expect(res.status).toBe(409);
			expect(res.body.scimType).toBe('uniqueness');
		});

		it.each([
			['an unknown path', { op: 'replace', path: 'favouriteColour', value: 'blue' }, 'invalidPath'],
			['a read-only attribute', { op: 'replace', path: 'id', value: 'x' }, 'mutability'],
			['remove without a path', { op: 'remove' }, 'noTarget'],
			['an unknown op', { op: 'move', path: 'active', value: true }, 'invalidSyntax'],
			['a bad role', { op: 'replace', value: { [NOTION_EXT]: { role: 'boss' } } }, 'invalidValue'],
			['removing userName', { op: 'remove', path: 'userName' }, 'mutability'],
			['removing the role', { op: 'remove', path: `${NOTION_EXT}:role` }, 'mutability'],
			['removing an unknown path', { op: 'remove', path: 'favouriteColour' }, 'invalidPath'],
		])('refuses %s with 400 and changes nothing (atomic)', async (_, badOp, scimType) => {
			const before = (await scim(emu(), 'GET', `/Users/${member.id}`)).body;
			const res = await patch(
				member.id,
				{ op: 'replace', path: 'displayName', value: 'Should Not Stick' },
				badOp,
			);
			expect(res.status).toBe(400);
			expect(res.body).toMatchObject({ schemas: [SCIM_ERROR], status: '400', scimType });
			expect((await scim(emu(), 'GET', `/Users/${member.id}`)).body).toEqual(before);
		});

		it('refuses a body that is not a PatchOp', async () => {
			const res = await scim(emu(), 'PATCH', `/Users/${member.id}`, {
				Operations: [{ op: 'replace', path: 'active', value: true }],
			});
			expect(res.body.scimType).toBe('invalidSyntax');
		});

		it('refuses to deactivate or demote the token owner (403 by default, 400 when switched)', async () => {
			const off = await patch(owner.id, { op: 'replace', path: 'active', value: false });
			expect(off.status).toBe(403);
			expect(off.body).toEqual({
				schemas: [SCIM_ERROR],
				status: '403',
				detail: expect.any(String),
			});
			emu().control.setBehaviours({ tokenOwnerRemoveStatus: 400 });
			const demote = await patch(owner.id, {
				op: 'replace',
				value: { [NOTION_EXT]: { role: 'member' } },
			});
			expect(demote.status).toBe(400);
			expect(demote.body.scimType).toBe('mutability');
			expect((await scim(emu(), 'GET', `/Users/${owner.id}`)).body).toMatchObject({
				active: true,
				[NOTION_EXT]: { role: 'owner' },
			});
		});
	});

	describe('PUT', () => {
		it('replaces the user; the role is kept when the extension is left out', async () => {
			const res = await scim(emu(), 'PUT', `/Users/${member.id}`, {
				schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
				id: member.id,
				userName: member.email,
				name: { formatted: 'Put Name' },
				active: true,
			});
			expect(res.status).toBe(200);
			expect(res.body).toMatchObject({
				displayName: 'Put Name',
				[NOTION_EXT]: { role: member.role },
			});
		});

		it('PUT active:false removes the member from the workspace', async () => {
			const res = await scim(emu(), 'PUT', `/Users/${member.id}`, {
				userName: member.email,
				active: false,
			});
			expect(res.body.active).toBe(false);
		});
	});

	describe('DELETE', () => {
		it('answers 204; the user is then gone from GET, the list and /v1 (deletedUserLookup 404)', async () => {
			const res = await scim(emu(), 'DELETE', `/Users/${member.id}`);
			expect(res.status).toBe(204);
			expect(res.body).toBeUndefined();
			expect((await scim(emu(), 'GET', `/Users/${member.id}`)).status).toBe(404);
			expect((await scim(emu(), 'GET', '/Users')).body.totalResults).toBe(11);
			expect((await scim(emu(), 'DELETE', `/Users/${member.id}`)).status).toBe(404);
		});

		it('keeps the account: re-adding the email brings back the same id', async () => {
			await scim(emu(), 'DELETE', `/Users/${member.id}`);
			const res = await scim(emu(), 'POST', '/Users', { userName: member.email });
			expect(res.body).toMatchObject({ id: member.id, active: true });
		});

		it('keeps the user with active:false when deletedUserLookup is inactive', async () => {
			emu().control.setBehaviours({ deletedUserLookup: 'inactive' });
			await scim(emu(), 'DELETE', `/Users/${member.id}`);
			expect((await scim(emu(), 'GET', `/Users/${member.id}`)).body.active).toBe(false);
			expect((await scim(emu(), 'GET', '/Users')).body.totalResults).toBe(12);
		});

		it('refuses to remove the token owner', async () => {
			const res = await scim(emu(), 'DELETE', `/Users/${owner.id}`);
			expect(res.status).toBe(403);
			expect((await scim(emu(), 'GET', `/Users/${owner.id}`)).body.active).toBe(true);
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
