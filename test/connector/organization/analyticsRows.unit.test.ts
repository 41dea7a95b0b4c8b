/**
 * Reading a report file as rows, through the organization client with a scripted FileDownload:
 * bytes in small pieces (characters split across them), 100,000 rows whose first arrive long
 * before the last piece is produced, and every malformed input an error naming its line, with
 * the rows before it already yielded (none skipped). Then the join with the member listing.
 */
import { joinActivity } from '../../../nodes/common/connector/organization/activityJoin';
import type { AnalyticsReport } from '../../../nodes/common/connector/organization/analyticsApi';
import { createOrganizationClient } from '../../../nodes/common/connector/organization/organizationClient';
import type { FileDownload } from '../../../nodes/common/connector/organization/reportFile';
import type { ActivityRow } from '../../../nodes/common/connector/organization/reportRows';
import { fakeClock } from '../fakeClock';
import { failure } from './failure';
import { BASE, WS1 } from './fakeAdmin';

const encoder = new TextEncoder();

/** The file's bytes, produced lazily in pieces of `size` bytes; `produced` counts the pieces taken. */
function pieces(text: string, size: number) {
	const state = { produced: 0, total: Math.ceil(encoder.encode(text).byteLength / size) };
	async function* body(): AsyncGenerator<Uint8Array> {
		const bytes = encoder.encode(text);
		for (let at = 0; at < bytes.byteLength; at += size) {
			state.produced += 1;
			yield bytes.subarray(at, at + size);
		}
	}
	return { state, download: (async () => ({ status: 200, body: body() })) as FileDownload };
}

function rowsOf(download: FileDownload, format: 'csv' | 'jsonl' | null) {
	const clock = fakeClock(Date.UTC(2026, 5, 15));
	const client = createOrganizationClient({
		baseUrl: BASE,
		transport: async () => Promise.reject(new Error('no Admin API request expected')),
		fileDownload: download,
		now: clock.now,
		sleep: clock.sleep,
	});
	const report: AnalyticsReport = {
		reportId: 'r-1', workspaceId: WS1, reportType: 'user_activity', status: 'completed', format, startDate: null, endDate: null,
		timeZone: null, downloadUrl: 'https://file.notion.test/r-1?sig=abc', linkExpiresAt: null, createdAt: null, errorMessage: null,
	};
	return client.analyticsReports.rows(report);
}

async function all<T>(rows: AsyncIterable<T>): Promise<T[]> {
	const out: T[] = [];
	for await (const row of rows) out.push(row);
	return out;
}

/** The rows read before the failure, and the failure. */
async function upToFailure(rows: AsyncIterable<ActivityRow>) {
	const read: ActivityRow[] = [];
	const error = await failure(
		(async () => {
			for await (const row of rows) read.push(row);
		})(),
	);
	return { read, error };
}

const line = (fields: Record<string, unknown>) => `${JSON.stringify(fields)}\n`;

it('reads JSONL sent a few bytes at a time, characters split between pieces, CR LF endings and no final newline', async () => {
	const text = `\uFEFF${line({ user_id: 'u-1', name: 'Zoë 🦊', current_role: 'owner', page_views: 3 }).replace('\n', '\r\n')}\n${JSON.stringify({ user_id: 'u-2', name: 'Ünal', current_role: 'page_guest' })}`;
	for (const size of [1, 2, 3, 7]) {
		const rows = await all(rowsOf(pieces(text, size).download, 'jsonl'));
		expect(rows.map(({ userId, name, role, pageViews, line: at }) => ({ userId, name, role, pageViews, at }))).toEqual([
			{ userId: 'u-1', name: 'Zoë 🦊', role: 'owner', pageViews: 3, at: 1 },
			{ userId: 'u-2', name: 'Ünal', role: 'page_guest', pageViews: null, at: 3 },
		]);
	}
});

it('yields the first of 100,000 rows long before the last piece of the file is produced', async () => {
	let text = '';
	for (let i = 0; i < 100_000; i++) text += line({ user_id: `u-${i}`, current_role: 'member', page_views: i, page_edits: 0, active_days: i % 30 });
	const { state, download } = pieces(text, 4_096);
	let producedAtFirstRow = -1;
	let count = 0;
	let inOrder = true;
	for await (const row of rowsOf(download, 'jsonl')) {
		if (count === 0) producedAtFirstRow = state.produced;
		inOrder &&= row.pageViews === count;
		count += 1;
	}
	expect(count).toBe(100_000);
	expect(inOrder).toBe(true);
	expect(producedAtFirstRow).toBe(1);
	expect(state.produced).toBe(state.total);
	expect(state.total).toBeGreaterThan(500);
});

