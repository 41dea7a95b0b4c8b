/** The benchmark's floor under Notion's documented limits, on the cases it reports. */
import { floorMs, sequentialFloorMs } from '../../bench/floor';

describe('benchmark floor', () => {
	it('is the round trips of C in flight while the requests fit one window', () => {
		expect(floorMs(10, 600, 150, 10)).toBe(150);
		expect(floorMs(100, 600, 150, 10)).toBe(1500);
		expect(floorMs(100, 180, 150, 10)).toBe(1500);
	});

	it('adds a minute per full window spent, then the round trips of what is left', () => {
		// 100,000 members: 1,000 requests, 600 in the first window, 400 after it.
		expect(floorMs(1000, 600, 150, 10)).toBe(60_000 + 40 * 150);
		expect(floorMs(600, 600, 150, 10)).toBe(60 * 150);
		expect(floorMs(601, 600, 150, 10)).toBe(60_000 + 150);
	});

	it('is latency-bound for cursor paging', () => {
		expect(sequentialFloorMs(100, 600, 150)).toBe(15_000);
	});
});
