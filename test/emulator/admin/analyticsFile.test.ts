/**
 * The user-activity report's file on the file host: one row per current member and page guest
 * (never bots, deactivated or removed people), activity from the seed (seeded people exactly,
 * everyone else by deterministic rules), the same rows as JSONL and CSV, links that need and take
 * no Authorization header and expire, and a large file written out in chunks.
 */
import { demoResearchSeed, demoSeed, generateSeed, startEmulator, type Emulator } from '../../../tools/notion-emulator';
import { Writable } from 'node:stream';
import { writeInChunks } from '../../../tools/notion-emulator/admin/reportFile';
import { useEmulator } from '../../../tools/notion-emulator/support';
import { admin } from './support';

const seed = demoSeed();
const [owner, daily, lapsed] = [seed.members[0], seed.members[1], seed.members[2]];
const guest = seed.guests[0];
seed.organization = {
	...seed.organization,
	analytics: {
		people: {
			[daily.email.toUpperCase()]: { lastActiveDaysAgo: 0, viewsPerDay: 2, editsPerDay: 1, teamspaces: ['Finance, Legal', 'Say "hi"'] },
			[lapsed.email]: { lastActiveDaysAgo: 45, everyDays: 10 },
			[guest.email]: { lastActiveDaysAgo: 3, everyDays: 7, viewsPerDay: 5, editsPerDay: 0 },
		},
	},
};
const main = seed.workspace.id;
const DAY = 86_400_000;
const START = Date.parse('2026-06-01T20:00:00.000Z');
const LAST_30 = { workspace_id: main, start_date: '2026-05-03', end_date: '2026-06-01', time_zone: 'UTC' };
type Row = Record<string, unknown>;

async function reportUrl(emu: Emulator, format: 'csv' | 'jsonl', body: object = LAST_30): Promise<{ id: string; url: string }> {
	const created = await admin(emu, '/analytics/user_activity/reports', { method: 'POST', body: { ...body, file_format: format } });
	const space = (body as { workspace_id: string }).workspace_id;
	let reply;
	for (let read = 0; read < 3; read++) reply = await admin(emu, `/analytics/user_activity/reports/${created.body.id}?workspace_id=${space}`);
	return { id: created.body.id, url: reply!.body.download_url };
}

async function jsonl(url: string): Promise<Row[]> {
	const text = await (await fetch(url)).text();
	return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Row);
}

/** RFC 4180, enough for the test: quoted cells with doubled quotes, no line breaks inside. */
function csvRows(text: string): string[][] {
	return text.split('\n').filter(Boolean).map((line) => {
		const cells: string[] = [];
		for (const m of line.matchAll(/("((?:[^"]|"")*)"|[^,]*)(,|$)/g)) {
			cells.push(m[2] !== undefined ? m[2].replace(/""/g, '"') : m[1]);
			if (m[3] === '') break;
		}
		return cells;
	});
}

