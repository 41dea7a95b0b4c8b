/** Group operations through the real engine against the emulator: success and failure paths. */
import {
	byId,
	byName,
	count,
	expectSuccess,
	groupNamed,
	ids,
	jsonOf,
	pairedOf,
	runAdmin,
	useWorkspace,
} from './support';

const emulator = useWorkspace();

const group = (operation: string, extra: Record<string, unknown> = {}) => ({
	resource: 'group',
	operation,
	...extra,
});
const sorted = (values: unknown) => [...(values as string[])].sort();

describe('Group → Create', () => {
	it('creates a group with members given by email and ID', async () => {
		const run = await runAdmin(
			emulator(),
			group('create', {
				name: 'Research',
				options: { members: `alan@acme.test, ${ids.katherine}` },
			}),
		);

		expectSuccess(run);
		expect(run.items[0].json).toMatchObject({ name: 'Research', memberCount: 2, source: 'scim' });
		expect(sorted(run.items[0].json.memberIds)).toEqual(sorted([ids.alan, ids.katherine]));
		expect(sorted(groupNamed(emulator(), 'Research')?.memberIds)).toEqual(
			sorted([ids.alan, ids.katherine]),
		);
	});

	it('refuses a name that is taken', async () => {
		const run = await runAdmin(emulator(), group('create', { name: 'Engineering' }), {
			continueOnFail: true,
		});

		expectSuccess(run);
		expect(run.items[0].json).toMatchObject({
			kind: 'conflict',
			error: 'A group named "Engineering" already exists',
		});
	});

	it('refuses an empty name before any request', async () => {
		const run = await runAdmin(emulator(), group('create', { name: '  ' }));

		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/^Name: .*empty.*\[item 0\]$/);
		expect(count(emulator(), 'POST /scim/v2/Groups')).toBe(0);
	});

	it('fails on a member email that is not in the workspace', async () => {
		const run = await runAdmin(
			emulator(),
			group('create', { name: 'Research', options: { members: 'gus@partner.test' } }),
		);

		expect(run.status).toBe('error');
		expect(run.error?.message).toBe('No workspace member with email gus@partner.test');
		expect(groupNamed(emulator(), 'Research')).toBeUndefined();
	});
});

