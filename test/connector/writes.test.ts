import type { NotionAdminError } from '../../nodes/common/connector/errors';
import { generateSeed, type Emulator, type Seed } from '../../tools/notion-emulator';
import { directoryOn, failingOnPatch, startWorkspace } from './workspace';

const seed: Seed = generateSeed({ members: 260, bots: 1, guests: 1, groups: 0, deactivated: 0, seed: 5 });
seed.groups = [
	{ displayName: 'Engineering', memberEmails: seed.members.slice(1, 4).map((m) => m.email) },
	{ displayName: 'Legal', memberEmails: [], ownsPages: true },
];
const owner = () => seed.members[0];

describe('member writes over SCIM', () => {
	let emulator: Emulator;
	beforeEach(async () => {
		emulator = await startWorkspace({ seed });
	});
	afterEach(() => emulator.stop());

	const memberIn = (id: string) => emulator.control.snapshot().members.find((m) => m.id === id);

	it('creates a member with a role and a name', async () => {
		const { directory } = directoryOn(emulator);
		const created = await directory.createMember({
			email: 'marie.curie@acme.test',
			givenName: 'Marie',
			familyName: 'Curie',
			role: 'restricted_member',
		});
		expect(created).toMatchObject({ email: 'marie.curie@acme.test', name: 'Marie Curie', role: 'restricted_member', active: true, source: 'scim' });
		expect(memberIn(created.id)).toMatchObject({ email: 'marie.curie@acme.test', role: 'restricted_member', active: true });
		// A lookup first (was the person a member already?): on a fresh directory "nobody" takes two
		// filter forms (email, userName) agreeing; then one POST.
		expect(emulator.control.requestCounts()).toEqual({ 'GET /scim/v2/Users': 2, 'POST /scim/v2/Users': 1 });
		expect(created.reactivated).toBe(false);
	});

	it('refuses a duplicate with conflict and the existing id', async () => {
		const { directory } = directoryOn(emulator);
		const existing = seed.members[5];
		const error = (await directory.createMember({ email: existing.email }).catch((e: unknown) => e)) as NotionAdminError;
		expect(error).toMatchObject({ kind: 'conflict', applied: { id: existing.id } });
		// The lookup before the POST finds the member: nothing is sent.
		expect(emulator.control.requestCounts()).toEqual({ 'GET /scim/v2/Users': 1 });
	});

	it('updates role, name, email and status', async () => {
		const { directory } = directoryOn(emulator);
		const target = seed.members[9];
		const id = target.id as string;
		expect(await directory.updateMember(id, { role: 'membership_admin' })).toMatchObject({ role: 'membership_admin' });
		expect(memberIn(id)?.role).toBe('membership_admin');
		await directory.updateMember(id, { name: 'Renamed Person' });
		expect(memberIn(id)?.name).toBe('Renamed Person');
		await directory.updateMember(id, { givenName: 'Given' });
		expect(memberIn(id)).toMatchObject({ givenName: 'Given' });
		await directory.updateMember(id, { email: 'renamed@acme.test' });
		expect(memberIn(id)?.email).toBe('renamed@acme.test');
		expect(await directory.updateMember(id, { active: false })).toMatchObject({ active: false });
		expect(memberIn(id)?.active).toBe(false);
		expect(await directory.updateMember(id, { active: true })).toMatchObject({ active: true });
	});

	it('removes a member and confirms it is gone (404 or inactive afterwards)', async () => {
		for (const deletedUserLookup of ['404', 'inactive'] as const) {
			emulator.control.setBehaviours({ deletedUserLookup });
			emulator.control.resetLog();
			const { directory } = directoryOn(emulator);
			const target = deletedUserLookup === '404' ? seed.members[20] : seed.members[21];
			await directory.removeMember(target.id as string);
			expect(emulator.control.requestCounts()).toEqual({
				'DELETE /scim/v2/Users/{id}': 1,
				'GET /scim/v2/Users/{id}': 1,
			});
			const after = await directory.getMember(target.id as string);
			expect(after.value === null || after.value.active === false).toBe(true);
		}
	});

	it('says not_found when removing or changing someone who is not there', async () => {
		const { directory } = directoryOn(emulator);
		const absent = '0123456789abcdef0123456789abcdef';
		await expect(directory.removeMember(absent)).rejects.toMatchObject({ kind: 'not_found' });
		await expect(directory.updateMember(absent, { role: 'member' })).rejects.toMatchObject({ kind: 'not_found' });
	});

	it.each([403, 400] as const)('refuses to remove or demote the SCIM token owner (HTTP %i) with a clear hint', async (status) => {
		emulator.control.setBehaviours({ tokenOwnerRemoveStatus: status });
		const { directory } = directoryOn(emulator);
		const id = owner().id as string;
		for (const attempt of [() => directory.removeMember(id), () => directory.updateMember(id, { role: 'member' })]) {
			const error = (await attempt().catch((e: unknown) => e)) as NotionAdminError;
			expect(error).toMatchObject({ kind: 'refused', httpStatus: status });
			expect(error.hint).toMatch(/created the SCIM token/);
		}
		expect(memberIn(id)).toMatchObject({ active: true, role: 'owner' });
	});

	it('rejects bad input before any request, naming the field', async () => {
		const { directory } = directoryOn(emulator);
		const cases: Array<[Promise<unknown>, string]> = [
			[directory.createMember({ email: 'not-an-email' }), 'email'],
			[directory.createMember({ email: 'a@b.test', name: '   ' }), 'name'],
			[directory.createMember({ email: 'a@b.test', role: 'boss' as never }), 'role'],
			[directory.updateMember('123', { role: 'member' }), 'id'],
			[directory.updateMember(owner().id as string, {}), 'changes'],
			[directory.getMember('zz-not-a-uuid'), 'id'],
			[directory.findMemberByEmail('x" or userName pr'), 'email'],
			[directory.createGroup(''), 'name'],
			[directory.addGroupMembers(owner().id as string, ['nope']), 'userIds'],
		];
		for (const [attempt, field] of cases) await expect(attempt).rejects.toMatchObject({ kind: 'invalid_input', field });
		expect(emulator.control.requestLog()).toEqual([]);
	});

	it('never echoes a token pasted by mistake into a field', async () => {
		const { directory } = directoryOn(emulator);
		const error = (await directory.getMember(emulator.tokens.scim).catch((e: unknown) => e)) as NotionAdminError;
		expect(error.kind).toBe('invalid_input');
		expect(error.message).not.toContain(emulator.tokens.scim);
	});
});