it('reads the same CSV records whatever pieces the bytes come in (quotes, doubled quotes and CR LF split between them)', async () => {
	const csv = '\uFEFFuser_id,name,current_teamspaces,active_days\r\nu-1,"Lovelace, Ada","[""Eng"",""Ops""]",4\r\nu-2,"Zoë ""Z""","",0\r\nu-3,"multi\r\nline ""x""",General,\r\n\r\nu-4,Plain,General,1';
	const read = async (size: number) =>
		(await all(rowsOf(pieces(csv, size).download, 'csv'))).map(({ userId, name, teamspaces, activeDays, line: at }) => ({ userId, name, teamspaces, activeDays, at }));
	const expected = [
		{ userId: 'u-1', name: 'Lovelace, Ada', teamspaces: ['Eng', 'Ops'], activeDays: 4, at: 2 },
		{ userId: 'u-2', name: 'Zoë "Z"', teamspaces: [], activeDays: 0, at: 3 },
		{ userId: 'u-3', name: 'multi\r\nline "x"', teamspaces: ['General'], activeDays: null, at: 4 },
		{ userId: 'u-4', name: 'Plain', teamspaces: ['General'], activeDays: 1, at: 7 },
	];
	for (const size of [1, 2, 3, 5, 1_000]) expect(await read(size)).toEqual(expected);
});

it('yields the first CSV record with the first piece of a 20,000-record file', async () => {
	let csv = 'user_id,name,active_days\n';
	for (let i = 0; i < 20_000; i++) csv += `u-${i},"Name, ${i}",${i % 30}\n`;
	const { state, download } = pieces(csv, 1_024);
	let producedAtFirstRow = -1;
	let count = 0;
	for await (const row of rowsOf(download, 'csv')) {
		if (count === 0) producedAtFirstRow = state.produced;
		count += 1;
		if (count === 20_000) expect(row).toMatchObject({ userId: 'u-19999', name: 'Name, 19999', activeDays: 19 });
	}
	expect(count).toBe(20_000);
	expect(producedAtFirstRow).toBe(1);
	expect(state.total).toBeGreaterThan(300);
});

it('tells the format by the first character when the report does not say', async () => {
	expect(await all(rowsOf(pieces(line({ user_id: 'u-1' }), 5).download, null))).toMatchObject([{ userId: 'u-1' }]);
	expect(await all(rowsOf(pieces('user_id,name\nu-2,Bo\n', 5).download, null))).toMatchObject([{ userId: 'u-2', name: 'Bo' }]);
});

describe('a row that does not parse is an error naming its line, after the rows before it', () => {
	it.each([
		['JSONL that is not JSON', 'jsonl', `${line({ user_id: 'u-1' })}${line({ user_id: 'u-2' })}{"user_id": "u-3",\n${line({ user_id: 'u-4' })}`, 3, 'Line 3 of the report file is not valid JSON'],
		['a JSONL line that is an array', 'jsonl', `${line({ user_id: 'u-1' })}["u-2"]\n`, 2, 'Line 2 of the report file is not a JSON object'],
		['a row without user_id', 'jsonl', `${line({ user_id: 'u-1' })}${line({ name: 'Nobody' })}`, 2, 'Line 2 of the report file has no user_id'],
		['a count that is not a number', 'jsonl', `${line({ user_id: 'u-1', active_days: 'many' })}`, 1, 'has active_days "many", which is not a count'],
		['a CSV record with a field too many', 'csv', 'user_id,name\nu-1,Ada\nu-2,Grace,extra\n', 3, 'Line 3 of the report file has 3 fields where the header has 2'],
		['a CSV quote inside an unquoted field', 'csv', 'user_id,name\nu-1,Ada\nu-2,Gr"ace\n', 3, 'a quote inside a field that is not quoted'],
		['CSV text after a closing quote', 'csv', 'user_id,name\nu-1,"Ada"x\n', 2, 'text after the closing quote'],
		['a CSV quoted field never closed', 'csv', 'user_id,name\nu-1,Ada\nu-2,"Grace\nHopper\n', 3, 'Line 3 of the report file opens a quoted field that is never closed'],
	])('%s', async (_what, format, text, at, message) => {
		const { read, error } = await upToFailure(rowsOf(pieces(text, 4).download, format as 'csv' | 'jsonl'));
		expect(error).toMatchObject({ kind: 'bad_response', message: expect.stringContaining(message) });
		expect(error.message).toContain(`Line ${at}`);
		expect(read.map((row) => row.line)).toEqual(Array.from({ length: read.length }, (_, index) => index + (format === 'csv' ? 2 : 1)));
		expect(read.length).toBe(format === 'csv' ? at - 2 : at - 1);
	});

	it('bytes that are not UTF-8', async () => {
		const bytes = new Uint8Array([...encoder.encode(line({ user_id: 'u-1' })), 0xff, 0xfe, 0x0a]);
		const download: FileDownload = async () => ({ status: 200, body: (async function* () { yield bytes; })() });
		const { error } = await upToFailure(rowsOf(download, 'jsonl'));
		expect(error).toMatchObject({ kind: 'bad_response', message: expect.stringContaining('not UTF-8') });
	});

	it('a body that stops arriving', async () => {
		const download: FileDownload = async () => ({
			status: 200,
			body: (async function* () {
				yield encoder.encode(line({ user_id: 'u-1' }));
				throw new Error('socket hang up');
			})(),
		});
		const { read, error } = await upToFailure(rowsOf(download, 'jsonl'));
		expect(read).toHaveLength(1);
		expect(error).toMatchObject({ kind: 'bad_response', message: expect.stringContaining('stopped arriving') });
		expect(error.message).not.toContain('sig=');
	});
});

