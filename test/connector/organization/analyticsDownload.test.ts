/**
 * A completed report's file over loopback HTTP: fetched with no Authorization header (the Admin
 * API requests on the same server carry the token), read as rows while the server is still
 * sending, in JSONL and CSV; an expired link renewed once by reading the report again; a second
 * refusal, a file gone at renewal, and a link already past its expiry.
 */
import { failure } from './failure';
import {
	apiRequests,
	clientOn,
	fileRequests,
	jsonlRows,
	LINK_EXPIRES,
	startAnalyticsFake,
	TOKEN,
	userId,
	WORKSPACE,
	type AnalyticsFake,
} from './analyticsFake';

let fake: AnalyticsFake;
beforeEach(async () => (fake = await startAnalyticsFake()));
afterEach(async () => await fake.close());

const range = { workspaceId: WORKSPACE, startDate: '2026-05-01', endDate: '2026-05-31', timeZone: 'UTC' };

async function all<T>(rows: AsyncIterable<T>): Promise<T[]> {
	const out: T[] = [];
	for await (const row of rows) out.push(row);
	return out;
}

it('creates, waits and reads the file with no Authorization header, while every Admin API request carries the token', async () => {
	const { client } = clientOn(fake);
	fake.reports.set('report-1', { id: 'report-1', statuses: ['queued', 'running', 'completed'], format: 'jsonl', file: jsonlRows(25) });
	const created = await client.analyticsReports.create(range);
	const done = await client.analyticsReports.waitUntilDone(WORKSPACE, created.reportId, { timeoutMs: 600_000 });
	const rows = await all(client.analyticsReports.rows(done));
	expect(rows).toHaveLength(25);
	expect(rows[3]).toMatchObject({ userId: userId(3), name: 'User 3', email: 'u3@example.com', role: 'member', teamspaces: ['General'], pageViews: 3, pageEdits: 0, activeDays: 3, line: 4 });
	expect(rows[9].role).toBe('page_guest');

	expect(fileRequests(fake)).toHaveLength(1);
	for (const request of fileRequests(fake)) {
		expect(request.headers.authorization).toBeUndefined();
		expect(request.headers['notion-version']).toBeUndefined();
		expect(JSON.stringify(request.headers)).not.toContain(TOKEN);
	}
	expect(apiRequests(fake).length).toBeGreaterThan(1);
	for (const request of apiRequests(fake)) expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
});

it('yields rows while the server is still sending the file (it sends the rest only once the first row is in)', async () => {
	const { client } = clientOn(fake);
	let firstRowIn!: () => void;
	const gate = new Promise<void>((resolve) => (firstRowIn = resolve));
	let sentAll = false;
	fake.reports.set('r-s', {
		id: 'r-s',
		statuses: ['completed'],
		format: 'jsonl',
		file: async (write) => {
			// In pieces of 100 rows, the first 500 before the gate.
			for (let from = 0; from < 5_000; from += 100) {
				if (from === 500) await gate;
				await write(jsonlRows(100, from).join(''));
			}
			sentAll = true;
		},
	});
	let count = 0;
	let sentAllAtFirstRow: boolean | undefined;
	for await (const row of client.analyticsReports.rows(await client.analyticsReports.get(WORKSPACE, 'r-s'))) {
		if (count === 0) {
			sentAllAtFirstRow = sentAll;
			firstRowIn();
		}
		expect(row.userId).toBe(userId(count));
		count += 1;
	}
	expect(sentAllAtFirstRow).toBe(false);
	expect(count).toBe(5_000);
}, 15_000);