describe('group writes over SCIM', () => {
	let emulator: Emulator;
	beforeEach(async () => {
		emulator = await startWorkspace({ seed });
	});
	afterEach(() => emulator.stop());

	const groupIn = (name: string) => emulator.control.snapshot().groups.find((g) => g.displayName === name);
	const ids = (from: number, to: number) => seed.members.slice(from, to).map((m) => m.id as string);

	it('creates, finds, renames and deletes a group', async () => {
		const { directory } = directoryOn(emulator);
		const created = await directory.createGroup('Platform', ids(10, 15));
		expect(created).toMatchObject({ name: 'Platform', memberIds: ids(10, 15) });
		expect(groupIn('Platform')?.memberIds.sort()).toEqual(ids(10, 15).sort());
		expect((await directory.findGroupByName('Platform'))?.id).toBe(created.id);
		await expect(directory.createGroup('Platform')).rejects.toMatchObject({ kind: 'conflict', applied: { id: created.id } });
		expect(await directory.renameGroup(created.id, 'Platform Team')).toMatchObject({ name: 'Platform Team' });
		expect(groupIn('Platform Team')).toBeDefined();
		await directory.deleteGroup(created.id);
		expect(groupIn('Platform Team')).toBeUndefined();
		expect(await directory.getGroup(created.id)).toBeNull();
		await expect(directory.deleteGroup(created.id)).rejects.toMatchObject({ kind: 'not_found' });
	});

	it('creates a large group in one POST plus one PATCH per further 100 members', async () => {
		const { directory } = directoryOn(emulator);
		const members = ids(0, 250);
		const group = await directory.createGroup('Everyone', members);
		expect(group.memberIds).toHaveLength(250);
		const counts = emulator.control.requestCounts();
		expect(counts['POST /scim/v2/Groups']).toBe(1);
		expect(counts['PATCH /scim/v2/Groups/{id}']).toBe(2);
	});

	it('refuses to delete a group that would orphan pages, with a hint', async () => {
		const { directory } = directoryOn(emulator);
		const legal = await directory.findGroupByName('Legal');
		const error = (await directory.deleteGroup(legal?.id as string).catch((e: unknown) => e)) as NotionAdminError;
		expect(error).toMatchObject({ kind: 'refused' });
		expect(error.hint).toMatch(/full-access/);
		expect(groupIn('Legal')).toBeDefined();
	});

	it('adds 250 users in ceil(250/100) PATCH requests, skipping those already in', async () => {
		const { directory } = directoryOn(emulator);
		const engineering = await directory.findGroupByName('Engineering');
		emulator.control.resetLog();
		const change = await directory.addGroupMembers(engineering?.id as string, ids(1, 251));
		expect(change.unchanged.sort()).toEqual(ids(1, 4).sort());
		expect(change.added).toHaveLength(247);
		expect(change.requests).toBe(3);
		expect(emulator.control.requestCounts()).toEqual({ 'GET /scim/v2/Groups/{id}': 1, 'PATCH /scim/v2/Groups/{id}': 3 });
		expect(groupIn('Engineering')?.memberIds).toHaveLength(250);
	});

	it.each(['pathFilter', 'both', 'valueArray'] as const)(
		'removes members in batches whichever remove form Notion takes (%s)',
		async (groupMemberRemoveForm) => {
			emulator.control.setBehaviours({ groupMemberRemoveForm });
			const { directory } = directoryOn(emulator);
			const group = await directory.createGroup('Big', ids(0, 230));
			emulator.control.resetLog();
			const change = await directory.removeGroupMembers(group.id, [...ids(0, 150), ...ids(240, 245)]);
			expect(change.removed).toHaveLength(150);
			expect(change.unchanged).toHaveLength(5);
			expect(groupIn('Big')?.memberIds.sort()).toEqual(ids(150, 230).sort());
			const patches = emulator.control.requestCounts()['PATCH /scim/v2/Groups/{id}'];
			// Two batches; one refused attempt more when Notion does not take the path filter.
			expect(patches).toBe(groupMemberRemoveForm === 'valueArray' ? 3 : 2);
			expect(change.requests).toBe(patches);
		},
	);

	it('plans and sets a group to exactly the given members', async () => {
		const { directory } = directoryOn(emulator);
		const engineering = await directory.findGroupByName('Engineering');
		const id = engineering?.id as string;
		const wanted = [...ids(2, 4), ...ids(30, 33)];
		const plan = await directory.planGroupMembers(id, wanted);
		expect(plan).toMatchObject({ toAdd: ids(30, 33), toRemove: ids(1, 2), unchanged: ids(2, 4) });
		expect(groupIn('Engineering')?.memberIds).toHaveLength(3);
		const change = await directory.setGroupMembers(id, wanted);
		expect(change).toMatchObject({ added: ids(30, 33), removed: ids(1, 2), requests: 2 });
		expect(groupIn('Engineering')?.memberIds.sort()).toEqual([...wanted].sort());
	});
});

