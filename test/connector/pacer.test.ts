import { Pacer, pacerFor } from '../../nodes/shared/connector/http/pacer';
import { fakeClock } from './fakeClock';

describe('pacer (token bucket on virtual time)', () => {
	it('lets a burst through, then spaces requests at the average rate', async () => {
		const clock = fakeClock();
		const pacer = new Pacer({ requestsPerSecond: 3, burst: 3 });
		await Promise.all(Array.from({ length: 12 }, () => pacer.acquire(clock)));
		expect(clock.sleeps).toHaveLength(9);
		expect(clock.elapsed()).toBe(3000);
	});

	it('refills while idle, up to the burst', async () => {
		const clock = fakeClock();
		const pacer = new Pacer({ requestsPerSecond: 2, burst: 2 });
		for (let i = 0; i < 2; i++) await pacer.acquire(clock);
		await clock.sleep(10_000);
		clock.sleeps.length = 0;
		for (let i = 0; i < 3; i++) await pacer.acquire(clock);
		expect(clock.sleeps).toEqual([500]);
	});

	it('after a 429 nobody on the key sends before Retry-After, and no burst follows', async () => {
		const clock = fakeClock();
		const pacer = pacerFor('pacer-test-key', 'scim', { requestsPerSecond: 3, burst: 3 });
		const sameKey = pacerFor('pacer-test-key', 'scim', { requestsPerSecond: 3, burst: 3 });
		expect(sameKey).toBe(pacer);
		expect(pacerFor('pacer-test-key', 'standard', { requestsPerSecond: 3, burst: 3 })).not.toBe(pacer);
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
