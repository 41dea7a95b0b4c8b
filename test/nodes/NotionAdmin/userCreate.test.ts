/** User → Create through the real engine against the emulator: success and failure paths. */
import { apiRequests, byId, count, expectSuccess, ids, jsonOf, memberByEmail, pairedOf, runAdmin, useWorkspace } from './support';

const emulator = useWorkspace();

describe('User → Create', () => {
	const create = (extra: Record<string, unknown>) => ({
		resource: 'user',
		operation: 'create',
		...extra,
	});

	it('adds a member with the given role and names', async () => {
		const run = await runAdmin(
			emulator(),
			create({
				email: 'hedy@acme.test',
				role: 'restricted_member',
				additionalFields: { givenName: 'Hedy', familyName: 'Lamarr' },
			}),
		);

		expectSuccess(run);
		expect(jsonOf(run.items)).toEqual([
			expect.objectContaining({
				email: 'hedy@acme.test',
				name: 'Hedy Lamarr',
				givenName: 'Hedy',
				familyName: 'Lamarr',
				role: 'restricted_member',
				active: true,
				type: 'person',
				source: 'scim',
				created: true,
				reactivated: false,
			}),
		]);
		expect(memberByEmail(emulator(), 'hedy@acme.test')).toMatchObject({
			role: 'restricted_member',
			active: true,
		});
	});

	it('re-adds a deactivated member: the same id, active again, and the output says reactivated', async () => {
		const run = await runAdmin(emulator(), create({ email: 'linus@acme.test', role: 'member' }));

		expectSuccess(run);
		expect(jsonOf(run.items)).toEqual([
			expect.objectContaining({ id: ids.linus, active: true, created: true, reactivated: true }),
		]);
		expect(memberByEmail(emulator(), 'linus@acme.test')).toMatchObject({ id: ids.linus, active: true });
	});

	it('returns the existing member when the person is already in the workspace', async () => {
		const run = await runAdmin(emulator(), create({ email: 'Grace@acme.test', role: 'member' }));

		expectSuccess(run);
		expect(jsonOf(run.items)).toEqual([
			expect.objectContaining({ id: ids.grace, email: 'grace@acme.test', created: false, reactivated: false }),
		]);
		expect(emulator().control.snapshot().members).toHaveLength(5);
	});

	it('fails on an existing member when asked to, or outputs the error when continuing', async () => {
		const parameters = create({
			email: 'grace@acme.test',
			role: 'member',
			options: { ifAlreadyMember: 'fail' },
		});
		const failed = await runAdmin(emulator(), parameters);
		expect(failed.status).toBe('error');
		expect(failed.error?.message).toMatch(/already/i);

		const continued = await runAdmin(emulator(), parameters, { continueOnFail: true });
		expectSuccess(continued);
		expect(jsonOf(continued.items)).toEqual([
			expect.objectContaining({ kind: 'conflict', error: expect.stringMatching(/already/i) }),
		]);
		expect(pairedOf(continued.items)).toEqual([{ item: 0 }]);
	});

	it('rejects a bad email before any request, naming the item and the field', async () => {
		emulator().control.resetLog();
		const run = await runAdmin(emulator(), create({ email: 'not-an-email', role: 'member' }));

		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/^Email: .*not an email address.*\[item 0\]$/);
		expect(apiRequests(emulator())).toEqual([]);
	});

	it('checks every item first: a bad item stops the run before anything is created', async () => {
		emulator().control.resetLog();
		const run = await runAdmin(emulator(), create({ email: '={{ $json.email }}', role: 'member' }), {
			items: [{ email: 'hedy@acme.test' }, { email: 'nope' }],
		});

		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/\[item 1\]/);
		expect(apiRequests(emulator())).toEqual([]);
		expect(memberByEmail(emulator(), 'hedy@acme.test')).toBeUndefined();
	});

	it('with continue-on-fail, a bad item becomes an error item and the others go through', async () => {
		const run = await runAdmin(emulator(), create({ email: '={{ $json.email }}', role: 'member' }), {
			items: [{ email: 'nope' }, { email: 'hedy@acme.test' }],
			continueOnFail: true,
		});

		expectSuccess(run);
		const [bad, good] = jsonOf(run.items);
		expect(bad.error).toMatch(/^Email: .*\[item 0\]$/);
		expect(good).toMatchObject({ email: 'hedy@acme.test', created: true });
		expect(pairedOf(run.items)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it.each([
		['a bad email', create({ email: 'nope', role: 'member' }), /^Email: /],
		['an unknown role', create({ email: 'hedy@acme.test', role: '={{ "emperor" }}' }), /^Role: /],
		[
			'a switch set to text',
			{ resource: 'user', operation: 'getAll', returnAll: '={{ "false" }}', limit: 2 },
			/^Return All: the text "false" is not true or false/,
		],
		[
			'a users entry that is neither an ID nor an email',
			{ resource: 'group', operation: 'addMembers', group: byId(ids.engineering), users: 'nobody' },
			/^Users: /,
		],
	])(
		'with continue-on-fail, %s fails the item as invalid_input',
		async (_case, parameters, message) => {
			emulator().control.resetLog();
			const run = await runAdmin(emulator(), parameters, { continueOnFail: true });

			expectSuccess(run);
			expect(jsonOf(run.items)).toEqual([
				{
					error: expect.stringMatching(message),
					description: expect.any(String),
					kind: 'invalid_input',
				},
			]);
			expect(apiRequests(emulator())).toEqual([]);
		},
	);

	it('rejects an unknown role given by an expression', async () => {
		const run = await runAdmin(
			emulator(),
			create({ email: 'hedy@acme.test', role: '={{ "superuser" }}' }),
		);

		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/^Role: .*superuser.*\[item 0\]$/);
	});

	it('needs SCIM: without the SCIM credential it fails with what to do', async () => {
		const run = await runAdmin(emulator(), create({ email: 'hedy@acme.test', role: 'member' }), {
			scim: false,
		});

		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/needs a working Notion SCIM token/);
		expect(run.error?.description).toMatch(/SCIM credential/);
		expect(count(emulator(), 'POST /scim/v2/Users')).toBe(0);
	});
});