describe('group batches adapt to a server that takes fewer users per PATCH', () => {
	it('halves the batch after a tooMany and still applies everything', async () => {
		const emulator = await startWorkspace({ seed, behaviours: { maxMembersPerPatch: 40 } });
		try {
			const { directory } = directoryOn(emulator);
			const group = await directory.findGroupByName('Legal');
			const wanted = seed.members.slice(10, 130).map((m) => m.id as string);
			const change = await directory.addGroupMembers(group?.id as string, wanted);
			expect(change.added.sort()).toEqual([...wanted].sort());
			const legal = emulator.control.snapshot().groups.find((g) => g.displayName === 'Legal');
			expect(legal?.memberIds.sort()).toEqual([...wanted].sort());
			// 100 refused, 50 refused, then 25 at a time: 2 + ceil(120 / 25).
			expect(change.requests).toBe(2 + Math.ceil(120 / 25));
		} finally {
			await emulator.stop();
		}
	});
});

describe('a membership change that fails midway', () => {
	it('reports partial with exactly what was applied', async () => {
		const emulator = await startWorkspace({ seed });
		try {
			// Notion breaks down right before the second batch.
			const { directory } = failingOnPatch(emulator, 2);
			const group = await directory.findGroupByName('Legal');
			const wanted = seed.members.slice(10, 260).map((m) => m.id as string);
			const error = (await directory.addGroupMembers(group?.id as string, wanted).catch((e: unknown) => e)) as NotionAdminError;
			expect(error.kind).toBe('partial');
			const applied = error.applied as { added: string[]; requests: number };
			expect(applied.added).toEqual(wanted.slice(0, 100));
			expect(applied.requests).toBe(2);
			const legal = emulator.control.snapshot().groups.find((g) => g.displayName === 'Legal');
			expect(legal?.memberIds.sort()).toEqual(wanted.slice(0, 100).sort());
		} finally {
			await emulator.stop();
		}
	});
});
