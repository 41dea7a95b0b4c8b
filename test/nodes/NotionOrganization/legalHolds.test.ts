/**
 * Legal Hold operations through n8n's engine against the emulator's Admin API: what changes in the
 * organization, Return All / Limit over the legal-hold page shape, a re-run that changes nothing
 * twice, not found, a missing scope named.
 */
import { outputJson as json, useOrganization } from './useOrganization';
import { expectSuccess, organization, runOrganization as runOn } from './support';

const current = useOrganization();
const run = (parameters: Record<string, unknown>, options?: Parameters<typeof runOn>[2]) => runOn(current(), parameters, options);
const people = () => current().control.snapshot().members.filter((member) => member.active).map((member) => member.id);
const holds = () => organization(current()).legalHolds;
const hold = (operation: string, extra: Record<string, unknown> = {}) => ({ resource: 'legalHold', operation, ...extra });

async function created(userIds: string[]): Promise<string> {
	const result = await run(hold('create', { name: 'Northstar preservation', userIds: userIds.join(','), activities: ['page.edited'] }));
	expectSuccess(result);
	return json(result)[0].id as string;
}

describe('Legal Hold through the engine', () => {
	it('Create holds the people from the given start; Get Many lists the holds, by person and up to a limit', async () => {
		current().control.setBehaviours({ adminLegalHoldPageSize: 1 });
		const [a, b] = people();
		const result = await run(
			hold('create', { name: 'Case 7', userIds: [a, b], activities: ['page.created', 'page.viewed'], options: { description: 'Litigation', startDate: '2026-01-05T09:00:00.000Z' } }),
		);
		expectSuccess(result);
		expect(json(result)[0]).toMatchObject({ name: 'Case 7', status: 'active', userTotal: 2, startDate: '2026-01-05T09:00:00.000Z', description: 'Litigation' });
		expect(holds()).toEqual([expect.objectContaining({ name: 'Case 7', userIds: [a, b].sort(), interactionTypes: ['page.created', 'page.viewed'] })]);
		await created([b]);

		let listed = await run(hold('getAll', { returnAll: true }));
		expectSuccess(listed);
		expect(json(listed).map((entry) => entry.id).sort()).toEqual(holds().map((entry) => entry.id).sort());
		listed = await run(hold('getAll', { returnAll: false, limit: 1 }));
		expect(json(listed)).toHaveLength(1);
		listed = await run(hold('getAll', { returnAll: true, filters: { userId: a } }));
		expect(json(listed).map((entry) => entry.name)).toEqual(['Case 7']);
	});

	it('Add Users, Remove Users (a re-run lists them as not held) and Release change the hold', async () => {
		const [a, b, c] = people();
		const id = await created([a]);
		expectSuccess(await run(hold('addUsers', { legalHoldId: id, userIds: `${b}, ${c}` })));
		expect(holds()[0].userIds).toEqual([a, b, c].sort());

		let result = await run(hold('removeUsers', { legalHoldId: id, userIds: [b, c] }));
		expect(json(result)).toEqual([{ legalHoldId: id, removed: [b, c], notHeld: [] }]);
		result = await run(hold('removeUsers', { legalHoldId: id, userIds: [b, c] }));
		expect(json(result)).toEqual([{ legalHoldId: id, removed: [], notHeld: [b, c] }]);
		expect(holds()[0].userIds).toEqual([a]);

		result = await run(hold('release', { legalHoldId: id }));
		expectSuccess(result);
		expect(json(result)[0]).toMatchObject({ id, status: 'released' });
		expect(holds()[0].status).toBe('released');
	});

	it('an unknown hold is not found; a token without legal-hold:write is told to add it, and nothing is held', async () => {
		let result = await run(hold('addUsers', { legalHoldId: '0f0f0f0f-0000-4000-8000-000000000000', userIds: people()[0] }));
		expect(result.status).toBe('error');
		expect(result.error?.description).toContain('Legal Hold → Get Many');

		current().control.setBehaviours({ adminTokenScopes: ['legal-hold:read'] });
		result = await run(hold('create', { name: 'Case 9', userIds: people()[0], activities: ['page.edited'] }), { continueOnFail: true });
		expectSuccess(result);
		expect(json(result)[0]).toMatchObject({ kind: 'forbidden' });
		expect(json(result)[0].description).toContain('"legal-hold:write"');
		expect(holds()).toEqual([]);
	});
});