describe('Group → Get, Get Many, Get Members', () => {
	it('gets a group by name or by ID', async () => {
		const named = await runAdmin(emulator(), group('get', { group: byName('Engineering') }));
		expectSuccess(named);
		expect(named.items[0].json).toMatchObject({
			id: ids.engineering,
			name: 'Engineering',
			memberCount: 2,
		});
		expect(sorted(named.items[0].json.memberIds)).toEqual(sorted([ids.ada, ids.grace]));

		const byIdRun = await runAdmin(
			emulator(),
			group('get', { group: byId(ids.design), options: { raw: true } }),
		);
		expectSuccess(byIdRun);
		expect(byIdRun.items[0].json).toMatchObject({ name: 'Design', raw: { displayName: 'Design' } });
	});

	it('fails on an unknown group', async () => {
		const run = await runAdmin(emulator(), group('get', { group: byName('Nope') }));

		expect(run.status).toBe('error');
		expect(run.error?.message).toBe('No group with name "Nope"');
	});

	it('lists groups, by name and up to a limit', async () => {
		const all = await runAdmin(emulator(), group('getAll', { returnAll: true }));
		expectSuccess(all);
		expect(
			jsonOf(all.items)
				.map((g) => g.name)
				.sort(),
		).toEqual(['Design', 'Engineering']);

		const named = await runAdmin(
			emulator(),
			group('getAll', { returnAll: true, filters: { name: 'Design' } }),
		);
		expectSuccess(named);
		expect(jsonOf(named.items).map((g) => g.id)).toEqual([ids.design]);

		const limited = await runAdmin(emulator(), group('getAll', { returnAll: false, limit: 1 }));
		expectSuccess(limited);
		expect(limited.items).toHaveLength(1);
	});

	it('outputs one item per member of the group', async () => {
		const run = await runAdmin(emulator(), group('getMembers', { group: byName('Engineering') }));

		expectSuccess(run);
		expect(
			jsonOf(run.items)
				.map((m) => m.email)
				.sort(),
		).toEqual(['ada@acme.test', 'grace@acme.test']);
		expect(run.items[0].json).toMatchObject({
			groupId: ids.engineering,
			groupName: 'Engineering',
			source: 'scim',
		});
		expect(pairedOf(run.items)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	it('needs SCIM: groups cannot be read through the standard API', async () => {
		const run = await runAdmin(emulator(), group('getAll', { returnAll: true }), { scim: false });

		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/^Listing groups needs a working Notion SCIM token/);
	});
});

describe('Group → Rename, Delete', () => {
	it('renames a group', async () => {
		const run = await runAdmin(
			emulator(),
			group('rename', { group: byName('Engineering'), newName: 'Platform' }),
		);

		expectSuccess(run);
		expect(run.items[0].json).toMatchObject({ id: ids.engineering, name: 'Platform' });
		expect(groupNamed(emulator(), 'Platform')?.id).toBe(ids.engineering);
	});

	it('deletes a group', async () => {
		const run = await runAdmin(emulator(), group('delete', { group: byId(ids.engineering) }));

		expectSuccess(run);
		expect(run.items[0].json).toEqual({ id: ids.engineering, deleted: true });
		expect(groupNamed(emulator(), 'Engineering')).toBeUndefined();
	});

	it('explains why Notion refuses to delete a group that pages depend on', async () => {
		const run = await runAdmin(emulator(), group('delete', { group: byName('Design') }));

		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/refused to delete the group/);
		expect(run.error?.description).toMatch(/only full-access holder/);
		expect(groupNamed(emulator(), 'Design')).toBeDefined();
	});
});

describe('Group → Add, Remove and Set Members', () => {
	it('adds several users from one item, reporting who was already in', async () => {
		const run = await runAdmin(
			emulator(),
			group('addMembers', { group: byName('Engineering'), users: `alan@acme.test, ${ids.grace}` }),
		);

		expectSuccess(run);
		expect(run.items[0].json).toEqual({
			groupId: ids.engineering,
			added: [ids.alan],
			removed: [],
			unchanged: [ids.grace],
			batch: { items: 1, users: 2, requests: 1 },
		});
		expect(sorted(groupNamed(emulator(), 'Engineering')?.memberIds)).toEqual(
			sorted([ids.ada, ids.alan, ids.grace]),
		);
	});

	it('takes users given as an array by an expression', async () => {
		const run = await runAdmin(
			emulator(),
			group('removeMembers', { group: byId(ids.engineering), users: '={{ $json.users }}' }),
			{ items: [{ users: [ids.grace, 'ada@acme.test'] }] },
		);

		expectSuccess(run);
		expect(sorted(run.items[0].json.removed)).toEqual(sorted([ids.ada, ids.grace]));
		expect(groupNamed(emulator(), 'Engineering')?.memberIds).toEqual([]);
	});

	it('fails the items whose users are not members, and still applies the others', async () => {
		const run = await runAdmin(
			emulator(),
			group('addMembers', { group: byName('Engineering'), users: '={{ $json.user }}' }),
			{ items: [{ user: 'gus@partner.test' }, { user: 'alan@acme.test' }], continueOnFail: true },
		);

		expectSuccess(run);
		const [guest, alan] = jsonOf(run.items);
		expect(guest).toMatchObject({
			kind: 'not_found',
			error: 'No workspace member with email gus@partner.test',
		});
		expect(alan).toMatchObject({ added: [ids.alan] });
		expect(pairedOf(run.items)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('refuses an entry that is neither an ID nor an email before any request', async () => {
		emulator().control.resetLog();
		const run = await runAdmin(
			emulator(),
			group('addMembers', { group: byName('Engineering'), users: 'alan' }),
		);

		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(
			/^Users: "alan" is neither a Notion user ID nor an email \[item 0\]$/,
		);
		expect(emulator().control.requestLog().filter((entry) => entry.api !== 'control')).toEqual([]);
	});

	it('set members, dry run: outputs the plan and changes nothing', async () => {
		emulator().control.resetLog();
		const run = await runAdmin(
			emulator(),
			group('setMembers', {
				group: byName('Engineering'),
				users: `grace@acme.test, ${ids.alan}`,
				dryRun: true,
			}),
		);

		expectSuccess(run);
		expect(run.items[0].json).toEqual({
			groupId: ids.engineering,
			dryRun: true,
			toAdd: [ids.alan],
			toRemove: [ids.ada],
			unchanged: [ids.grace],
		});
		expect(count(emulator(), 'PATCH /scim/v2/Groups/{id}')).toBe(0);
		expect(sorted(groupNamed(emulator(), 'Engineering')?.memberIds)).toEqual(
			sorted([ids.ada, ids.grace]),
		);
	});

	it('set members: makes the group hold exactly the given users', async () => {
		const run = await runAdmin(
			emulator(),
			group('setMembers', { group: byName('Engineering'), users: `grace@acme.test, ${ids.alan}` }),
		);

		expectSuccess(run);
		expect(run.items[0].json).toMatchObject({
			groupId: ids.engineering,
			dryRun: false,
			added: [ids.alan],
			removed: [ids.ada],
			unchanged: [ids.grace],
		});
		expect(sorted(groupNamed(emulator(), 'Engineering')?.memberIds)).toEqual(
			sorted([ids.alan, ids.grace]),
		);
	});
});
