/**
 * Pacing on virtual time: the assertions are about how long the connector chose to wait (the
 * fake clock's sleeps), never about wall time.
 */
import type { HttpTransport } from '../../nodes/common/connector/transport';
import { generateSeed, type Emulator } from '../../tools/notion-emulator';
import { fakeClock, type FakeClock } from './fakeClock';
import { directoryOn, startWorkspace } from './workspace';

const notionLimit = { requestsPerSecond: 3, burst: 3 };
let keys = 0;
const freshKey = () => `pacing-test-${++keys}`;

describe('pacing under the rate limit', () => {
	let emulator: Emulator;
	beforeAll(async () => {
		emulator = await startWorkspace({ seed: generateSeed({ members: 1000, bots: 0, guests: 0, groups: 0, seed: 3 }) });
	});
	afterAll(() => emulator.stop());
	beforeEach(() => emulator.control.resetLog());

	const memberIds = (n: number) => emulator.control.snapshot().members.slice(0, n).map((m) => m.id);

	it('lets a burst through, then spaces requests at the average rate', async () => {
		const { directory, clock } = directoryOn(emulator, { tuning: notionLimit, pacingKey: freshKey() });
		await Promise.all(memberIds(12).map((id) => directory.getMember(id)));
		expect(emulator.control.requestCounts()).toEqual({ 'GET /scim/v2/Users/{id}': 12 });
		expect(clock.sleeps).toHaveLength(9);
		expect(clock.elapsed()).toBeGreaterThanOrEqual(3000);
		expect(clock.elapsed()).toBeLessThan(3100);
	});

	it('lists 1,000 members in 10 requests and one probe, fetching pages concurrently inside the budget', async () => {
		const { directory, clock } = directoryOn(emulator, {
			tuning: { ...notionLimit, listConcurrency: 3 },
			pacingKey: freshKey(),
		});
		const listing = await directory.listMembers();
		expect(listing.members).toHaveLength(1000);
		expect(listing.consistent).toBe(true);
		// The 10th page is full and ends right at the total: an 11th, empty, proves the total true.
		expect(emulator.control.requestCounts()).toEqual({ 'GET /scim/v2/Users': 11 });
		// 3 at once, then 8 more at 3 per second: (11 - 3) / 3 s.
		expect(clock.elapsed()).toBeGreaterThanOrEqual(2666);
		expect(clock.elapsed()).toBeLessThan(2700);
	});

	it('with the budget pacing, fetches the SCIM pages after the first all at once (up to 10 in flight), and never waits', async () => {
		let flying = 0;
		let most = 0;
		const count = (transport: HttpTransport): HttpTransport => async (request) => {
			most = Math.max(most, ++flying);
			try {
				return await transport(request);
			} finally {
				flying--;
			}
		};
		const { directory, clock } = directoryOn(emulator, {
			tuning: { requestsPerSecond: undefined, budgetPerMinute: 600 },
			pacingKey: freshKey(),
			wrap: count,
		});
		const listing = await directory.listMembers();
		expect(listing.members).toHaveLength(1000);
		// Pages 2–10 and the probe past the total (the 10th page ends right at it) go out together.
		expect(most).toBe(10);
		expect(clock.sleeps).toEqual([]);
	});

	it('shares one budget between directories that use the same pacing key', async () => {
		const clock = fakeClock();
		const key = freshKey();
		const a = directoryOn(emulator, { tuning: notionLimit, pacingKey: key, clock }).directory;
		const b = directoryOn(emulator, { tuning: notionLimit, pacingKey: key, clock }).directory;
		const ids = memberIds(12);
		await Promise.all(ids.map((id, i) => (i % 2 === 0 ? a : b).getMember(id)));
		expect(clock.sleeps).toHaveLength(9);
		expect(clock.elapsed()).toBeGreaterThanOrEqual(3000);

		const separate = fakeClock();
		const c = directoryOn(emulator, { tuning: notionLimit, pacingKey: freshKey(), clock: separate }).directory;
		const d = directoryOn(emulator, { tuning: notionLimit, pacingKey: freshKey(), clock: separate }).directory;
		await Promise.all(ids.map((id, i) => (i % 2 === 0 ? c : d).getMember(id)));
		expect(separate.sleeps).toHaveLength(6);
		expect(separate.elapsed()).toBeLessThan(1100);
	});

	it("makes everyone on the key respect a 429's Retry-After", async () => {
		const key = freshKey();
		const fast = { requestsPerSecond: 100, burst: 100 };
		const first = directoryOn(emulator, { tuning: fast, pacingKey: key });
		emulator.control.scriptFaults(['429']);
		await first.directory.getMember(memberIds(1)[0]);

		const sentAt: number[] = [];
		const other: FakeClock = fakeClock();
		const record = (transport: HttpTransport): HttpTransport => (request) => {
			sentAt.push(other.now());
			return transport(request);
		};
		const second = directoryOn(emulator, { tuning: fast, pacingKey: key, clock: other, wrap: record });
		await second.directory.getMember(memberIds(2)[1]);
		// The other directory had not sent anything, yet waited for the Retry-After (1 s) too.
		expect(sentAt[0] - Date.UTC(2026, 0, 1)).toBeGreaterThanOrEqual(1000);

		const unrelated = fakeClock();
		const third = directoryOn(emulator, { tuning: fast, pacingKey: freshKey(), clock: unrelated });
		await third.directory.getMember(memberIds(3)[2]);
		expect(unrelated.sleeps).toEqual([]);
	});
});
