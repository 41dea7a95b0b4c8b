/** User → Get, Get Many, Update and Remove through the real engine against the emulator; SCIM that does not work. */
import { apiRequests, byEmail, byId, count, expectSuccess, ids, jsonOf, memberByEmail, runAdmin, useWorkspace } from './support';

const emulator = useWorkspace();

describe('User → Get', () => {
	const get = (user: unknown, options = {}) => ({
		resource: 'user',
		operation: 'get',
		user,
		options,
	});

	it('gets a member by ID over SCIM', async () => {
		const run = await runAdmin(emulator(), get(byId(ids.alan)));

		expectSuccess(run);
		expect(jsonOf(run.items)).toEqual([
			expect.objectContaining({
				id: ids.alan,
				email: 'alan@acme.test',
				role: 'membership_admin',
				source: 'scim',
			}),
		]);
	});

	it('accepts an ID without dashes', async () => {
		const run = await runAdmin(emulator(), get(byId(ids.alan.replace(/-/g, '').toUpperCase())));

		expectSuccess(run);
		expect(run.items[0].json.id).toBe(ids.alan);
	});

	it('gets a member by email through the standard API when there is no SCIM credential', async () => {
		const run = await runAdmin(emulator(), get(byEmail('grace@acme.test')), { scim: false });

		expectSuccess(run);
		expect(jsonOf(run.items)).toEqual([
			expect.objectContaining({
				id: ids.grace,
				source: 'api',
				fallbackReason: 'no_scim_token',
				fallbackDetail: expect.stringMatching(/standard Notion API/),
			}),
		]);
	});

	it('adds the untouched SCIM resource when asked', async () => {
		const run = await runAdmin(emulator(), get(byId(ids.alan), { raw: true }));

		expectSuccess(run);
		expect(run.items[0].json.raw).toMatchObject({ id: ids.alan, userName: 'alan@acme.test' });
	});

	it('fails on an unknown member, or outputs the error when continuing', async () => {
		const failed = await runAdmin(emulator(), get(byId(ids.absent)));
		expect(failed.status).toBe('error');
		expect(failed.error?.message).toMatch(new RegExp(`No workspace member with ID ${ids.absent}`));

		const continued = await runAdmin(emulator(), get(byEmail('nobody@acme.test')), {
			continueOnFail: true,
		});
		expectSuccess(continued);
		expect(jsonOf(continued.items)).toEqual([
			expect.objectContaining({
				kind: 'not_found',
				error: 'No workspace member with email nobody@acme.test',
			}),
		]);
	});

	it('rejects an ID that is not a UUID before any request', async () => {
		emulator().control.resetLog();
		// A typed value is refused by the editor's regex check; an expression is checked by the node.
		await expect(runAdmin(emulator(), get(byId('ada')))).rejects.toThrow(
			/Not a valid Notion user ID/,
		);
		const run = await runAdmin(emulator(), get(byId('={{ $json.id }}')), { items: [{ id: 'ada' }] });

		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/^User: .*not a Notion id.*\[item 0\]$/);
		expect(apiRequests(emulator())).toEqual([]);
	});
});

describe('User → Get Many (limits and filters)', () => {
	const getMany = (extra: Record<string, unknown>) => ({
		resource: 'user',
		operation: 'getAll',
		...extra,
	});

	it('stops at the limit', async () => {
		const run = await runAdmin(emulator(), getMany({ returnAll: false, limit: 2 }));

		expectSuccess(run);
		expect(run.items).toHaveLength(2);
	});

	it('filters by email (any case) and by part of the name', async () => {
		const byMail = await runAdmin(
			emulator(),
			getMany({ returnAll: true, filters: { email: 'GRACE@acme.test' } }),
		);
		expectSuccess(byMail);
		expect(jsonOf(byMail.items).map((m) => m.id)).toEqual([ids.grace]);
		expect(count(emulator(), 'GET /scim/v2/Users')).toBe(1); // one filtered lookup, no listing

		const byName = await runAdmin(emulator(), getMany({ returnAll: true, filters: { name: 'tur' } }));
		expectSuccess(byName);
		expect(jsonOf(byName.items).map((m) => m.id)).toEqual([ids.alan]);
	});

	it('an email filter leaves a deactivated member out unless asked', async () => {
		const filters = { email: 'linus@acme.test' };
		const hidden = await runAdmin(emulator(), getMany({ returnAll: true, filters }));
		expectSuccess(hidden);
		expect(hidden.items).toEqual([]);

		const shown = await runAdmin(
			emulator(),
			getMany({ returnAll: true, filters, options: { includeDeactivated: true } }),
		);
		expectSuccess(shown);
		expect(jsonOf(shown.items)).toEqual([
			expect.objectContaining({ id: ids.linus, active: false }),
		]);
	});

	it('includes deactivated members only when asked', async () => {
		const run = await runAdmin(
			emulator(),
			getMany({ returnAll: true, options: { includeDeactivated: true } }),
		);

		expectSuccess(run);
		expect(jsonOf(run.items).find((m) => m.id === ids.linus)).toMatchObject({ active: false });
		expect(run.items).toHaveLength(5);
	});
});

