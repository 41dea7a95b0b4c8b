/** The first vertical slice: User → Get Many in the real engine, over SCIM and in fallback. */
import type { Emulator } from '../../../tools/notion-emulator/types';
import { count, expectSuccess, ids, jsonOf, pairedOf, runAdmin, startWorkspace } from './support';

describe('Notion Admin: User → Get Many', () => {
	let emulator: Emulator;
	beforeEach(async () => {
		emulator = await startWorkspace();
	});
	afterEach(async () => {
		await emulator.stop();
	});

	const getMany = { resource: 'user', operation: 'getAll', returnAll: true };

	it('lists the active members over SCIM', async () => {
		const run = await runAdmin(emulator, getMany);

		expectSuccess(run);
		const members = jsonOf(run.items);
		expect(members.map((m) => m.email).sort()).toEqual([
			'ada@acme.test',
			'alan@acme.test',
			'grace@acme.test',
			'katherine@acme.test',
		]);
		expect(members.find((m) => m.id === ids.alan)).toMatchObject({
			name: 'Alan Turing',
			givenName: 'Alan',
			familyName: 'Turing',
			type: 'person',
			role: 'membership_admin',
			active: true,
			source: 'scim',
		});
		expect(members.every((m) => m.fallbackReason === undefined)).toBe(true);
		expect(pairedOf(run.items).every((p) => JSON.stringify(p) === '{"item":0}')).toBe(true);
		expect(count(emulator, 'GET /scim/v2/Users')).toBeGreaterThan(0);
		expect(count(emulator, 'GET /v1/users')).toBe(0);
	});

	it('falls back to the standard API without a SCIM credential, and says so', async () => {
		const run = await runAdmin(emulator, getMany, { scim: false });

		expectSuccess(run);
		const members = jsonOf(run.items);
		expect(members.map((m) => m.id).sort()).toEqual(
			[ids.ada, ids.alan, ids.bot, ids.grace, ids.katherine].sort(),
		);
		for (const member of members) {
			expect(member).toMatchObject({ source: 'api', fallbackReason: 'no_scim_token' });
		}
		expect(members.find((m) => m.id === ids.grace)).toMatchObject({
			email: 'grace@acme.test',
			name: 'Grace Hopper',
			type: 'person',
			role: 'unknown',
			active: null,
		});
		expect(members.find((m) => m.id === ids.bot)).toMatchObject({ type: 'bot' });
		expect(count(emulator, 'GET /v1/users')).toBeGreaterThan(0);
		expect(count(emulator, 'GET /scim/v2/Users')).toBe(0);
	});
});
