/**
 * User-activity analytics reports: create (date rules in the time zone sent, the HIPAA refusal,
 * Idempotency-Key), get (a status that moves on get reads, never on the clock; a fresh link on each
 * get of a completed report; expired after 30 days), list (P1), and the gate (token, version, the
 * alias table of scopes), in the public-style envelope.
 */
import { ADMIN_SCOPES, demoSeed } from '../../../tools/notion-emulator';
import { useEmulator } from '../../../tools/notion-emulator/support';
import { expectAdminError } from './expect';
import { admin } from './support';

const seed = demoSeed();
seed.organization = { ...seed.organization, analytics: { hipaaWorkspaceIds: [seed.organization!.workspaces![0].id] } };
const main = seed.workspace.id;
const lab = seed.organization.workspaces![0].id;
const DAY = 86_400_000;
// 20:00 UTC: already the next day in Kiritimati (UTC+14), still this one in Los Angeles.
const START = Date.parse('2026-06-01T20:00:00.000Z');
const BODY = { workspace_id: main, start_date: '2026-05-02', end_date: '2026-05-31', time_zone: 'Europe/Berlin', file_format: 'jsonl' };

describe('Admin API: user-activity analytics reports', () => {
	let clock = START;
	const emu = useEmulator({ seed, now: () => clock });
	beforeEach(() => {
		clock = START;
	});
	const create = (body: object = BODY, headers: Record<string, string> = {}) => admin(emu(), '/analytics/user_activity/reports', { method: 'POST', body, headers });
	const get = (id: string, space = main) => admin(emu(), `/analytics/user_activity/reports/${id}?workspace_id=${space}`);
	const created = async (body: object = {}) => {
		const reply = await create({ ...BODY, ...body });
		expect(reply.status).toBe(202);
		return reply.body.id as string;
	};

	it('answers 202 queued, then running on the first and second get, completed on the third, whatever the clock', async () => {
		const reply = await create();
		const id = reply.body.id;
		const common = {
			object: 'analytics_report',
			id,
			type: 'user_activity',
			workspace_id: main,
			file_format: 'jsonl',
			start_date: '2026-05-02',
			end_date: '2026-05-31',
			time_zone: 'Europe/Berlin',
			created_time: new Date(START).toISOString(),
		};
		expect(reply.body).toEqual({ ...common, status: 'queued' });
		for (let read = 1; read <= 2; read++) {
			clock += 3 * DAY;
			expect((await get(id)).body).toEqual({ ...common, status: 'running' });
		}
		const done = await get(id);
		expect(done.status).toBe(200);
		expect(done.body).toEqual({
			...common,
			status: 'completed',
			download_url: expect.stringMatching(new RegExp(`^${emu().fileHostUrl}/analytics/[0-9a-f]{32}/user-activity-${id}\\.jsonl$`)),
			link_expires_at: new Date(clock + 7 * DAY).toISOString(),
		});
		expect(emu().control.snapshot().organization!.analyticsReports).toEqual([expect.objectContaining({ id, reads: 3, status: 'completed', links: [expect.objectContaining({ expiresAt: clock + 7 * DAY })] })]);
	});

	it('stays queued while no get comes, however long, and moves on the reads the switches name', async () => {
		emu().control.setBehaviours({ adminAnalyticsReadsUntilRunning: 2, adminAnalyticsReadsUntilDone: 4 });
		const id = await created();
		clock += 300 * DAY;
		const statuses = [];
		for (let read = 0; read < 4; read++) statuses.push((await get(id)).body.status);
		expect(statuses).toEqual(['queued', 'running', 'running', 'completed']);
	});

	it('fails without a link when adminAnalyticsOutcome is failed, and stays failed', async () => {
		emu().control.setBehaviours({ adminAnalyticsOutcome: 'failed', adminAnalyticsReadsUntilDone: 1 });
		const id = await created();
		for (let read = 0; read < 2; read++) {
			const reply = await get(id);
			expect(reply.body).toMatchObject({ status: 'failed', error: { code: expect.any(String), message: expect.any(String) } });
			expect(reply.body).not.toHaveProperty('download_url');
		}
	});

	it('renews the link on each get while the file lives, caps it at the file\'s 30 days, then reads expired with no link', async () => {
		const id = await created();
		await get(id);
		await get(id);
		const first = (await get(id)).body;
		const done = clock;
		clock += DAY;
		const second = (await get(id)).body;
		expect(second.download_url).not.toBe(first.download_url);
		expect(second.link_expires_at).toBe(new Date(done + 8 * DAY).toISOString());
		clock = done + 25 * DAY;
		expect((await get(id)).body.link_expires_at).toBe(new Date(done + 30 * DAY).toISOString());
		clock = done + 30 * DAY;
		const expired = await get(id);
		expect(expired.status).toBe(200);
		expect(expired.body).toMatchObject({ id, status: 'expired' });
		expect(expired.body).not.toHaveProperty('download_url');
		expect(expired.body).not.toHaveProperty('link_expires_at');
	});

	it('answers create with only {id, status} under adminAnalyticsCreateAnswer idAndStatus', async () => {
		emu().control.setBehaviours({ adminAnalyticsCreateAnswer: 'idAndStatus' });
		const reply = await create();
		expect([reply.status, reply.body]).toEqual([202, { id: expect.any(String), status: 'queued' }]);
		expect((await get(reply.body.id)).body).toMatchObject({ id: reply.body.id, status: 'running' });
	});

	it('gives times as epoch ms under adminAnalyticsTimeFormat ms', async () => {
		emu().control.setBehaviours({ adminAnalyticsTimeFormat: 'ms', adminAnalyticsReadsUntilDone: 1 });
		const id = await created();
		expect((await get(id)).body).toMatchObject({ created_time: START, link_expires_at: START + 7 * DAY });
	});

	it('checks the dates in the time zone sent: end not after today there, start at most 365 days back, start not after end', async () => {
		expect((await create({ ...BODY, end_date: '2026-06-02', time_zone: 'Pacific/Kiritimati' })).status).toBe(202);
		const today = '2026-06-01';
		expect((await create({ ...BODY, start_date: '2025-06-01', end_date: today, time_zone: 'America/Los_Angeles' })).status).toBe(202);
		const bad: Array<[object, string]> = [
			[{ end_date: '2026-06-02', time_zone: 'America/Los_Angeles' }, 'body.end_date'],
			[{ start_date: '2025-05-31', end_date: today, time_zone: 'America/Los_Angeles' }, 'body.start_date'],
			[{ start_date: '2026-05-20', end_date: '2026-05-19' }, 'body.start_date'],
			[{ start_date: '2026-02-30' }, 'body.start_date'],
			[{ end_date: '31.05.2026' }, 'body.end_date'],
			[{ time_zone: 'Mars/Olympus_Mons' }, 'body.time_zone'],
			[{ time_zone: undefined }, 'body.time_zone'],
			[{ file_format: 'xlsx' }, 'body.file_format'],
			[{ workspace_id: 'not-a-uuid' }, 'body.workspace_id'],
		];
		for (const [change, field] of bad) {
			const reply = await create({ ...BODY, ...change });
			expectAdminError(reply, 'object', 400, 'validation_error');
			expect(reply.body.message).toContain(field);
		}
		expect((await admin(emu(), `/analytics/reports?workspace_id=${main}`)).body.results).toHaveLength(2);
	});

	it('refuses a HIPAA workspace with 403 and its own code, and an unknown workspace with 404', async () => {
		expectAdminError(await create({ ...BODY, workspace_id: lab }), 'object', 403, 'analytics_reports_unavailable_for_hipaa_workspace');
		expectAdminError(await create({ ...BODY, workspace_id: '5f0e0000-0000-4000-8000-0000000000aa' }), 'object', 404, 'object_not_found');
	});

	it('answers a report by id only in its own workspace, and needs workspace_id', async () => {
		const id = await created();
		expectAdminError(await get(id, lab), 'object', 404, 'object_not_found');
		expectAdminError(await get('5f0e0000-0000-4000-8000-0000000000ab'), 'object', 404, 'object_not_found');
		expectAdminError(await admin(emu(), `/analytics/user_activity/reports/${id}`), 'object', 400, 'validation_error');
	});

	it('lists the workspace\'s reports oldest first, P1, page by page, without links and without moving them on', async () => {
		emu().control.setBehaviours({ adminAnalyticsReadsUntilDone: 1 });
		const ids = [];
		for (let i = 0; i < 3; i++) {
			ids.push(await created({ file_format: i === 1 ? 'csv' : 'jsonl' }));
			clock += 1000;
		}
		await get(ids[0]);
		const first = await admin(emu(), `/analytics/reports?workspace_id=${main}&page_size=2`);
		expect(first.body).toEqual({ object: 'list', type: 'analytics_report', results: [expect.objectContaining({ id: ids[0], status: 'completed' }), expect.objectContaining({ id: ids[1], status: 'queued', file_format: 'csv' })], has_more: true, next_cursor: expect.any(String) });
		expect(first.body.results[0]).not.toHaveProperty('download_url');
		const second = await admin(emu(), `/analytics/reports?workspace_id=${main}&page_size=2&start_cursor=${first.body.next_cursor}`);
		expect(second.body).toEqual({ object: 'list', type: 'analytics_report', results: [expect.objectContaining({ id: ids[2], status: 'queued' })], has_more: false, next_cursor: null });
		expectAdminError(await admin(emu(), `/analytics/reports?workspace_id=${main}&start_cursor=bogus`), 'object', 400, 'validation_error');
		expectAdminError(await admin(emu(), '/analytics/reports'), 'object', 400, 'validation_error');
		clock += 31 * DAY;
		expect((await admin(emu(), `/analytics/reports?workspace_id=${main}`)).body.results.map((r: { status: string }) => r.status)).toEqual(['expired', 'queued', 'queued']);
	});

	it('replays a create under the same Idempotency-Key, refuses it for another body, and ignores it when switched off', async () => {
		const key = { 'idempotency-key': 'report-2026-05' };
		const first = await create(BODY, key);
		const again = await create(BODY, key);
		expect([again.status, again.body.id]).toEqual([202, first.body.id]);
		expectAdminError(await create({ ...BODY, file_format: 'csv' }, key), 'object', 400, 'validation_error');
		emu().control.setBehaviours({ adminAnalyticsIdempotency: 'ignore' });
		expect((await create(BODY, key)).body.id).not.toBe(first.body.id);
	});

	it('opens create and get with either scope naming, the list with any analytics scope, and refuses the rest with 403', async () => {
		const only = (...scopes: string[]) => emu().control.setBehaviours({ adminTokenScopes: scopes });
		for (const scope of ['user-analytics:read', 'analytics:user-activity']) {
			only(scope);
			const id = await created();
			expect((await get(id)).status).toBe(200);
		}
		only('analytics:page-content');
		expect((await admin(emu(), `/analytics/reports?workspace_id=${main}`)).status).toBe(200);
		expectAdminError(await create(), 'object', 403, 'restricted_resource');
		only(...ADMIN_SCOPES.filter((s) => s.startsWith('analytics:') === false && s.includes('analytics') === false));
		expectAdminError(await admin(emu(), `/analytics/reports?workspace_id=${main}`), 'object', 403, 'restricted_resource');
		emu().control.setBehaviours({ adminAnalyticsUserActivityScopes: ['workspace:read'] });
		only('workspace:read');
		expect((await create()).status).toBe(202);
	});

	it('answers a wrong token 401 and a wrong Notion-Version 400, creating nothing', async () => {
		expectAdminError(await create(BODY, { authorization: `Bearer ${emu().tokens.api}` }), 'object', 401, 'unauthorized');
		expectAdminError(await create(BODY, { 'notion-version': '2022-06-28' }), 'object', 400, 'validation_error');
		expect(emu().control.snapshot().organization!.analyticsReports).toEqual([]);
	});
});
