/**
 * Legal holds: create, get, list (P2 `legal_holds`), users list (P2 `user_ids`), add/remove users,
 * release; the strict `type` error envelope, scopes `legal-hold:read`/`:write`/`:write-high-impact`,
 * and the switches for what the reference leaves open.
 */
import { demoSeed } from '../../../tools/notion-emulator';
import { scim, useEmulator } from '../../../tools/notion-emulator/support';
import { expectAdminError, expectBodiesRefused } from './expect';
import { admin } from './support';

const seed = demoSeed();
const main = seed.workspace.id;
const lab = seed.organization!.workspaces![0].id;
const [shared, onlyMain, second] = [seed.members[5].id!, seed.members[1].id!, seed.members[2].id!];
const START = Date.parse('2026-06-01T08:00:00.000Z');
const missing = '5f0e0000-0000-4000-8000-0000000000ff';

describe('Admin API: legal holds', () => {
	let clock = START;
	const emu = useEmulator({ seed, now: () => clock });
	beforeEach(() => {
		clock = START;
	});
	const call = (path: string, method = 'GET', body?: unknown) => admin(emu(), path, { method, body });
	const create = (body: object = {}) =>
		call('/legal_holds', 'POST', { name: 'Northstar preservation', user_ids: [onlyMain], user_interaction_type: ['page.created', 'page.edited'], ...body });
	const created = async (body: object = {}) => {
		const reply = await create(body);
		expect(reply.status).toBe(200);
		return reply.body.id as string;
	};

	it('creates an active hold and answers the hold object; the users\' workspaces are worked out', async () => {
		const reply = await create({ user_ids: [shared, onlyMain, shared], description: 'Case 42', start_date: START - 1000, end_date: START + 1000 });
		expect(reply.body).toEqual({
			id: expect.any(String),
			name: 'Northstar preservation',
			description: 'Case 42',
			status: 'active',
			created_by: seed.scimTokenOwnerId,
			created_time: START,
			start_date: START - 1000,
			end_date: START + 1000,
			user_interaction_type: ['page.created', 'page.edited'],
			users: { ids: [shared, onlyMain].sort(), total: 2 },
			workspaces: { ids: [main, lab].sort(), total: 2 },
		});
		expect((await call(`/legal_holds/${reply.body.id}`)).body).toEqual(reply.body);
		const plain = (await create()).body;
		expect(plain).toMatchObject({ start_date: START, workspaces: { ids: [main], total: 1 } });
		expect(plain).not.toHaveProperty('end_date');
		expect(emu().control.snapshot().organization!.legalHolds.map((h) => h.id).sort()).toEqual([reply.body.id, plain.id].sort());
	});

	it('refuses a bad body with 400 validation_error in the strict envelope, naming the field', async () => {
		const bot = seed.bots[0].id;
		const bad: Array<[object, string]> = [
			[{ name: '' }, 'name'],
			[{ user_ids: [] }, 'user_ids'],
			[{ user_ids: 'all' }, 'user_ids'],
			[{ user_ids: ['nope'] }, 'user_ids'],
			[{ user_ids: [missing] }, 'user_ids'],
			[{ user_ids: [bot] }, 'user_ids'],
			[{ user_interaction_type: ['page.deleted'] }, 'user_interaction_type'],
			[{ user_interaction_type: [] }, 'user_interaction_type'],
			[{ start_date: '2026-06-01' }, 'start_date'],
			[{ start_date: START, end_date: START }, 'end_date'],
		];
		await expectBodiesRefused(create, bad);
		expect(emu().control.snapshot().organization!.legalHolds).toEqual([]);
	});

	it('answers 404 for an unknown hold and 400 for a malformed id', async () => {
		expectAdminError(await call(`/legal_holds/${missing}`), 'type', 404, 'object_not_found');
		expectAdminError(await call(`/legal_holds/${missing}/users`), 'type', 404, 'object_not_found');
		expectAdminError(await call(`/legal_holds/${missing}/release`, 'POST', {}), 'type', 404, 'object_not_found');
		expectAdminError(await call('/legal_holds/nope'), 'type', 400, 'validation_error');
	});

	it('lists active and released holds as P2 {legal_holds, next_cursor?} with a fixed page size, filtered by user_id', async () => {
		emu().control.setBehaviours({ adminLegalHoldPageSize: 2 });
		const ids = [await created(), await created({ user_ids: [shared] }), await created(), await created(), await created({ user_ids: [second, shared] })];
		await call(`/legal_holds/${ids[0]}/release`, 'POST', {});
		const seen: Array<{ id: string; status: string }> = [];
		const pages: object[] = [];
		let cursor: string | undefined;
		do {
			const page = (await call(`/legal_holds${cursor ? `?start_cursor=${encodeURIComponent(cursor)}` : ''}`)).body;
			pages.push(page);
			seen.push(...page.legal_holds);
			cursor = page.next_cursor;
		} while (cursor);
		expect(pages.map((p) => Object.keys(p).sort())).toEqual([['legal_holds', 'next_cursor'], ['legal_holds', 'next_cursor'], ['legal_holds']]);
		expect(seen.map((h) => h.id)).toEqual([...ids].sort());
		expect(seen.filter((h) => h.status === 'released').map((h) => h.id)).toEqual([ids[0]]);
		const mine = (await call(`/legal_holds?user_id=${shared}`)).body;
		expect(mine.legal_holds.map((h: { id: string }) => h.id)).toEqual([ids[1], ids[4]].sort());
		expectAdminError(await call('/legal_holds?user_id=nope'), 'type', 400, 'validation_error');
		expectAdminError(await call('/legal_holds?start_cursor=bogus'), 'type', 400, 'validation_error');
	});

	it('pages a hold\'s users as P2 {user_ids, next_cursor?}; users.ids inline may be cut short, total counts all', async () => {
		emu().control.setBehaviours({ adminLegalHoldPageSize: 2, adminLegalHoldInlineIds: 1 });
		const people = seed.members.slice(0, 5).map((m) => m.id!);
		const id = await created({ user_ids: people });
		const first = (await call(`/legal_holds/${id}/users`)).body;
		const second = (await call(`/legal_holds/${id}/users?start_cursor=${encodeURIComponent(first.next_cursor)}`)).body;
		const third = (await call(`/legal_holds/${id}/users?start_cursor=${encodeURIComponent(second.next_cursor)}`)).body;
		expect([...first.user_ids, ...second.user_ids, ...third.user_ids]).toEqual([...people].sort());
		expect(third).toEqual({ user_ids: [[...people].sort()[4]] });
		expect((await call(`/legal_holds/${id}`)).body.users).toEqual({ ids: [[...people].sort()[0]], total: 5 });
	});

	it('adds users (one already held stays once), also someone who has left the workspace, and removes one', async () => {
		const id = await created();
		expect((await scim(emu(), 'DELETE', `/Users/${second}`)).status).toBe(204);
		const added = await call(`/legal_holds/${id}/users`, 'POST', { user_ids: [onlyMain, shared, second] });
		expect(added.body.users).toEqual({ ids: [onlyMain, shared, second].sort(), total: 3 });
		expectAdminError(await call(`/legal_holds/${id}/users`, 'POST', { user_ids: [missing] }), 'type', 400, 'validation_error');
		expectAdminError(await call(`/legal_holds/${id}/users`, 'POST', {}), 'type', 400, 'validation_error');
		const removed = await call(`/legal_holds/${id}/users/${shared}`, 'DELETE');
		expect(removed.body).toMatchObject({ id, users: { ids: [onlyMain, second].sort(), total: 2 } });
		expectAdminError(await call(`/legal_holds/${id}/users/${shared}`, 'DELETE'), 'type', 404, 'object_not_found');
		emu().control.setBehaviours({ adminLegalHoldRemoveAnswer: 'empty' });
		const quiet = await call(`/legal_holds/${id}/users/${second}`, 'DELETE');
		expect([quiet.status, quiet.body]).toEqual([200, undefined]);
	});

	it('releases a hold (end_date now) and answers the same when repeated; its users then cannot change', async () => {
		const id = await created();
		clock += 5000;
		const released = await call(`/legal_holds/${id}/release`, 'POST', {});
		expect(released.body).toMatchObject({ id, status: 'released', end_date: START + 5000 });
		clock += 5000;
		expect((await call(`/legal_holds/${id}/release`, 'POST')).body).toEqual(released.body);
		expectAdminError(await call(`/legal_holds/${id}/users`, 'POST', { user_ids: [shared] }), 'type', 400, 'validation_error');
		expectAdminError(await call(`/legal_holds/${id}/users/${onlyMain}`, 'DELETE'), 'type', 400, 'validation_error');
		emu().control.setBehaviours({ adminLegalHoldReleaseRepeat: '409', adminLegalHoldReleasedEdits: 'allowed' });
		expectAdminError(await call(`/legal_holds/${id}/release`, 'POST', {}), 'type', 409, 'conflict_error');
		expect((await call(`/legal_holds/${id}/users`, 'POST', { user_ids: [shared] })).body.users.total).toBe(2);
	});

	it('needs legal-hold:read to read, :write to create and edit, :write-high-impact to release', async () => {
		const id = await created();
		emu().control.setBehaviours({ adminTokenScopes: ['legal-hold:read'] });
		expect((await call('/legal_holds')).status).toBe(200);
		expect((await call(`/legal_holds/${id}/users`)).status).toBe(200);
		expectAdminError(await create(), 'type', 403, 'restricted_resource');
		emu().control.setBehaviours({ adminTokenScopes: ['legal-hold:write'] });
		expectAdminError(await call(`/legal_holds/${id}`), 'type', 403, 'restricted_resource');
		expect((await call(`/legal_holds/${id}/users`, 'POST', { user_ids: [shared] })).status).toBe(200);
		expectAdminError(await call(`/legal_holds/${id}/release`, 'POST', {}), 'type', 403, 'restricted_resource');
		emu().control.setBehaviours({ adminTokenScopes: ['legal-hold:write-high-impact'] });
		expect((await call(`/legal_holds/${id}/release`, 'POST', {})).body.status).toBe('released');
	});

	it('answers in the public-style envelope under adminErrorEnvelope "object"', async () => {
		emu().control.setBehaviours({ adminErrorEnvelope: 'object' });
		expectAdminError(await call(`/legal_holds/${missing}`), 'object', 404, 'object_not_found');
	});

	it('is under the organization token\'s request limits and faults: a refused create or a truncated release changes nothing', async () => {
		emu().limits.script([{ status: 429, reason: 'public_api_space_request_rate_limit', retryAfter: 9 }]);
		const refused = await create();
		expect([refused.status, refused.body.additional_data]).toEqual([429, { rate_limit_reason: 'public_api_space_request_rate_limit', retry_after: '9' }]);
		expect(emu().control.snapshot().organization!.legalHolds).toEqual([]);
		const id = await created();
		emu().control.scriptFaults(['truncated']);
		await call(`/legal_holds/${id}/release`, 'POST', {}).catch(() => undefined);
		expect(emu().control.snapshot().organization!.legalHolds[0].status).toBe('active');
	});
});