describe('Admin API: the user-activity report file', () => {
	let clock = START;
	const emu = useEmulator({ seed, now: () => clock });
	beforeEach(() => {
		clock = START;
	});

	it('has one JSONL row per current member and page guest, no bots, the seeded activity exactly', async () => {
		const rows = await jsonl((await reportUrl(emu(), 'jsonl')).url);
		const active = seed.members.filter((m) => m.active !== false);
		expect(rows.map((r) => r.user_id).sort()).toEqual([...active.map((m) => m.id), guest.id].sort());
		expect(rows.map((r) => r.user_id)).not.toContain(seed.bots[0].id);
		const common = { workspace_id: main, start_date: '2026-05-03', end_date: '2026-06-01' };
		const byId = new Map(rows.map((r) => [r.user_id, r]));
		expect(byId.get(daily.id)).toEqual({ ...common, user_id: daily.id, name: daily.name, email: daily.email, current_role: daily.role, current_teamspaces: ['Finance, Legal', 'Say "hi"'], page_views: 60, page_edits: 30, active_days: 30 });
		expect(byId.get(lapsed.id)).toMatchObject({ active_days: 0, page_views: 0, page_edits: 0 });
		expect(byId.get(guest.id)).toEqual({ ...common, user_id: guest.id, name: guest.name, email: guest.email, current_role: 'page_guest', current_teamspaces: [], page_views: 20, page_edits: 0, active_days: 4 });
		expect(byId.get(owner.id)).toMatchObject({ current_role: 'owner', current_teamspaces: expect.arrayContaining(['General']) });
		const generated = rows.filter((r) => ![daily.id, lapsed.id, guest.id].includes(r.user_id as string));
		expect(generated.some((r) => r.active_days === 0)).toBe(true);
		expect(generated.some((r) => (r.active_days as number) > 0)).toBe(true);
	});

	it('counts the range asked for: 90 days reach the lapsed member\'s days 45, 55 … 85 days back', async () => {
		const rows = await jsonl((await reportUrl(emu(), 'jsonl', { ...LAST_30, start_date: '2026-03-04' })).url);
		expect(rows.find((r) => r.user_id === lapsed.id)).toMatchObject({ active_days: 5, page_views: 15, page_edits: 5 });
		const older = await jsonl((await reportUrl(emu(), 'jsonl', { ...LAST_30, start_date: '2026-04-01', end_date: '2026-04-17' })).url);
		expect(older.find((r) => r.user_id === lapsed.id)).toMatchObject({ active_days: 2 });
	});

	it('gives the same generated rows to every emulator started from the same seed', async () => {
		const first = await (await fetch((await reportUrl(emu(), 'jsonl')).url)).text();
		const other = await startEmulator({ seed, now: () => clock, rateLimit: false });
		try {
			expect(await (await fetch((await reportUrl(other, 'jsonl')).url)).text()).toBe(first);
		} finally {
			await other.stop();
		}
	});

	it('has the same rows as CSV: a header row, lists joined, cells quoted where they must be', async () => {
		const json = await jsonl((await reportUrl(emu(), 'jsonl')).url);
		const file = await fetch((await reportUrl(emu(), 'csv')).url);
		expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		const text = await file.text();
		expect(text).toContain(`,"Finance, Legal, Say ""hi""",`);
		const [header, ...rows] = csvRows(text);
		expect(header).toEqual(['workspace_id', 'start_date', 'end_date', 'user_id', 'name', 'email', 'current_role', 'current_teamspaces', 'page_views', 'page_edits', 'active_days']);
		expect(rows).toEqual(json.map((r) => header.map((c) => (Array.isArray(r[c]) ? (r[c] as string[]).join(', ') : String(r[c])))));
	});

	it('is served without a token, refuses one, and never records one; an unknown link is 404', async () => {
		const { url } = await reportUrl(emu(), 'jsonl');
		const file = await fetch(url);
		expect([file.status, file.headers.get('content-type')]).toEqual([200, 'application/x-ndjson; charset=utf-8']);
		await file.text();
		const withToken = await fetch(url, { headers: { authorization: `Bearer ${emu().tokens.admin}` } });
		expect(withToken.status).toBe(400);
		expect(await withToken.text()).toMatch(/<Code>InvalidArgument<\/Code>/);
		expect((await fetch(url.replace(/\/[0-9a-f]{32}\//, `/${'0'.repeat(32)}/`))).status).toBe(404);
		const requests = emu().control.fileHostRequests();
		expect(requests.map((r) => [r.status, r.headers.authorization])).toEqual([[200, undefined], [400, '[redacted]'], [404, undefined]]);
		expect(JSON.stringify(requests)).not.toContain(emu().tokens.admin as string);
	});

	it('expires a link after 7 days by the emulator\'s clock while a new get gives a working one', async () => {
		const { id, url } = await reportUrl(emu(), 'jsonl');
		clock += 7 * DAY;
		const expired = await fetch(url);
		expect(expired.status).toBe(403);
		expect(await expired.text()).toMatch(/<Code>AccessDenied<\/Code><Message>Request has expired/);
		const renewed = (await admin(emu(), `/analytics/user_activity/reports/${id}?workspace_id=${main}`)).body.download_url;
		expect(renewed).not.toBe(url);
		expect((await jsonl(renewed)).length).toBe(29);
	});

	it('reads the workspace as it is when fetched: a removed member has no row', async () => {
		const { url } = await reportUrl(emu(), 'jsonl');
		emu().control.removeMember(daily.id!);
		expect((await jsonl(url)).map((r) => r.user_id)).not.toContain(daily.id);
	});
});

describe('Admin API: the report of a linked workspace', () => {
	const research = demoResearchSeed();
	const emu = useEmulator({ seed, now: () => START });

	it('has the linked workspace\'s members and its own page guest', async () => {
		const other = await startEmulator({ seed: research, organizationOf: emu(), now: () => START, rateLimit: false });
		try {
			const rows = await jsonl((await reportUrl(emu(), 'jsonl', { ...LAST_30, workspace_id: research.workspace.id })).url);
			expect(rows.filter((r) => r.current_role === 'page_guest').map((r) => r.email)).toEqual([research.guests[0].email]);
			expect(rows.filter((r) => r.current_role !== 'page_guest').map((r) => r.email).sort()).toEqual(research.members.map((m) => m.email).sort());
		} finally {
			await other.stop();
		}
	});
});

describe('Admin API: a large report file', () => {
	const big = generateSeed({ members: 20_000, guests: 3, seed: 7 });
	const emu = useEmulator({ seed: big, now: () => START });

	it('comes in many chunks, without a length announced up front, one line per member and guest', async () => {
		const { url } = await reportUrl(emu(), 'jsonl', { ...LAST_30, workspace_id: big.workspace.id });
		const file = await fetch(url);
		expect(file.headers.get('content-length')).toBeNull();
		expect(file.headers.get('transfer-encoding')).toBe('chunked');
		let chunks = 0;
		let lines = 0;
		const decoder = new TextDecoder();
		for await (const chunk of file.body!) {
			chunks++;
			lines += decoder.decode(chunk as Uint8Array, { stream: true }).split('\n').length - 1;
		}
		expect(chunks).toBeGreaterThan(10);
		expect(lines).toBe(big.members.filter((m) => m.active !== false).length + 3);
	});

	it('writes in chunks of about 64 KiB, waiting for each to drain, and leaves no listener behind', async () => {
		const writes: string[] = [];
		const sink = new Writable({
			highWaterMark: 1024,
			write(chunk: Buffer, _encoding, done) {
				writes.push(chunk.toString());
				setImmediate(done);
			},
		});
		const lines = Array.from({ length: 5000 }, (_, i) => `${'x'.repeat(100)} ${i}\n`);
		await writeInChunks(sink, lines);
		expect(writes.join('')).toBe(lines.join(''));
		expect(writes.length).toBeGreaterThan(5);
		for (const chunk of writes.slice(0, -1)) expect(chunk.length).toBeGreaterThanOrEqual(64 * 1024);
		expect([sink.listenerCount('drain'), sink.listenerCount('close')]).toEqual([0, 0]);
	});
});
