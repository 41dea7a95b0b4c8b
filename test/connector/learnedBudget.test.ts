/**
 * The automatic budget against Notion's per-connection windows on virtual time: the emulator's
 * window limiter runs on the test's fake clock in front of the loopback transport, so what it
 * refuses depends only on virtual time.
 */
import type { HttpTransport } from '../../nodes/common/connector/transport';
import { generateSeed, type Emulator } from '../../tools/notion-emulator';
import { tooManyRequests } from '../../tools/notion-emulator/limitAnswers';
import { WindowLimiter } from '../../tools/notion-emulator/requestLimits';
import type { WindowLimitOptions } from '../../tools/notion-emulator/types';
import { fakeClock } from './fakeClock';
import { directoryOn, startWorkspace } from './workspace';

let keys = 0;

describe('automatic budget', () => {
	let emulator: Emulator;
	beforeAll(async () => {
		emulator = await startWorkspace({ seed: generateSeed({ members: 30, bots: 0, guests: 0, groups: 0, seed: 17 }) });
	});
	afterAll(() => emulator.stop());

	/** `n` lookups at once through a directory whose requests meet `limits` on virtual time. */
	async function lookups(limits: WindowLimitOptions, n: number, learnBudget = true) {
		const clock = fakeClock();
		const limiter = new WindowLimiter(limits, clock.now);
		const seen = { refused: [] as string[], sent: 0 };
		const wrap = (transport: HttpTransport): HttpTransport => async (request) => {
			seen.sent++;
			const refusal = limiter.take(request.api === 'scim' ? 'scim' : 'api', request.method, new URL(request.url).pathname);
			if (refusal === undefined) return transport(request);
			seen.refused.push(refusal.reason);
			const answer = tooManyRequests(request.api === 'scim' ? 'scim' : 'standard', refusal.reason, refusal.retryAfter);
			return { status: answer.status, headers: answer.headers ?? {}, body: JSON.stringify(answer.body) };
		};
		const { directory } = directoryOn(emulator, {
			clock,
			wrap,
			pacingKey: `learned-${++keys}`,
			tuning: { requestsPerSecond: undefined, budgetPerMinute: 600, learnBudget, maxInFlight: 10 },
		});
		const ids = emulator.control.snapshot().members.map((m) => m.id);
		const found = await Promise.all(Array.from({ length: n }, (_, i) => directory.getMember(ids[i % ids.length])));
		return { ...seen, found: found.filter((f) => f.value !== null).length, clock };
	}

	it('on a 180 plan meets one per-connection 429, then keeps to 180 a minute', async () => {
		const run = await lookups({ model: 'window', plan: 'other' }, 800);
		expect(run.found).toBe(800);
		expect(run.refused).toEqual(['public_api_request_rate_limit']);
		// 800 requests at 180 a window: the fifth window holds the last ones.
		expect(run.clock.elapsed()).toBeGreaterThanOrEqual(4 * 60_000);
	});

	it('on a 600 plan meets no 429 at all', async () => {
		const run = await lookups({ model: 'window', plan: 'business' }, 1300);
		expect(run.found).toBe(1300);
		expect(run.refused).toEqual([]);
		expect(run.sent).toBe(1300);
	});

	it('a set 600 budget on a 180 plan is not lowered: its 429s go on being waited out', async () => {
		const run = await lookups({ model: 'window', plan: 'other' }, 400, false);
		expect(run.found).toBe(400);
		expect(run.refused.length).toBeGreaterThan(1);
	});
});
