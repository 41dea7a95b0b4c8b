/**
 * User-activity analytics reports on a loopback fake of the Admin API: what create sends (and its
 * date rules checked before any request, naming the field), get and list shapes read tolerantly,
 * waiting on a virtual clock through each status (queued, running → completed; failed; expired),
 * the timeout, and the refusals (HIPAA workspace, missing scope named both ways).
 */
import { failure } from './failure';
import { apiRequests, clientOn, startAnalyticsFake, TOKEN, WORKSPACE, type AnalyticsFake } from './analyticsFake';

let fake: AnalyticsFake;
beforeEach(async () => (fake = await startAnalyticsFake()));
afterEach(async () => await fake.close());

/** 2026-06-15 12:00 UTC is the fake clock's now. */
const range = { workspaceId: WORKSPACE, startDate: '2026-05-01', endDate: '2026-05-31', timeZone: 'Europe/Berlin' };

describe('create', () => {
	it('sends the range, zone and format with the token and an Idempotency-Key, and answers the report queued', async () => {
		const { client } = clientOn(fake);
		const report = await client.analyticsReports.create({ ...range, format: 'csv' });
		expect(report).toMatchObject({ reportId: 'report-1', workspaceId: WORKSPACE, status: 'queued', format: 'csv', startDate: '2026-05-01', endDate: '2026-05-31', timeZone: 'Europe/Berlin', downloadUrl: null });
		const [sent] = apiRequests(fake);
		expect(JSON.parse(sent.body)).toEqual({ workspace_id: WORKSPACE, start_date: '2026-05-01', end_date: '2026-05-31', time_zone: 'Europe/Berlin', file_format: 'csv' });
		expect(sent.headers.authorization).toBe(`Bearer ${TOKEN}`);
		expect(sent.headers['notion-version']).toBe('2026-06-01');
		expect(sent.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
	});

	it('sends a create that got a server error again, with the same Idempotency-Key', async () => {
		const { client } = clientOn(fake);
		fake.refuseCreate({ status: 500, code: 'internal_server_error' });
		expect(await client.analyticsReports.create(range)).toMatchObject({ reportId: 'report-1', status: 'queued' });
		const [first, second] = apiRequests(fake);
		expect(apiRequests(fake)).toHaveLength(2);
		expect(second.headers['idempotency-key']).toBe(first.headers['idempotency-key']);
		expect(second.body).toBe(first.body);
	});

	it.each([
		['startDate', { startDate: '2026-02-30' }, 'not a date'],
		['endDate', { endDate: '31/05/2026' }, 'not a date'],
		['endDate', { startDate: '2026-05-10', endDate: '2026-05-09' }, 'before the start date'],
		['endDate', { endDate: '2026-06-16' }, 'after today'],
		['startDate', { startDate: '2025-06-14' }, '366 days back'],
		['timeZone', { timeZone: 'Mars/Olympus' }, 'not an IANA time zone'],
		['format', { format: 'xlsx' }, 'not a report file format'],
		['workspaceId', { workspaceId: 'acme' }, 'not a Notion id'],
	])('refuses a bad %s before any request (%j)', async (field, change, message) => {
		const { client } = clientOn(fake);
		const error = await failure(client.analyticsReports.create({ ...range, ...(change as object) }));
		expect(error).toMatchObject({ kind: 'invalid_input', field, message: expect.stringContaining(message) });
		expect(fake.seen).toHaveLength(0);
	});

	it("takes the day in the report's zone: the end may be today there though it is tomorrow in UTC, and 365 days back is allowed", async () => {
		// 23:30 UTC on June 15 is already June 16 in Tokyo, still June 15 in New York.
		const { client } = clientOn(fake, Date.UTC(2026, 5, 15, 23, 30));
		await client.analyticsReports.create({ workspaceId: WORKSPACE, startDate: '2025-06-16', endDate: '2026-06-16', timeZone: 'Asia/Tokyo' });
		const error = await failure(client.analyticsReports.create({ workspaceId: WORKSPACE, startDate: '2026-06-01', endDate: '2026-06-16', timeZone: 'America/New_York' }));
		expect(error).toMatchObject({ field: 'endDate', message: expect.stringContaining('2026-06-15 in America/New_York') });
		expect(apiRequests(fake)).toHaveLength(1);
	});

	it('a HIPAA workspace is refused by rule, not as a missing scope', async () => {
		const { client } = clientOn(fake);
		fake.refuseCreate({ status: 403, code: 'analytics_reports_unavailable_for_hipaa_workspace' });
		const error = await failure(client.analyticsReports.create(range));
		expect(error).toMatchObject({ kind: 'refused', httpStatus: 403, message: expect.stringContaining('HIPAA') });
		expect(error.hint).not.toContain('scope');
	});

	it('a missing scope names the scope to add, in both namings', async () => {
		const { client } = clientOn(fake);
		fake.refuseCreate({ status: 403, code: 'restricted_resource' });
		const error = await failure(client.analyticsReports.create(range));
		expect(error).toMatchObject({ kind: 'forbidden', message: expect.stringContaining('"user-analytics:read"') });
		expect(error.hint).toContain('"analytics:user-activity"');
	});
});

describe('get and list', () => {
	it('reads a completed report with its link and expiry, and the other spellings of id, link and expiry', async () => {
		const { client } = clientOn(fake);
		fake.reports.set('r-a', { id: 'r-a', statuses: ['completed'], format: 'jsonl', file: [] });
		const report = await client.analyticsReports.get(WORKSPACE, 'r-a');
		expect(report).toMatchObject({ reportId: 'r-a', status: 'completed', format: 'jsonl', linkExpiresAt: '2026-06-22T00:00:00.000Z' });
		expect(report.downloadUrl).toMatch(/\/files\/r-a\?sig=\d+$/);
		expect(apiRequests(fake)[0].query.get('workspace_id')).toBe(WORKSPACE);

		fake.reports.set('r-b', { id: 'r-b', statuses: ['failed'], format: 'csv', file: [], extra: { id: undefined, report_id: 'r-b', error: { message: 'too many rows' }, created_time: '2026-06-01T10:00:00Z' } });
		expect(await client.analyticsReports.get(WORKSPACE, 'r-b')).toMatchObject({ reportId: 'r-b', status: 'failed', errorMessage: 'too many rows', createdAt: '2026-06-01T10:00:00.000Z' });
	});

	it("lists the workspace's reports page by page with start_cursor", async () => {
		const { client } = clientOn(fake, undefined, { pageSize: 2 });
		for (let i = 0; i < 5; i++) fake.reports.set(`r-${i}`, { id: `r-${i}`, statuses: ['completed'], format: 'jsonl', file: [] });
		const listed = await client.analyticsReports.list(WORKSPACE);
		expect(listed.map((report) => report.reportId)).toEqual(['r-0', 'r-1', 'r-2', 'r-3', 'r-4']);
		expect(apiRequests(fake).map((request) => [request.query.get('start_cursor'), request.query.get('page_size')])).toEqual([
			[null, '2'],
			['2', '2'],
			['4', '2'],
		]);
		expect(apiRequests(fake).every((request) => request.query.get('workspace_id') === WORKSPACE)).toBe(true);
		expect(await client.analyticsReports.list(WORKSPACE, { limit: 1 })).toHaveLength(1);
	});
});

describe('waitUntilDone', () => {
	const report = (id: string, statuses: string[]) => fake.reports.set(id, { id, statuses, format: 'jsonl', file: [] });

	it('reads queued, running, then completed, pausing only through the injected clock', async () => {
		const { client, clock } = clientOn(fake);
		report('r-1', ['queued', 'running', 'running', 'completed']);
		const done = await client.analyticsReports.waitUntilDone(WORKSPACE, 'r-1', { timeoutMs: 600_000 });
		expect(done).toMatchObject({ status: 'completed', downloadUrl: expect.any(String) });
		expect(apiRequests(fake)).toHaveLength(4);
		expect(clock.sleeps).toEqual([5_000, 10_000, 20_000]);
	});

	it.each([
		['failed', 'refused', 'could not make report'],
		['expired', 'not_found', 'has expired'],
	])('a %s report ends the wait with an error naming it', async (status, kind, message) => {
		const { client } = clientOn(fake);
		report('r-2', ['queued', status]);
		const error = await failure(client.analyticsReports.waitUntilDone(WORKSPACE, 'r-2', { timeoutMs: 600_000 }));
		expect(error).toMatchObject({ kind, message: expect.stringContaining(message), applied: { reportId: 'r-2', status } });
	});

	it('at the timeout says the report is still being made and names it; the pauses never pass the timeout', async () => {
		const { client, clock } = clientOn(fake);
		report('r-3', ['running']);
		const error = await failure(client.analyticsReports.waitUntilDone(WORKSPACE, 'r-3', { timeoutMs: 60_000, firstPollMs: 10_000, maxPollMs: 20_000 }));
		expect(error).toMatchObject({ kind: 'timeout', message: expect.stringContaining('still running after 60 s'), applied: { reportId: 'r-3' } });
		expect(error.hint).toContain('r-3');
		// 10 + 20 + 20 + 10 (capped at what is left), then one last read.
		expect(clock.sleeps).toEqual([10_000, 20_000, 20_000, 10_000]);
		expect(apiRequests(fake)).toHaveLength(5);
	});

	it('refuses a bad timeout before any request', async () => {
		const { client } = clientOn(fake);
		const error = await failure(client.analyticsReports.waitUntilDone(WORKSPACE, 'r-1', { timeoutMs: -1 }));
		expect(error).toMatchObject({ kind: 'invalid_input', field: 'timeoutMs' });
		expect(fake.seen).toHaveLength(0);
	});
});
