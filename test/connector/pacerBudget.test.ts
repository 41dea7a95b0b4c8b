/**
 * The budget pacer on virtual time: never more than B requests in any 60 s, at most C in flight,
 * the automatic budget's probe and what it learns, and the workspace gate.
 */
import { BudgetPacer, type Budget } from '../../nodes/common/connector/http/budgetPacer';
import { pacersFor, WorkspaceGate, type Pacer } from '../../nodes/common/connector/http/pacer';
import { fakeClock, type FakeClock } from './fakeClock';
import { mostInAnyMinute } from './mostInAnyMinute';

const T0 = Date.UTC(2026, 0, 1);

interface Sent {
	at: number;
	inFlight: number;
}

/** `n` callers at once, each holding its request for `latencyMs`; when each was sent, and how many flew. */
async function run(pacer: Pacer, clock: FakeClock, n: number, latencyMs: number, answer: (i: number) => boolean = () => true): Promise<Sent[]> {
	const sent: Sent[] = [];
	let flying = 0;
	await Promise.all(
		Array.from({ length: n }, async (_, i) => {
			const release = await pacer.acquire(clock);
			flying++;
			sent.push({ at: clock.now() - T0, inFlight: flying });
			await clock.sleep(latencyMs);
			flying--;
			release(answer(i));
		}),
	);
	return sent;
}

const budget = (b: Partial<Budget>): Budget => ({ budgetPerMinute: 600, learn: false, maxInFlight: 10, ...b });

describe('budget pacer', () => {
	it('spends the whole budget at once, at most C in flight, then waits for the window', async () => {
		const clock = fakeClock();
		const pacer = new BudgetPacer(budget({ budgetPerMinute: 20, maxInFlight: 4 }), new WorkspaceGate());
		const sent = await run(pacer, clock, 50, 150);
		expect(Math.max(...sent.map((s) => s.inFlight))).toBe(4);
		expect(mostInAnyMinute(sent.map((s) => s.at))).toBe(20);
		// The first 20 go in 5 rounds of 4; the 21st waits a minute after the first answers.
		expect(sent[19].at).toBe(4 * 150);
		expect(sent[20].at).toBe(150 + 60_000);
	});

	it('counts a request until a minute after its answer, so a slow answer cannot cross a window', async () => {
		const clock = fakeClock();
		const pacer = new BudgetPacer(budget({ budgetPerMinute: 2, maxInFlight: 2 }), new WorkspaceGate());
		const sent = await run(pacer, clock, 3, 5_000);
		expect(sent.map((s) => s.at)).toEqual([0, 0, 65_000]);
	});

	it('automatic: at the lower plan budget one request goes alone; when it passes, full speed again', async () => {
		const clock = fakeClock();
		const pacer = new BudgetPacer(budget({ learn: true }), new WorkspaceGate());
		const sent = await run(pacer, clock, 400, 100);
		expect(sent[180].inFlight).toBe(1);
		expect(Math.max(...sent.slice(181).map((s) => s.inFlight))).toBe(10);
		expect(pacer.budgetPerMinute).toBe(600);
		expect(mostInAnyMinute(sent.map((s) => s.at))).toBe(400);
	});

	it('automatic: a per-connection 429 on the probe keeps the 180 budget for good, and is met once', async () => {
		const clock = fakeClock();
		const pacer = new BudgetPacer(budget({ learn: true }), new WorkspaceGate());
		let refused = 0;
		const sent = await run(pacer, clock, 181, 100, (i) => {
			if (i < 180) return true;
			refused++;
			pacer.connectionLimited(clock);
			return false;
		});
		expect(refused).toBe(1);
		expect(sent[180].inFlight).toBe(1);
		expect(pacer.budgetPerMinute).toBe(180);
		const later = await run(pacer, clock, 400, 100);
		expect(mostInAnyMinute([...sent, ...later].map((s) => s.at))).toBeLessThanOrEqual(181);
		expect(mostInAnyMinute(later.map((s) => s.at))).toBe(180);
		// Once learned, no more probes: full concurrency.
		expect(Math.max(...later.map((s) => s.inFlight))).toBe(10);
	});

	it('a set budget never probes', async () => {
		const clock = fakeClock();
		const pacer = new BudgetPacer(budget({ budgetPerMinute: 600, learn: false }), new WorkspaceGate());
		const sent = await run(pacer, clock, 300, 100);
		expect(Math.min(...sent.slice(10).map((s) => s.inFlight))).toBe(10);
	});

	it('a paused workspace holds back both connections of the key; a throttle only its own', async () => {
		const clock = fakeClock();
		const pacers = pacersFor('budget-gate-test', { kind: 'budget', ...budget({}) });
		pacers.scim.workspace.pause(42_000, clock);
		expect(pacers.standard.workspace).toBe(pacers.scim.workspace);
		const [a, b] = await Promise.all([run(pacers.scim, clock, 1, 0), run(pacers.standard, clock, 1, 0)]);
		expect([a[0].at, b[0].at]).toEqual([42_000, 42_000]);
		pacers.scim.throttle(5_000, clock);
		const [c, d] = await Promise.all([run(pacers.scim, clock, 1, 0), run(pacers.standard, clock, 1, 0)]);
		expect([c[0].at, d[0].at]).toEqual([47_000, 42_000]);
	});
});