describe('User → Update', () => {
	const update = (user: unknown, updateFields: Record<string, unknown>) => ({
		resource: 'user',
		operation: 'update',
		user,
		updateFields,
	});

	it('changes only the fields given', async () => {
		const run = await runAdmin(
			emulator(),
			update(byEmail('grace@acme.test'), { role: 'membership_admin', familyName: 'Murray Hopper' }),
		);

		expectSuccess(run);
		expect(run.items[0].json).toMatchObject({
			id: ids.grace,
			role: 'membership_admin',
			familyName: 'Murray Hopper',
			givenName: 'Grace',
		});
		expect(memberByEmail(emulator(), 'grace@acme.test')).toMatchObject({
			role: 'membership_admin',
			familyName: 'Murray Hopper',
			givenName: 'Grace',
		});
	});

	it('deactivates a member', async () => {
		const run = await runAdmin(emulator(), update(byId(ids.grace), { active: false }));

		expectSuccess(run);
		expect(memberByEmail(emulator(), 'grace@acme.test')?.active ?? false).toBe(false);
	});

	it('refuses an update without fields, naming the field', async () => {
		const run = await runAdmin(emulator(), update(byId(ids.grace), {}));

		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/^Update Fields: no field to change \[item 0\]$/);
	});

	it('fails on an unknown member', async () => {
		const run = await runAdmin(emulator(), update(byId(ids.absent), { role: 'member' }), {
			continueOnFail: true,
		});

		expectSuccess(run);
		expect(run.items[0].json).toMatchObject({ kind: 'not_found' });
	});
});

describe('User → Remove From Workspace', () => {
	const remove = (user: unknown, options = {}) => ({
		resource: 'user',
		operation: 'remove',
		user,
		options,
	});

	it('removes a member found by email', async () => {
		const run = await runAdmin(emulator(), remove(byEmail('grace@acme.test')));

		expectSuccess(run);
		expect(run.items[0].json).toEqual({
			id: ids.grace,
			email: 'grace@acme.test',
			removed: true,
			accountKept: true,
		});
		expect(memberByEmail(emulator(), 'grace@acme.test')?.active ?? false).toBe(false);
		expect(count(emulator(), 'DELETE /scim/v2/Users/{id}')).toBe(1);
	});

	it('succeeds on someone who is not a member, unless told to fail', async () => {
		const succeeded = await runAdmin(emulator(), remove(byId(ids.absent)));
		expectSuccess(succeeded);
		expect(succeeded.items[0].json).toEqual({ id: ids.absent, removed: false, notFound: true });

		const failed = await runAdmin(
			emulator(),
			remove(byEmail('nobody@acme.test'), { ifNotFound: 'fail' }),
		);
		expect(failed.status).toBe('error');
		expect(failed.error?.message).toBe('No workspace member with email nobody@acme.test');
	});

	it('explains that the owner of the SCIM token cannot be removed', async () => {
		const run = await runAdmin(emulator(), remove(byId(ids.ada)));

		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/refused to remove/);
		expect(run.error?.description).toMatch(/created the SCIM token cannot be removed/);
		expect(memberByEmail(emulator(), 'ada@acme.test')?.active).toBe(true);
	});
});

describe('SCIM that does not work', () => {
	const getMany = { resource: 'user', operation: 'getAll', returnAll: true };
	const promote = {
		resource: 'user',
		operation: 'update',
		user: byId(ids.grace),
		updateFields: { role: 'owner' },
	};

	it('not on Enterprise: reads fall back, writes say SCIM needs Enterprise', async () => {
		emulator().control.setPlan('business');

		const read = await runAdmin(emulator(), getMany);
		expectSuccess(read);
		expect(read.items[0].json).toMatchObject({ source: 'api', fallbackReason: 'scim_forbidden' });

		const write = await runAdmin(emulator(), promote);
		expect(write.status).toBe('error');
		expect(write.error?.message).toMatch(/needs a working Notion SCIM token/);
		expect(write.error?.description).toMatch(/Enterprise/);
	});

	it('revoked token: reads fall back, writes say the token was revoked', async () => {
		emulator().control.revokeScimToken();

		const read = await runAdmin(emulator(), getMany);
		expectSuccess(read);
		expect(read.items[0].json).toMatchObject({
			source: 'api',
			fallbackReason: 'scim_unauthorized',
		});

		const write = await runAdmin(emulator(), promote, { continueOnFail: true });
		expectSuccess(write);
		expect(write.items[0].json).toMatchObject({
			kind: 'scim_required',
			description: expect.stringMatching(/revoked.*owner who created it/),
		});
		expect(memberByEmail(emulator(), 'grace@acme.test')?.role).toBe('member');
	});
});
