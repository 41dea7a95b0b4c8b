/**
 * The same user and group scenarios through the engine against the emulator as Notion and as a
 * strict RFC 7643/7644 server (no Notion role extension, RFC filters only, separate names, 204
 * PATCH answers, application/scim+json, 201 without Location, a scimType on every error).
 */
import type { Behaviours, Emulator } from '../../tools/notion-emulator';
import { STRICT_RFC_BEHAVIOURS } from '../../tools/notion-emulator/scim/strictRfc';
import {
	byEmail,
	byId,
	byName,
	expectSuccess,
	groupNamed,
	ids,
	jsonOf,
	memberByEmail,
	runAdmin,
	startWorkspace,
} from '../nodes/NotionAdmin/support';

const MODES: Array<{ mode: string; behaviours: Partial<Behaviours>; roles: boolean }> = [
	{ mode: 'Notion', behaviours: {}, roles: true },
	{ mode: 'strict RFC', behaviours: STRICT_RFC_BEHAVIOURS, roles: false },
];

describe.each(MODES)('$mode', ({ behaviours, roles }) => {
	let emulator: Emulator;
	beforeEach(async () => {
		emulator = await startWorkspace({ behaviours });
	});
	afterEach(() => emulator.stop());

	const user = (operation: string, parameters: Record<string, unknown>) => runAdmin(emulator, { resource: 'user', operation, ...parameters });
	const group = (operation: string, parameters: Record<string, unknown>) => runAdmin(emulator, { resource: 'group', operation, ...parameters });

	it('users: create, create again, get by email and ID, rename, deactivate, role change, remove by email and ID', async () => {
		const created = await user('create', { email: 'mary@acme.test', role: 'member', additionalFields: { givenName: 'Mary', familyName: 'Jackson' } });
		expectSuccess(created);
		expect(created.items[0].json).toMatchObject({ email: 'mary@acme.test', name: 'Mary Jackson', active: true, created: true });
		const id = created.items[0].json.id as string;

		const again = await user('create', { email: 'MARY@acme.test', role: 'member', options: { ifAlreadyMember: 'returnExisting' } });
		expectSuccess(again);
		expect(again.items[0].json).toMatchObject({ id, created: false });
		const refused = await user('create', { email: 'mary@acme.test', role: 'member', options: { ifAlreadyMember: 'fail' } });
		expect(refused.status).toBe('error');
		expect(refused.error?.message).toContain('mary@acme.test');

		expect((await user('get', { user: byEmail('mary@acme.test') })).items[0].json).toMatchObject({ id, name: 'Mary Jackson' });
		expect((await user('get', { user: byId(id) })).items[0].json).toMatchObject({ id, email: 'mary@acme.test' });

		const renamed = await user('update', { user: byEmail('mary@acme.test'), updateFields: { name: 'Mary Winston Jackson' } });
		expectSuccess(renamed);
		expect(renamed.items[0].json).toMatchObject({ name: 'Mary Winston Jackson', givenName: 'Mary', familyName: 'Winston Jackson' });
		// A read after the write agrees with it.
		expect((await user('get', { user: byId(id) })).items[0].json).toMatchObject({ name: 'Mary Winston Jackson', givenName: 'Mary', familyName: 'Winston Jackson' });

		const role = await user('update', { user: byId(id), updateFields: { role: 'membership_admin' } });
		if (roles) {
			expectSuccess(role);
			expect(role.items[0].json).toMatchObject({ role: 'membership_admin' });
			expect(memberByEmail(emulator, 'mary@acme.test')?.role).toBe('membership_admin');
		} else {
			expect(role.status).toBe('error');
			expect(role.error?.message).toMatch(/does not accept Notion roles/);
			expect(`${role.error?.message} ${role.error?.description}`).not.toMatch(/token/i);
		}

		const deactivated = await user('update', { user: byEmail('mary@acme.test'), updateFields: { active: false } });
		expectSuccess(deactivated);
		expect(deactivated.items[0].json).toMatchObject({ id, active: false });

		const byMail = await user('remove', { user: byEmail('grace@acme.test'), options: { ifNotFound: 'succeed' } });
		expectSuccess(byMail);
		expect(byMail.items[0].json).toMatchObject({ id: ids.grace, removed: true });
		expect(memberByEmail(emulator, 'grace@acme.test')?.active ?? false).toBe(false);
		const byIdRun = await user('remove', { user: byId(ids.alan), options: { ifNotFound: 'fail' } });
		expectSuccess(byIdRun);
		expect(byIdRun.items[0].json).toMatchObject({ id: ids.alan, removed: true });
		expect(memberByEmail(emulator, 'alan@acme.test')?.active ?? false).toBe(false);
		const nobody = await user('remove', { user: byEmail('nobody@acme.test'), options: { ifNotFound: 'succeed' } });
		expectSuccess(nobody);
		expect(nobody.items[0].json).toMatchObject({ removed: false, notFound: true });
	});

	it('groups: create, add, remove and set members by email', async () => {
		const created = await group('create', { name: 'Pilots', options: { members: 'ada@acme.test, Grace@acme.test' } });
		expectSuccess(created);
		const id = created.items[0].json.id as string;
		expect(new Set(groupNamed(emulator, 'Pilots')?.memberIds)).toEqual(new Set([ids.ada, ids.grace]));

		expectSuccess(await group('addMembers', { group: byName('Pilots'), users: 'alan@acme.test, katherine@acme.test' }));
		expect(new Set(groupNamed(emulator, 'Pilots')?.memberIds)).toEqual(new Set([ids.ada, ids.grace, ids.alan, ids.katherine]));

		const removed = await group('removeMembers', { group: byId(id), users: 'grace@acme.test' });
		expectSuccess(removed);
		expect(jsonOf(removed.items)[0]).toMatchObject({ removed: [ids.grace] });
		expect(groupNamed(emulator, 'Pilots')?.memberIds).not.toContain(ids.grace);

		const set = await group('setMembers', { group: byName('Pilots'), users: 'katherine@acme.test, grace@acme.test' });
		expectSuccess(set);
		expect(new Set(groupNamed(emulator, 'Pilots')?.memberIds)).toEqual(new Set([ids.katherine, ids.grace]));

		const unknown = await group('addMembers', { group: byName('Pilots'), users: 'nobody@acme.test' });
		expect(unknown.status).toBe('error');
		expect(unknown.error?.message).toContain('nobody@acme.test');
	});
});