it('reads a CSV file with quoted fields, commas, doubled quotes and line breaks in them', async () => {
	const { client } = clientOn(fake);
	const csv = [
		'user_id,name,email,current_role,current_teamspaces,page_views,page_edits,active_days\r\n',
		`${userId(1)},"Lovelace, Ada",ada@example.com,owner,"Engineering;Research",12,3,9\r\n`,
		`${userId(2)},"Grace ""Amazing"" Hopper",grace@example.com,page_guest,,0,0,0\r\n`,
		`${userId(3)},"Two\r\nLines",two@example.com,member,General,,,\r\n`,
		`${userId(4)},Plain,plain@example.com,restricted_member,General,1,0,1\r\n`,
	];
	fake.reports.set('r-c', { id: 'r-c', statuses: ['completed'], format: 'csv', file: csv });
	const rows = await all(client.analyticsReports.rows(await client.analyticsReports.get(WORKSPACE, 'r-c')));
	expect(rows.map(({ userId: id, name, role, teamspaces, pageViews, activeDays, line }) => ({ id, name, role, teamspaces, pageViews, activeDays, line }))).toEqual([
		{ id: userId(1), name: 'Lovelace, Ada', role: 'owner', teamspaces: ['Engineering', 'Research'], pageViews: 12, activeDays: 9, line: 2 },
		{ id: userId(2), name: 'Grace "Amazing" Hopper', role: 'page_guest', teamspaces: [], pageViews: 0, activeDays: 0, line: 3 },
		{ id: userId(3), name: 'Two\r\nLines', role: 'member', teamspaces: ['General'], pageViews: null, activeDays: null, line: 4 },
		{ id: userId(4), name: 'Plain', role: 'restricted_member', teamspaces: ['General'], pageViews: 1, activeDays: 1, line: 6 },
	]);
});

describe('link expiry', () => {
	const completed = (id: string, statuses = ['completed']) => fake.reports.set(id, { id, statuses, format: 'jsonl', file: jsonlRows(3) });

	it('a link the file host refuses (403) is renewed once by reading the report again', async () => {
		const { client } = clientOn(fake);
		completed('r-e');
		const report = await client.analyticsReports.get(WORKSPACE, 'r-e');
		fake.expireLinks();
		const rows = await all(client.analyticsReports.rows(report));
		expect(rows).toHaveLength(3);
		const files = fileRequests(fake);
		expect(files).toHaveLength(2);
		expect(files[0].query.get('sig')).not.toBe(files[1].query.get('sig'));
		expect(apiRequests(fake).map((request) => request.path)).toEqual([
			'/admin/v1/analytics/user_activity/reports/r-e',
			'/admin/v1/analytics/user_activity/reports/r-e',
		]);
		expect(files.every((request) => request.headers.authorization === undefined)).toBe(true);
	});

	it('a fresh link refused too fails saying so, after exactly one renewal', async () => {
		const { client } = clientOn(fake);
		completed('r-f');
		const report = await client.analyticsReports.get(WORKSPACE, 'r-f');
		fake.refuseAllLinks();
		const error = await failure(all(client.analyticsReports.rows(report)));
		expect(error).toMatchObject({ kind: 'forbidden', httpStatus: 403, message: expect.stringContaining('also with the fresh link') });
		expect(error.message).not.toContain('sig=');
		expect(fileRequests(fake)).toHaveLength(2);
		expect(apiRequests(fake)).toHaveLength(2);
	});

	it('a file gone by the renewal (status expired) says to create a new report', async () => {
		const { client } = clientOn(fake);
		completed('r-g', ['completed', 'expired']);
		const report = await client.analyticsReports.get(WORKSPACE, 'r-g');
		fake.expireLinks();
		const error = await failure(all(client.analyticsReports.rows(report)));
		expect(error).toMatchObject({ kind: 'not_found', message: expect.stringContaining('has expired') });
		expect(error.hint).toContain('Create a new report');
		expect(fileRequests(fake)).toHaveLength(1);
	});

	it('a link past its expiry by the clock is renewed before any download', async () => {
		const { client } = clientOn(fake, LINK_EXPIRES + 1);
		completed('r-h');
		const report = { ...(await client.analyticsReports.get(WORKSPACE, 'r-h')) };
		expect(await all(client.analyticsReports.rows(report))).toHaveLength(3);
		expect(apiRequests(fake)).toHaveLength(2);
		expect(fileRequests(fake)).toHaveLength(1);
	});

	it('a report not completed has no file to read', async () => {
		const { client } = clientOn(fake);
		fake.reports.set('r-q', { id: 'r-q', statuses: ['running'], format: 'jsonl', file: [] });
		const error = await failure(all(client.analyticsReports.rows(await client.analyticsReports.get(WORKSPACE, 'r-q'))));
		expect(error).toMatchObject({ kind: 'conflict', message: expect.stringContaining('is running, not completed') });
		expect(fileRequests(fake)).toHaveLength(0);
	});
});
