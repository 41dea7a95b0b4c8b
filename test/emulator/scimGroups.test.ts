import { generateSeed } from '../../tools/notion-emulator/index';
import { filterQuery, patchOp, SCIM_ERROR, scim, useEmulator } from '../../tools/notion-emulator/support';

const seed = generateSeed({ members: 20, deactivated: 1, groups: 3, seed: 5 });
// Group 0 owns pages (generateSeed); groups 1 and 2 can be deleted.
const [pagesGroup, design] = seed.groups;
const active = seed.members.filter((m) => m.active);
const [a, b, c] = active.slice(1).map((m) => m.id as string);
const inactive = seed.members[19];

describe('SCIM /Groups', () => {
	const emu = useEmulator({ seed });
	const patch = (id: string | undefined, ...ops: unknown[]) =>
		scim(emu(), 'PATCH', `/Groups/${id}`, patchOp(...ops));
	const memberIds = async (id: string | undefined): Promise<string[]> =>
		(await scim(emu(), 'GET', `/Groups/${id}`)).body.members.map((m: { value: string }) => m.value);

	it('returns the group shape with members {value, $ref, type, display}', async () => {
		const res = await scim(emu(), 'GET', `/Groups/${design.id}`);
		const first = seed.members.find((m) => m.email === design.memberEmails?.[0]);
		expect(res.body).toEqual({
			schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
			id: design.id,
			displayName: design.displayName,
			members: expect.arrayContaining([
				{
					value: first?.id,
					$ref: `${emu().url}/scim/v2/Users/${first?.id}`,
					type: 'User',
					display: first?.name,
				},
			]),
			meta: {
				resourceType: 'Group',
				created: expect.stringMatching(/^\d+$/),
				lastModified: expect.stringMatching(/^\d+$/),
				location: `${emu().url}/scim/v2/Groups/${design.id}`,
			},
		});
		expect(res.body.members).toHaveLength(design.memberEmails?.length ?? -1);
	});

	it('lists groups with paging and filters by displayName eq (not case-exact)', async () => {
		const all = await scim(emu(), 'GET', '/Groups?count=2');
		expect(all.body).toMatchObject({ totalResults: 3, startIndex: 1, itemsPerPage: 2 });
		const found = await scim(
			emu(),
			'GET',
			`/Groups?${filterQuery(`displayName eq "${design.displayName.toUpperCase()}"`)}`,
		);
		expect(found.body).toMatchObject({ totalResults: 1, Resources: [{ id: design.id }] });
		const bad = await scim(emu(), 'GET', `/Groups?${filterQuery('displayName co "E"')}`);
		expect(bad.body).toMatchObject({ status: '400', scimType: 'invalidFilter' });
	});

	it('answers 404 for an unknown group', async () => {
		const res = await scim(emu(), 'GET', '/Groups/00000000-0000-4000-8000-000000000000');
		expect(res.body).toEqual({ schemas: [SCIM_ERROR], status: '404', detail: expect.any(String) });
	});

	it('creates a group (201, Location) with members; 409 on a taken name; 400 without a name', async () => {
		const res = await scim(emu(), 'POST', '/Groups', {
			displayName: 'Ops',
			members: [{ value: a }, { value: b }],
		});
		expect(res.status).toBe(201);
		expect(res.headers.get('location')).toBe(`${emu().url}/scim/v2/Groups/${res.body.id}`);
		expect(res.body.members.map((m: { value: string }) => m.value)).toEqual([a, b]);
		expect((await scim(emu(), 'POST', '/Groups', { displayName: 'ops' })).body).toMatchObject({
			status: '409',
			scimType: 'uniqueness',
		});
		expect((await scim(emu(), 'POST', '/Groups', { members: [] })).body.scimType).toBe(
			'invalidValue',
		);
	});

	it('refuses members that are not active workspace members', async () => {
		const res = await scim(emu(), 'POST', '/Groups', {
			displayName: 'X',
			members: [{ value: inactive.id }],
		});
		expect(res.body).toMatchObject({ status: '400', scimType: 'invalidValue' });
		const bad = await patch(design.id, {
			op: 'add',
			path: 'members',
			value: [{ value: '00000000-0000-4000-8000-000000000000' }],
		});
		expect(bad.body.scimType).toBe('invalidValue');
	});

	it('adds many members in one PATCH (value array), ignoring ones already there', async () => {
		const before = await memberIds(design.id);
		const res = await patch(design.id, {
			op: 'add',
			path: 'members',
			value: [{ value: a }, { value: b }, { value: c }],
		});
		expect(res.status).toBe(200);
		expect(new Set(await memberIds(design.id))).toEqual(new Set([...before, a, b, c]));
	});

	it('removes members with the path filter and with a value array (groupMemberRemoveForm both)', async () => {
		await patch(design.id, {
			op: 'add',
			path: 'members',
			value: [{ value: a }, { value: b }, { value: c }],
		});
		await patch(design.id, { op: 'remove', path: `members[value eq "${a}"]` });
		await patch(design.id, { op: 'Remove', path: 'members', value: [{ value: b }] });
		const ids = await memberIds(design.id);
		expect(ids).not.toContain(a);
		expect(ids).not.toContain(b);
		expect(ids).toContain(c);
	});

	it('pathFilter-only refuses the value array form; valueArray-only refuses the filter', async () => {
		await patch(design.id, { op: 'add', path: 'members', value: [{ value: a }] });
		emu().control.setBehaviours({ groupMemberRemoveForm: 'pathFilter' });
		expect(
			(await patch(design.id, { op: 'remove', path: 'members', value: [{ value: a }] })).body
				.scimType,
		).toBe('invalidPath');
		emu().control.setBehaviours({ groupMemberRemoveForm: 'valueArray' });
		expect(
			(await patch(design.id, { op: 'remove', path: `members[value eq "${a}"]` })).body.scimType,
		).toBe('invalidPath');
		expect(await memberIds(design.id)).toContain(a);
	});

	it('renames (path and no-path forms) and replaces members', async () => {
		expect(
			(await patch(design.id, { op: 'replace', path: 'displayName', value: 'Designers' })).body
				.displayName,
		).toBe('Designers');
		const res = await patch(design.id, {
			op: 'replace',
			value: { displayName: 'Design Team', members: [{ value: c }] },
		});
		expect(res.body).toMatchObject({ displayName: 'Design Team', members: [{ value: c }] });
		const renamedToTaken = await patch(design.id, {
			op: 'replace',
			path: 'displayName',
			value: pagesGroup.displayName,
		});
		expect(renamedToTaken.body.scimType).toBe('uniqueness');
	});

	it('refuses more than maxMembersPerPatch members in one PATCH (tooMany), atomically', async () => {
		emu().control.setBehaviours({ maxMembersPerPatch: 2 });
		const before = await memberIds(design.id);
		const res = await patch(design.id, {
			op: 'add',
			path: 'members',
			value: [{ value: a }, { value: b }, { value: c }],
		});
		expect(res.body).toMatchObject({ status: '400', scimType: 'tooMany' });
		expect(await memberIds(design.id)).toEqual(before);
	});

	it('refuses bad operations with 400 and the right scimType', async () => {
		expect((await patch(design.id, { op: 'remove' })).body.scimType).toBe('noTarget');
		expect(
			(await patch(design.id, { op: 'replace', path: 'owner', value: 'x' })).body.scimType,
		).toBe('invalidPath');
		expect(
			(await patch(design.id, { op: 'remove', path: 'members[display eq "x"]' })).body.scimType,
		).toBe('invalidPath');
		expect((await patch(design.id, { op: 'remove', path: 'displayName' })).body.scimType).toBe(
			'mutability',
		);
	});

	it('PUT replaces name and members', async () => {
		const res = await scim(emu(), 'PUT', `/Groups/${design.id}`, {
			displayName: 'Put',
			members: [{ value: a }],
		});
		expect(res.body).toMatchObject({ displayName: 'Put', members: [{ value: a }] });
	});

	it('a member leaving the workspace leaves every group', async () => {
		await patch(design.id, { op: 'add', path: 'members', value: [{ value: a }] });
		await scim(emu(), 'DELETE', `/Users/${a}`);
		expect(await memberIds(design.id)).not.toContain(a);
		await patch(design.id, { op: 'add', path: 'members', value: [{ value: b }] });
		emu().control.removeMember(b);
		expect(await memberIds(design.id)).not.toContain(b);
	});

	it('deletes a group (204, then 404) but refuses one that owns pages', async () => {
		expect((await scim(emu(), 'DELETE', `/Groups/${design.id}`)).status).toBe(204);
		expect((await scim(emu(), 'GET', `/Groups/${design.id}`)).status).toBe(404);
		const refused = await scim(emu(), 'DELETE', `/Groups/${pagesGroup.id}`);
		expect(refused.body).toEqual({
			schemas: [SCIM_ERROR],
			status: '400',
			detail: expect.stringContaining('pages'),
		});
		expect((await scim(emu(), 'GET', `/Groups/${pagesGroup.id}`)).status).toBe(200);
	});
});
