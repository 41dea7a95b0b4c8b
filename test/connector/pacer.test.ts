import { EvenPacer, type EvenRate } from '../../nodes/common/connector/http/evenPacer';
import { pacerFor, WorkspaceGate } from '../../nodes/common/connector/http/pacer';
import { fakeClock } from './fakeClock';

const even = (rate: EvenRate) => new EvenPacer(rate, new WorkspaceGate());

describe('even pacer (the previous release\'s token bucket, on virtual time)', () => {
	it('lets a burst through, then spaces requests at the average rate', async () => {
		const clock = fakeClock();
		const pacer = even({ requestsPerSecond: 3, burst: 3 });
		await Promise.all(Array.from({ length: 12 }, () => pacer.acquire(clock)));
		expect(clock.sleeps).toHaveLength(9);
		expect(clock.elapsed()).toBe(3000);
	});

	it('refills while idle, up to the burst', async () => {
		const clock = fakeClock();
		const pacer = even({ requestsPerSecond: 2, burst: 2 });
		for (let i = 0; i < 2; i++) await pacer.acquire(clock);
		await clock.sleep(10_000);
		clock.sleeps.length = 0;
		for (let i = 0; i < 3; i++) await pacer.acquire(clock);
		expect(clock.sleeps).toEqual([500]);
	});

	it('does not sleep for a wait under a millisecond, and keeps the debt so the average rate holds', async () => {
		const clock = fakeClock();
		const pacer = even({ requestsPerSecond: 100_000, burst: 3 });
		// The burst, then 99 requests whose debt is under a millisecond's worth of tokens.
		for (let i = 0; i < 102; i++) await pacer.acquire(clock);
		expect(clock.sleeps).toEqual([]);
		// The debt reaches a whole millisecond: the next request waits for it.
		await pacer.acquire(clock);
		expect(clock.sleeps).toEqual([1]);

		for (let i = 103; i < 10_000; i++) await pacer.acquire(clock);
		// 10,000 requests at 100,000 per second, less the burst: 99.97 ms, in whole-millisecond sleeps.
		expect(clock.elapsed()).toBeGreaterThanOrEqual(99);
		expect(clock.elapsed()).toBeLessThanOrEqual(101);
		expect(clock.sleeps.every((ms) => ms >= 1)).toBe(true);
	});

	it('after a 429 nobody on the key sends before Retry-After, and no burst follows', async () => {
		const clock = fakeClock();
		const pacer = pacerFor('pacer-test-key', 'scim', { kind: 'even', requestsPerSecond: 3, burst: 3 });
		const sameKey = pacerFor('pacer-test-key', 'scim', { kind: 'even', requestsPerSecond: 3, burst: 3 });
		expect(sameKey).toBe(pacer);
		expect(pacerFor('pacer-test-key', 'standard', { kind: 'even', requestsPerSecond: 3, burst: 3 })).not.toBe(pacer);
		await pacer.acquire(clock);
		sameKey.throttle(5000, clock);
		const starts: number[] = [];
		await Promise.all(
			[pacer, sameKey, pacer].map(async (p) => {
				await p.acquire(clock);
				starts.push(clock.now());
			}),
		);
		const t0 = Date.UTC(2026, 0, 1);
		expect(Math.min(...starts) - t0).toBeGreaterThanOrEqual(5000);
		// Bucket drained by the 429: the three go out one rate interval apart, not together.
		expect(Math.max(...starts) - t0).toBeGreaterThanOrEqual(5000 + 2 * 333);
	});
});
