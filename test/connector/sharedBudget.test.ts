/**
 * One token's budget spent by several n8n processes at once (queue mode). Each process has its
 * own pacer (here: its own pacing key, which is what a separate process amounts to), and
 * Notion's per-connection windows (the emulator's window limiter, on the test's fake clock) see
 * them all. `sharedBy` makes each keep to its share.
 */
import { BudgetPacer, type Budget } from '../../nodes/common/connector/http/budgetPacer';
import { WorkspaceGate } from '../../nodes/common/connector/http/pacer';
import type { HttpTransport } from '../../nodes/common/connector/transport';
import { generateSeed, type Emulator } from '../../tools/notion-emulator';
import { tooManyRequests } from '../../tools/notion-emulator/limitAnswers';
import { WindowLimiter } from '../../tools/notion-emulator/requestLimits';
import type { WindowLimitOptions } from '../../tools/notion-emulator/types';
import { fakeClock, type FakeClock } from './fakeClock';
import { directoryOn, startWorkspace } from './workspace';
import { mostInAnyMinute } from './mostInAnyMinute';

let keys = 0;

describe('a budget shared by several processes', () => {
	let emulator: Emulator;
	beforeAll(async () => {
		emulator = await startWorkspace({ seed: generateSeed({ members: 30, bots: 0, guests: 0, groups: 0, seed: 23 }) });
	});
	afterAll(() => emulator.stop());

	/**
	 * `processes` directories, each with a pacer of its own, each sending `n` lookups at once on
	 * one token whose windows are `limits`; what Notion refused and when each accepted request went.
	 */
	async function workers(limits: WindowLimitOptions, processes: number, n: number, tuning: { learnBudget: boolean; budgetPerMinute: number; sharedBy?: number }) {
		const clock = fakeClock();
		const limiter = new WindowLimiter(limits, clock.now);
		const seen = { refused: [] as string[], accepted: [] as number[] };
		const wrap = (transport: HttpTransport): HttpTransport => async (request) => {
			const refusal = limiter.take('scim', request.method, new URL(request.url).pathname);
			if (refusal === undefined) {
				seen.accepted.push(clock.now());
				return transport(request);
			}
			seen.refused.push(refusal.reason);
			const answer = tooManyRequests('scim', refusal.reason, refusal.retryAfter);
			return { status: answer.status, headers: answer.headers ?? {}, body: JSON.stringify(answer.body) };
		};
		const ids = emulator.control.snapshot().members.map((m) => m.id);
		const found = await Promise.all(
			Array.from({ length: processes }, async () => {
				const { directory } = directoryOn(emulator, {
					clock,
					wrap,
					pacingKey: `shared-${++keys}`,
					tuning: { requestsPerSecond: undefined, maxInFlight: 10, ...tuning },
				});
				const members = await Promise.all(Array.from({ length: n }, (_, i) => directory.getMember(ids[i % ids.length])));
				return members.filter((m) => m.value !== null).length;
			}),
		);
		return { ...seen, found: found.reduce((a, b) => a + b, 0), clock };
	}

	it('two processes on Automatic, each told it shares the token with one other: no 429, never over 600 in any 60 s', async () => {
		const run = await workers({ model: 'window', plan: 'business' }, 2, 700, { learnBudget: true, budgetPerMinute: 600, sharedBy: 2 });
		expect(run.found).toBe(1400);
		expect(run.refused).toEqual([]);
		expect(mostInAnyMinute(run.accepted)).toBeLessThanOrEqual(600);
	});

	it('without it, two Automatic processes cross the token budget together and meet 429s (all waited out)', async () => {
		const run = await workers({ model: 'window', plan: 'business' }, 2, 700, { learnBudget: true, budgetPerMinute: 600 });
		expect(run.found).toBe(1400);
		expect(run.refused.length).toBeGreaterThan(0);
	});
});

describe('budget pacer shared by P processes', () => {
	const budget = (b: Partial<Budget>): Budget => ({ budgetPerMinute: 600, learn: false, maxInFlight: 10, ...b });

	/** `n` callers at once; `answer` gets each request's place in sending order. */
	async function send(pacer: BudgetPacer, clock: FakeClock, n: number, answer: (sent: number) => boolean = () => true) {
		const at: number[] = [];
		const flying: number[] = [];
		let inFlight = 0;
		await Promise.all(
			Array.from({ length: n }, async () => {
				const release = await pacer.acquire(clock);
				flying.push(++inFlight);
				const sent = at.push(clock.now()) - 1;
				await clock.sleep(150);
				inFlight--;
				release(answer(sent));
			}),
		);
		return Object.assign(at, { flying });
	}

	it('keeps to the budget divided by P, rounded down', async () => {
		const clock = fakeClock();
		const pacer = new BudgetPacer(budget({ budgetPerMinute: 600, sharedBy: 4 }), new WorkspaceGate());
		expect(pacer.budgetPerMinute).toBe(150);
		expect(mostInAnyMinute(await send(pacer, clock, 400))).toBe(150);
		expect(new BudgetPacer(budget({ budgetPerMinute: 200, sharedBy: 3 }), new WorkspaceGate()).budgetPerMinute).toBe(66);
	});

	it('one process (the default) spends the whole budget as before', async () => {
		const clock = fakeClock();
		const pacer = new BudgetPacer(budget({ budgetPerMinute: 600 }), new WorkspaceGate());
		expect(mostInAnyMinute(await send(pacer, clock, 700))).toBe(600);
	});

	it('Automatic probes at its share of the lower plan and learns its share of it', async () => {
		const clock = fakeClock();
		const pacer = new BudgetPacer(budget({ budgetPerMinute: 600, learn: true, sharedBy: 2 }), new WorkspaceGate());
		// The 91st request (past 90 = 180 / 2) is the probe: refused, so the plan is the lower one.
		const at = await send(pacer, clock, 91, (i) => {
			if (i !== 90) return true;
			pacer.connectionLimited(clock);
			return false;
		});
		expect(at).toHaveLength(91);
		expect(at.flying[90]).toBe(1);
		expect(pacer.budgetPerMinute).toBe(90);
	});

	it('a 429 met with requests still in flight (another process spent the token): keeps what was answered', async () => {
		const clock = fakeClock();
		const pacer = new BudgetPacer(budget({ budgetPerMinute: 600, learn: true }), new WorkspaceGate());
		await send(pacer, clock, 100);
		// Ten at once; the first answer is the token's 429 (learned before its slot is freed, as the
		// requester does), the other nine are still flying: they are not what Notion let through.
		await send(pacer, clock, 10, (sent) => {
			if (sent > 0) return true;
			pacer.connectionLimited(clock);
			return false;
		});
		expect(pacer.budgetPerMinute).toBe(100);
	});

	it('a changed number of processes retunes the shared pacer', () => {
		const pacer = new BudgetPacer(budget({ budgetPerMinute: 600, sharedBy: 2 }), new WorkspaceGate());
		pacer.retune(budget({ budgetPerMinute: 600, sharedBy: 3 }));
		expect(pacer.budgetPerMinute).toBe(200);
	});
});
