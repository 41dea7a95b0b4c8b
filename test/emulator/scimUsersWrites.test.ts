import { NOTION_EXT, patchOp, SCIM_ERROR, scim, useEmulator } from '../../tools/notion-emulator/support';
import { guest, inactive, member, owner, seed } from './scimUsersSeed';

describe('SCIM /Users writes', () => {
	const emu = useEmulator({ seed });

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
});
