/**
 * The organization client's legal holds against the emulator's Admin API: create, list in the
 * legal-hold page shape (fixed page size, `start_cursor`, no `has_more`) with a user filter and a
 * limit, add and remove held people (someone not held reported, not failed), release (a repeat
 * answered with the hold in either of Notion's possible answers); not found, a missing scope
 * named; input checked before any request.
 */
import { NotionAdminError } from '../../../nodes/common/connector/errors';
import { generateSeed } from '../../../tools/notion-emulator';
import { useEmulator } from '../../../tools/notion-emulator/support';
import { organizationOn } from './onEmulator';

const current = useEmulator({ seed: generateSeed({ members: 12, seed: 3, adminOnlyWorkspaces: 2 }) });

const refusal = (promise: Promise<unknown>): Promise<NotionAdminError> =>
	promise.then(
		() => Promise.reject(new Error('expected a failure')),
		(error: NotionAdminError) => error,
	);

const people = () => current().control.snapshot().members.filter((member) => member.active).map((member) => member.id);
const stored = () => current().control.snapshot().organization!.legalHolds;
const client = () => organizationOn(current()).client;
const newHold = (userIds = people().slice(0, 2)) => ({ name: 'Northstar preservation', userIds, interactions: ['page.created' as const, 'page.edited' as const] });

describe('legal holds on the emulator', () => {
	it('creates a hold and lists every hold a page at a time, by person and up to a limit', async () => {
		current().control.setBehaviours({ adminLegalHoldPageSize: 2 });
		const [a, b, c] = people();
		const first = await client().legalHolds.create({ ...newHold([a, b]), description: 'Case 12' });
		expect(first).toMatchObject({ status: 'active', name: 'Northstar preservation', userIds: [a, b].sort(), userTotal: 2, interactions: ['page.created', 'page.edited'] });
		expect(stored().map((hold) => hold.id)).toEqual([first.id]);
		await client().legalHolds.create(newHold([c]));
		await client().legalHolds.create(newHold([a]));
		const all = await client().legalHolds.list();
		expect(all.map((hold) => hold.id).sort()).toEqual(stored().map((hold) => hold.id).sort());
		expect((await client().legalHolds.list({ userId: a })).length).toBe(2);
		expect(await client().legalHolds.list({}, { limit: 1 })).toHaveLength(1);
	});

	it('adds and removes people; removing someone not held is reported, not failed', async () => {
		const [a, b, c] = people();
		const hold = await client().legalHolds.create(newHold([a]));
		expect((await client().legalHolds.addUsers(hold.id, [b, c])).userTotal).toBe(3);
		await expect(client().legalHolds.removeUsers(hold.id, [b, c])).resolves.toEqual({ legalHoldId: hold.id, removed: [b, c], notHeld: [] });
		await expect(client().legalHolds.removeUsers(hold.id, [b])).resolves.toEqual({ legalHoldId: hold.id, removed: [], notHeld: [b] });
		expect(stored()[0].userIds).toEqual([a]);
	});

	it('releases a hold for good; releasing again answers the hold, whichever way Notion answers a repeat', async () => {
		const hold = await client().legalHolds.create(newHold());
		await expect(client().legalHolds.release(hold.id)).resolves.toMatchObject({ id: hold.id, status: 'released' });
		expect(stored()[0].status).toBe('released');
		for (const adminLegalHoldReleaseRepeat of ['object', '409'] as const) {
			current().control.setBehaviours({ adminLegalHoldReleaseRepeat });
			await expect(client().legalHolds.release(hold.id)).resolves.toMatchObject({ id: hold.id, status: 'released' });
		}
	});

	it('an unknown hold is not found; a token without legal-hold:write-high-impact is told to add it', async () => {
		const missing = await refusal(client().legalHolds.removeUsers('0f0f0f0f-0000-4000-8000-000000000000', [people()[0]]));
		expect(missing.kind).toBe('not_found');
		const hold = await client().legalHolds.create(newHold());
		current().control.setBehaviours({ adminTokenScopes: ['legal-hold:read', 'legal-hold:write'] });
		const forbidden = await refusal(client().legalHolds.release(hold.id));
		expect(forbidden.kind).toBe('forbidden');
		expect(forbidden.hint).toContain('"legal-hold:write-high-impact"');
		expect(stored()[0].status).toBe('active');
	});

	it('refuses bad input naming the field, before any request', async () => {
		const legalHolds = client().legalHolds;
		current().control.resetLog();
		const cases: Array<[Promise<unknown>, string]> = [
			[legalHolds.list({ userId: 'x' }), 'userId'],
			[legalHolds.create({ ...newHold(), name: ' ' }), 'name'],
			[legalHolds.create(newHold([])), 'userIds'],
			[legalHolds.create({ ...newHold(), interactions: ['page.deleted' as never] }), 'interactions'],
			[legalHolds.create({ ...newHold(), startDate: 10, endDate: 5 }), 'endDate'],
			[legalHolds.addUsers('', [people()[0]]), 'legalHoldId'],
			[legalHolds.removeUsers('hold', ['nope']), 'userIds'],
		];
		for (const [promise, field] of cases) {
			const error = await refusal(promise);
			expect([error.kind, error.field]).toEqual(['invalid_input', field]);
		}
		expect(current().control.requestLog().filter((entry) => entry.api === 'admin')).toEqual([]);
	});
});