describe('joinActivity', () => {
	const id = (n: number) => `aaaaaaaa-0000-4000-8000-${String(n).padStart(12, '0')}`;
	const user = (n: number, type: 'person' | 'bot' = 'person') => ({ id: id(n), type, name: `U${n}`, email: type === 'person' ? `u${n}@x.test` : null });
	const row = (n: number, role: string, activeDays: number, at: number): ActivityRow => ({
		userId: id(n).replace(/-/g, '').toUpperCase(), name: null, email: null, role, teamspaces: [], pageViews: 0, pageEdits: 0, activeDays, line: at, fields: {},
	});

	it('gives each listed person their row (none: no activity recorded), keeps guests, bots and unlisted rows apart', async () => {
		const rows = [row(1, 'owner', 20, 1), row(9, 'page_guest', 2, 2), row(7, 'member', 5, 3), row(3, 'member', 0, 4)];
		const joined = await joinActivity(rows, [user(1), user(2), user(3), user(5, 'bot')]);
		expect(joined.members.map(({ user: { id: who }, activity }) => [who, activity?.activeDays ?? null])).toEqual([
			[id(1), 20],
			[id(2), null],
			[id(3), 0],
		]);
		expect(joined.guests.map((guest) => guest.line)).toEqual([2]);
		expect(joined.bots).toEqual([{ user: user(5, 'bot'), activity: null }]);
		expect(joined.unlisted).toEqual([row(7, 'member', 5, 3).userId]);
	});

	it('keeps of each row only the figures a license report uses, never the row, its columns or teamspaces', async () => {
		const wide = (n: number, role: string, at: number): ActivityRow => ({
			...row(n, role, 0, at),
			name: `Row ${n}`,
			email: `row${n}@x.test`,
			teamspaces: ['Engineering', 'Design'],
			fields: { user_id: id(n), last_active: '2026-06-01', current_teamspaces: ['Engineering', 'Design'], notes: 'x'.repeat(200) },
		});
		const listing = [user(1), { ...user(2), name: null, email: null }, user(5, 'bot')];
		const joined = await joinActivity([wide(1, 'member', 1), wide(2, 'member', 2), wide(9, 'page_guest', 3), wide(7, 'member', 4)], listing);
		const figures = ['activeDays', 'lastActive', 'line', 'pageEdits', 'pageViews', 'role'];
		for (const { activity } of joined.members) expect(Object.keys(activity ?? {}).sort()).toEqual(figures);
		expect(Object.keys(joined.guests[0]).sort()).toEqual([...figures, 'email', 'name', 'userId'].sort());
		// The listing's own user object is kept (no copy per member) unless the row completes it.
		expect(joined.members[0].user).toBe(listing[0]);
		expect(joined.members[1].user).toEqual({ id: id(2), type: 'person', name: 'Row 2', email: 'row2@x.test' });
		expect(joined.unlisted).toEqual([wide(7, 'member', 4).userId]);
	});

	it('two rows for one person are an error naming both lines', async () => {
		const error = await failure(joinActivity([row(1, 'member', 1, 4), row(1, 'member', 2, 9)], [user(1)]));
		expect(error).toMatchObject({ kind: 'bad_response', message: expect.stringContaining('lines 4 and 9') });
	});

	it('two rows for one guest, or for one person the listing does not have, are an error too', async () => {
		const guest = await failure(joinActivity([row(9, 'page_guest', 1, 2), row(9, 'page_guest', 1, 5)], [user(1)]));
		expect(guest).toMatchObject({ kind: 'bad_response', message: expect.stringContaining('lines 2 and 5') });
		const gone = await failure(joinActivity([row(7, 'member', 0, 3), row(7, 'member', 0, 8)], [user(1)]));
		expect(gone).toMatchObject({ kind: 'bad_response', message: expect.stringContaining('lines 3 and 8') });
	});
});
