/**
 * Lookups by email through the engine under every filter support a SCIM server may have
 * (Notion's attributes, RFC's, or both; an unknown attribute refused or answered with nobody).
 * A removal by email removes the member or fails naming the email: never a success that
 * changed nothing. Group changes and "return existing" by email find the member too.
 */
import type { Behaviours, Emulator } from '../../tools/notion-emulator';
import { byEmail, byName, expectSuccess, groupNamed, ids, jsonOf, memberByEmail, runAdmin, startWorkspace } from '../nodes/NotionAdmin/support';

const SETTINGS = (['notion', 'rfc', 'both'] as const).flatMap((scimUserFilters) =>
	(['invalidFilter', 'empty'] as const).map((scimUnknownFilter) => ({ scimUserFilters, scimUnknownFilter }) satisfies Partial<Behaviours>),
);

describe.each(SETTINGS)('filters $scimUserFilters, unknown attribute $scimUnknownFilter', (behaviours) => {
	let emulator: Emulator;
	beforeEach(async () => {
		emulator = await startWorkspace({ behaviours });
	});
	afterEach(() => emulator.stop());

	it('Remove by email (If Not Found = Succeed) removes the member; an unknown email is proven absent', async () => {
		const run = await runAdmin(emulator, { resource: 'user', operation: 'remove', user: byEmail('Grace@acme.test'), options: { ifNotFound: 'succeed' } });
		expectSuccess(run);
		expect(jsonOf(run.items)).toEqual([{ email: 'Grace@acme.test', id: ids.grace, removed: true, accountKept: true }]);
		expect(memberByEmail(emulator, 'grace@acme.test')?.active ?? false).toBe(false);

		const nobody = await runAdmin(emulator, { resource: 'user', operation: 'remove', user: byEmail('nobody@acme.test'), options: { ifNotFound: 'fail' } });
		expect(nobody.status).toBe('error');
		expect(nobody.error?.message).toContain('nobody@acme.test');
	});

	it('Get by email, Create with "return existing", and group Add/Remove by email', async () => {
		const got = await runAdmin(emulator, { resource: 'user', operation: 'get', user: byEmail('alan@acme.test') });
		expectSuccess(got);
		expect(got.items[0].json).toMatchObject({ id: ids.alan, email: 'alan@acme.test' });

		const again = await runAdmin(emulator, { resource: 'user', operation: 'create', email: 'alan@acme.test', role: 'member', options: { ifAlreadyMember: 'returnExisting' } });
		expectSuccess(again);
		expect(again.items[0].json).toMatchObject({ id: ids.alan, created: false });

		const added = await runAdmin(emulator, { resource: 'group', operation: 'addMembers', group: byName('Engineering'), users: 'alan@acme.test, katherine@acme.test' });
		expectSuccess(added);
		expect(new Set(groupNamed(emulator, 'Engineering')?.memberIds)).toEqual(new Set([ids.ada, ids.grace, ids.alan, ids.katherine]));
		const removed = await runAdmin(emulator, { resource: 'group', operation: 'removeMembers', group: byName('Engineering'), users: 'grace@acme.test' });
		expectSuccess(removed);
		expect(groupNamed(emulator, 'Engineering')?.memberIds).not.toContain(ids.grace);
	});
});
