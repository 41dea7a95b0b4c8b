/**
 * Permission groups: both kinds listed (P1), read, created, renamed and deleted (transfer owner),
 * members listed, added and removed; 409 on SCIM-managed groups and taken names; scopes; the SCIM
 * groups are the same state SCIM serves.
 */
import { demoSeed } from '../../../tools/notion-emulator';
import { scim, useEmulator } from '../../../tools/notion-emulator/support';
import { expectAdminError } from './expect';
import { admin, allPages } from './support';

const seed = demoSeed();
const main = seed.workspace.id;
const lab = seed.organization!.workspaces![0].id;
const groupsPath = (space = main) => `/spaces/${space}/groups`;
const missing = '5f0e0000-0000-4000-8000-0000000000cc';

describe('Admin API: permission groups', () => {
	const emu = useEmulator({ seed });
	const org = () => emu().control.snapshot().organization!;
	const adminGroup = (name: string, space = main) => org().adminGroups.find((g) => g.name === name && g.spaceId === space)!;
	const scimGroup = seed.groups[1];
	const owner = seed.members[0];
	const memberOf = (role: string) => emu().control.snapshot().members.find((m) => m.role === role && m.active && m.id !== owner.id)!;
	const call = (path: string, method: string, body?: unknown) => admin(emu(), path, { method, body });

	it('lists SCIM-managed and admin-managed groups of the workspace, by id, as P1 type "group"', async () => {
		const reply = await admin(emu(), groupsPath());
		expect(reply.status).toBe(200);
		const expected = [
			...seed.groups.map((g) => ({ id: g.id!, name: g.displayName })),
			...org().adminGroups.filter((g) => g.spaceId === main).map((g) => ({ id: g.id, name: g.name })),
		].sort((a, b) => (a.id < b.id ? -1 : 1));
		expect(reply.body).toEqual({ object: 'list', type: 'group', results: expected.map((g) => ({ object: 'group', ...g })), has_more: false, next_cursor: null });
		const ofLab = (await admin(emu(), groupsPath(lab))).body.results.map((g: { name: string }) => g.name).sort();
		expect(ofLab).toEqual(['Incident responders', 'Security reviewers']);
	});

	it('adds is_scim_managed and member_count under adminGroupFields "extended"', async () => {
		emu().control.setBehaviours({ adminGroupFields: 'extended' });
		const scimOne = await admin(emu(), `${groupsPath()}/${scimGroup.id}`);
		expect(scimOne.body).toEqual({ object: 'group', id: scimGroup.id, name: scimGroup.displayName, is_scim_managed: true, member_count: scimGroup.memberEmails!.length });
		const reviewers = adminGroup('Security reviewers');
		expect((await admin(emu(), `${groupsPath()}/${reviewers.id}`)).body).toMatchObject({ is_scim_managed: false, member_count: 2 });
	});

	it('pages with page_size and start_cursor, and refuses a cursor it did not hand out', async () => {
		const whole = (await admin(emu(), groupsPath())).body.results.map((g: { id: string }) => g.id);
		const { results, pages } = await allPages(emu(), groupsPath(), 2);
		expect(results.map((g) => g.id)).toEqual(whole);
		expect(pages).toBe(Math.ceil(whole.length / 2));
		expectAdminError(await admin(emu(), `${groupsPath()}?start_cursor=bogus`), 'object', 400, 'validation_error');
	});

	it('answers 404 for a group of another workspace, an unknown group or workspace, and 400 for a malformed id', async () => {
		const ofLab = adminGroup('Security reviewers', lab);
		for (const path of [`${groupsPath()}/${ofLab.id}`, `${groupsPath()}/${missing}`, `${groupsPath(missing)}/${ofLab.id}`]) {
			expectAdminError(await admin(emu(), path), 'object', 404, 'object_not_found');
		}
		expectAdminError(await admin(emu(), `${groupsPath()}/not-a-uuid`), 'object', 400, 'validation_error');
	});

	it('creates a group, and refuses a name an active group has (exactly, SCIM ones too) with 409', async () => {
		const created = await call(groupsPath(), 'POST', { name: 'Auditors' });
		expect(created.status).toBe(200);
		expect(created.body).toEqual({ object: 'group', id: expect.any(String), name: 'Auditors' });
		expect((await admin(emu(), `${groupsPath()}/${created.body.id}/members`)).body.results).toEqual([]);
		for (const name of ['Auditors', scimGroup.displayName, 'Security reviewers']) {
			expectAdminError(await call(groupsPath(), 'POST', { name }), 'object', 409, 'conflict_error');
		}
		expect((await call(groupsPath(), 'POST', { name: 'auditors' })).status).toBe(200);
		expect((await call(groupsPath(lab), 'POST', { name: 'Auditors' })).status).toBe(200);
		expectAdminError(await call(groupsPath(), 'POST', { name: '' }), 'object', 400, 'validation_error');
		expect(org().adminGroups.filter((g) => g.name.toLowerCase() === 'auditors')).toHaveLength(3);
	});

	it('renames an admin-managed group; a taken name and a SCIM-managed group are 409 and change nothing', async () => {
		const reviewers = adminGroup('Security reviewers');
		const renamed = await call(`${groupsPath()}/${reviewers.id}`, 'PATCH', { name: 'Security council' });
		expect(renamed.body).toEqual({ object: 'group', id: reviewers.id, name: 'Security council' });
		expect((await call(`${groupsPath()}/${reviewers.id}`, 'PATCH', { name: 'Security council' })).status).toBe(200);
		expectAdminError(await call(`${groupsPath()}/${reviewers.id}`, 'PATCH', { name: 'Incident responders' }), 'object', 409, 'conflict_error');
		const onScim = await call(`${groupsPath()}/${scimGroup.id}`, 'PATCH', { name: 'Renamed' });
		expectAdminError(onScim, 'object', 409, 'conflict_error');
		expect(onScim.body.message).toMatch(/SCIM/);
		expect((await scim(emu(), 'GET', `/Groups/${scimGroup.id}`)).body.displayName).toBe(scimGroup.displayName);
	});

	it('deletes a group with {}; one that owns pages needs an active owner as transfer_to_owner_id (409 without, 400 for a non-owner)', async () => {
		const reviewers = adminGroup('Security reviewers');
		expect((await call(`${groupsPath()}/${reviewers.id}`, 'DELETE')).body).toEqual({});
		expectAdminError(await admin(emu(), `${groupsPath()}/${reviewers.id}`), 'object', 404, 'object_not_found');
		const responders = adminGroup('Incident responders');
		const path = `${groupsPath()}/${responders.id}`;
		expectAdminError(await call(path, 'DELETE'), 'object', 409, 'conflict_error');
		expectAdminError(await call(`${path}?transfer_to_owner_id=${memberOf('member').id}`, 'DELETE'), 'object', 400, 'validation_error');
		expect(org().adminGroups.some((g) => g.id === responders.id)).toBe(true);
		expect((await call(path, 'DELETE', { transfer_to_owner_id: owner.id })).status).toBe(200);
		expect(org().adminGroups.some((g) => g.id === responders.id)).toBe(false);
	});

	it('reads transfer_to_owner_id only where adminGroupTransferOwnerIn says, and answers no body under adminGroupRemovalAnswer "empty"', async () => {
		emu().control.setBehaviours({ adminGroupTransferOwnerIn: 'query', adminGroupRemovalAnswer: 'empty' });
		const path = `${groupsPath()}/${adminGroup('Incident responders').id}`;
		expectAdminError(await call(path, 'DELETE', { transfer_to_owner_id: owner.id }), 'object', 409, 'conflict_error');
		const done = await call(`${path}?transfer_to_owner_id=${owner.id}`, 'DELETE');
		expect([done.status, done.body]).toEqual([200, undefined]);
	});

	it('refuses to delete a SCIM-managed group (409); SCIM still has it', async () => {
		expectAdminError(await call(`${groupsPath()}/${scimGroup.id}?transfer_to_owner_id=${owner.id}`, 'DELETE'), 'object', 409, 'conflict_error');
		expect((await scim(emu(), 'GET', `/Groups/${scimGroup.id}`)).status).toBe(200);
	});

	it('lists members with their role (P1 type "group_member"); a SCIM group\'s are its SCIM members', async () => {
		const reviewers = adminGroup('Security reviewers');
		const reply = await admin(emu(), `${groupsPath()}/${reviewers.id}/members`);
		const expected = [...reviewers.members].sort((a, b) => (a.userId < b.userId ? -1 : 1));
		expect(reply.body).toEqual({
			object: 'list',
			type: 'group_member',
			results: expected.map((m) => ({ object: 'group_member', member: { type: 'user', user_id: m.userId }, role: m.role })),
			has_more: false,
			next_cursor: null,
		});
		expect(reviewers.members.map((m) => m.role)).toEqual(['owner', 'member']);
		const scimMembers = (await admin(emu(), `${groupsPath()}/${scimGroup.id}/members`)).body.results;
		const ids = emu().control.snapshot().groups.find((g) => g.id === scimGroup.id)!.memberIds.sort();
		expect(scimMembers.map((m: { member: { user_id: string } }) => m.member.user_id)).toEqual(ids);
		expect(new Set(scimMembers.map((m: { role: string }) => m.role))).toEqual(new Set(['member']));
		const { results } = await allPages(emu(), `${groupsPath()}/${scimGroup.id}/members`, 1);
		expect(results).toEqual(scimMembers);
	});

	it('adds a member (role member by default, or owner) and removes one with {}', async () => {
		const responders = adminGroup('Incident responders');
		const members = `${groupsPath()}/${responders.id}/members`;
		const person = memberOf('member');
		const added = await call(members, 'POST', { member: { type: 'user', user_id: person.id } });
		expect(added.body).toEqual({ object: 'group_member', member: { type: 'user', user_id: person.id }, role: 'member' });
		expect((await call(members, 'POST', { member: { type: 'user', user_id: person.id }, role: 'owner' })).body.role).toBe('owner');
		expect(adminGroup('Incident responders').members).toContainEqual({ userId: person.id, role: 'owner' });
		expect((await call(`${members}/users/${person.id}`, 'DELETE')).body).toEqual({});
		expect(adminGroup('Incident responders').members.some((m) => m.userId === person.id)).toBe(false);
		expectAdminError(await call(`${members}/users/${person.id}`, 'DELETE'), 'object', 404, 'object_not_found');
	});

	it('refuses a guest, someone outside the workspace, a restricted member as owner and a bad body with 400', async () => {
		const members = `${groupsPath()}/${adminGroup('Incident responders').id}/members`;
		const labOnly = org().adminOnlyMembers.find((m) => m.email.startsWith('lab1.lead'))!;
		const restricted = memberOf('restricted_member');
		const bodies = [
			{ member: { type: 'user', user_id: seed.guests[0].id } },
			{ member: { type: 'user', user_id: labOnly.id } },
			{ member: { type: 'user', user_id: restricted.id }, role: 'owner' },
			{ member: { type: 'group', user_id: owner.id } },
			{ member: { type: 'user', user_id: owner.id }, role: 'admin' },
		];
		for (const body of bodies) expectAdminError(await call(members, 'POST', body), 'object', 400, 'validation_error');
		expect((await call(members, 'POST', { member: { type: 'user', user_id: restricted.id } })).status).toBe(200);
		emu().control.setBehaviours({ adminGroupMemberRole: 'required' });
		expectAdminError(await call(members, 'POST', { member: { type: 'user', user_id: owner.id } }), 'object', 400, 'validation_error');
	});

	it('changes a member\'s role (role required); not in the group 404, a restricted member as owner 400, a SCIM group 409', async () => {
		const reviewers = adminGroup('Security reviewers');
		const [ownerId, memberId] = reviewers.members.map((m) => m.userId);
		const path = (userId: string, group = reviewers.id) => `${groupsPath()}/${group}/members/users/${userId}`;
		const changed = await call(path(memberId), 'PATCH', { role: 'owner' });
		expect(changed.body).toEqual({ object: 'group_member', member: { type: 'user', user_id: memberId }, role: 'owner' });
		expect(adminGroup('Security reviewers').members).toEqual([{ userId: ownerId, role: 'owner' }, { userId: memberId, role: 'owner' }]);
		expectAdminError(await call(path(memberId), 'PATCH', {}), 'object', 400, 'validation_error');
		expectAdminError(await call(path(missing), 'PATCH', { role: 'member' }), 'object', 404, 'object_not_found');
		const restricted = memberOf('restricted_member');
		expect((await call(`${groupsPath()}/${reviewers.id}/members`, 'POST', { member: { type: 'user', user_id: restricted.id } })).status).toBe(200);
		expectAdminError(await call(path(restricted.id!), 'PATCH', { role: 'owner' }), 'object', 400, 'validation_error');
		const scimMember = emu().control.snapshot().groups.find((g) => g.id === scimGroup.id)!.memberIds[0];
		expectAdminError(await call(path(scimMember, scimGroup.id!), 'PATCH', { role: 'owner' }), 'object', 409, 'conflict_error');
	});

	it('refuses member writes on a SCIM-managed group with 409 and leaves its SCIM members as they were', async () => {
		const before = emu().control.snapshot().groups.find((g) => g.id === scimGroup.id)!.memberIds;
		const members = `${groupsPath()}/${scimGroup.id}/members`;
		expectAdminError(await call(members, 'POST', { member: { type: 'user', user_id: owner.id }, role: 'member' }), 'object', 409, 'conflict_error');
		expectAdminError(await call(`${members}/users/${before[0]}`, 'DELETE'), 'object', 409, 'conflict_error');
		expect(emu().control.snapshot().groups.find((g) => g.id === scimGroup.id)!.memberIds).toEqual(before);
	});

	it('shares state with SCIM: a SCIM-made group is SCIM-managed here, and whoever leaves the workspace leaves admin groups too', async () => {
		const made = await scim(emu(), 'POST', '/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'From the IdP' });
		expect(made.status).toBe(201);
		expect((await admin(emu(), `${groupsPath()}/${made.body.id}`)).body.name).toBe('From the IdP');
		expectAdminError(await call(`${groupsPath()}/${made.body.id}`, 'PATCH', { name: 'Mine now' }), 'object', 409, 'conflict_error');
		expectAdminError(await call(groupsPath(), 'POST', { name: 'From the IdP' }), 'object', 409, 'conflict_error');
		const reviewers = adminGroup('Security reviewers');
		const leaver = reviewers.members[1].userId;
		expect((await scim(emu(), 'DELETE', `/Users/${leaver}`)).status).toBe(204);
		const listed = (await admin(emu(), `${groupsPath()}/${reviewers.id}/members`)).body.results;
		expect(listed.map((m: { member: { user_id: string } }) => m.member.user_id)).toEqual([reviewers.members[0].userId]);
	});

	it('needs permission-group:read to read and permission-group:write to write', async () => {
		emu().control.setBehaviours({ adminTokenScopes: ['permission-group:read'] });
		expect((await admin(emu(), groupsPath())).status).toBe(200);
		expectAdminError(await call(groupsPath(), 'POST', { name: 'Nope' }), 'object', 403, 'restricted_resource');
		const reviewers = adminGroup('Security reviewers');
		expectAdminError(await call(`${groupsPath()}/${reviewers.id}`, 'DELETE'), 'object', 403, 'restricted_resource');
		emu().control.setBehaviours({ adminTokenScopes: ['permission-group:write'] });
		expectAdminError(await admin(emu(), groupsPath()), 'object', 403, 'restricted_resource');
		expect((await call(groupsPath(), 'POST', { name: 'Yes' })).status).toBe(200);
		expect(org().adminGroups.some((g) => g.name === 'Nope')).toBe(false);
	});

	it('answers in the strict family under adminErrorEnvelope "type", and a truncated create changes nothing', async () => {
		emu().control.setBehaviours({ adminErrorEnvelope: 'type' });
		expectAdminError(await call(groupsPath(), 'POST', { name: scimGroup.displayName }), 'type', 409, 'conflict_error');
		const before = org().adminGroups.length;
		emu().control.scriptFaults(['truncated']);
		await call(groupsPath(), 'POST', { name: 'Half answered' }).catch(() => undefined);
		expect(org().adminGroups).toHaveLength(before);
	});

	it('is under the organization token\'s request limits', async () => {
		emu().limits.script([{ status: 429, reason: 'public_api_request_rate_limit', retryAfter: 7 }]);
		const refused = await call(groupsPath(), 'POST', { name: 'Limited' });
		expect([refused.status, refused.headers.get('retry-after')]).toEqual([429, '7']);
		expect(refused.body.additional_data).toEqual({ rate_limit_reason: 'public_api_request_rate_limit', retry_after: '7' });
		expect(org().adminGroups.some((g) => g.name === 'Limited')).toBe(false);
	});
});
