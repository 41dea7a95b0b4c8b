/** User → Get Groups through the real engine against the emulator: the groups a member is in. */
import {
	apiRequests,
	byEmail,
	byId,
	byName,
	count,
	expectSuccess,
	ids,
	jsonOf,
	pairedOf,
	runAdmin,
	useWorkspace,
} from './support';

const emulator = useWorkspace();

const getGroups = (extra: Record<string, unknown>) => ({
	resource: 'user',
	operation: 'getGroups',
	returnAll: true,
	...extra,
});

/** Puts Ada in Design as well, so she is in two groups. */
async function adaInTwoGroups() {
	const run = await runAdmin(emulator(), {
		resource: 'group',
		operation: 'addMembers',
		group: byName('Design'),
		users: 'ada@acme.test',
	});
	expectSuccess(run);
}

describe('User → Get Groups', () => {
	it('outputs one item per group holding the member picked by ID, from one group listing', async () => {
		emulator().control.resetLog();
		const run = await runAdmin(emulator(), getGroups({ user: byId(ids.ada) }));

		expectSuccess(run);
		expect(jsonOf(run.items)).toEqual([
			{
				id: ids.engineering,
				name: 'Engineering',
				memberIds: [ids.ada, ids.grace],
				memberCount: 2,
				source: 'scim',
				userId: ids.ada,
			},
		]);
		expect(pairedOf(run.items)).toEqual([{ item: 0 }]);
		expect(apiRequests(emulator())).toEqual(['GET /scim/v2/Groups']);
	});

	it('finds the member by email first', async () => {
		const run = await runAdmin(emulator(), getGroups({ user: byEmail('Katherine@acme.test') }));

		expectSuccess(run);
		expect(jsonOf(run.items)).toEqual([
			expect.objectContaining({ id: ids.design, name: 'Design', userId: ids.katherine }),
		]);
	});

	it('keeps to the limit unless Return All is on', async () => {
		await adaInTwoGroups();

		const all = await runAdmin(emulator(), getGroups({ user: byId(ids.ada) }));
		expectSuccess(all);
		expect(jsonOf(all.items).map((group) => group.name).sort()).toEqual(['Design', 'Engineering']);

		const limited = await runAdmin(
			emulator(),
			getGroups({ user: byId(ids.ada), returnAll: false, limit: 1 }),
		);
		expectSuccess(limited);
		expect(limited.items).toHaveLength(1);
	});

	it('adds the SCIM group under "raw" when asked', async () => {
		const run = await runAdmin(
			emulator(),
			getGroups({ user: byId(ids.katherine), options: { raw: true } }),
		);

		expectSuccess(run);
		expect(run.items[0].json).toMatchObject({ name: 'Design', raw: { displayName: 'Design' } });
	});

	it('outputs nothing for a member in no group, and says so for an ID that is no member', async () => {
		const none = await runAdmin(emulator(), getGroups({ user: byId(ids.alan) }));
		expectSuccess(none);
		expect(none.items).toEqual([]);

		const unknown = await runAdmin(emulator(), getGroups({ user: byId(ids.absent) }));
		expect(unknown.status).toBe('error');
		expect(unknown.error?.message).toBe(`No workspace member with ID ${ids.absent}`);
	});

	it('item by item: pairedItem on every output, and continue-on-fail turns a miss into an error item', async () => {
		await adaInTwoGroups();
		const run = await runAdmin(emulator(), getGroups({ user: byEmail('={{ $json.email }}') }), {
			items: [{ email: 'ada@acme.test' }, { email: 'nobody@acme.test' }, { email: 'grace@acme.test' }],
			continueOnFail: true,
		});

		expectSuccess(run);
		const out = jsonOf(run.items);
		expect(out.map((item) => item.name ?? item.kind)).toEqual([
			expect.any(String),
			expect.any(String),
			'not_found',
			'Engineering',
		]);
		expect(out[2].error).toBe('No workspace member with email nobody@acme.test');
		expect(pairedOf(run.items)).toEqual([{ item: 0 }, { item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('checks every item first: a bad email stops the run before any request, naming item and field', async () => {
		emulator().control.resetLog();
		const run = await runAdmin(emulator(), getGroups({ user: byEmail('={{ $json.email }}') }), {
			items: [{ email: 'ada@acme.test' }, { email: 'nope' }],
		});

		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/^User \(By Email\): .*\[item 1\]$/);
		expect(apiRequests(emulator())).toEqual([]);
	});

	it('needs SCIM: the group listing is SCIM only', async () => {
		const run = await runAdmin(emulator(), getGroups({ user: byId(ids.ada) }), { scim: false });

		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/needs a working Notion SCIM token/);
		expect(count(emulator(), 'GET /scim/v2/Groups')).toBe(0);
	});
});
