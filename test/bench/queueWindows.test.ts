/** The queue-mode case's counts over the workers' attempts: what Notion accepted in any minute, and when 429s came. */
import { maxAcceptedPerWindow, refusalsPerMinute } from '../../bench/cases/queueWindows';

const at = (sentAt: number, status = 200) => ({ sentAt, status });

describe('queue-mode windows', () => {
	test('the most accepted in any 60 s spans a fixed window edge and leaves the 429s out', () => {
		// 3 just before a minute's edge and 3 just after: 6 within 60 s, though no fixed minute holds more than 3.
		const attempts = [at(59_000), at(59_500), at(59_900), at(60_100), at(60_200, 429), at(60_500), at(61_000)];
		expect(maxAcceptedPerWindow(attempts)).toBe(6);
		expect(maxAcceptedPerWindow([at(0), at(60_000)])).toBe(1);
		expect(maxAcceptedPerWindow([])).toBe(0);
	});

	test('429s are counted in the minute from the start they were sent in', () => {
		const attempts = [at(1_000, 429), at(2_000), at(59_999, 429), at(125_000, 429), at(130_000, 503)];
		expect(refusalsPerMinute(attempts, 0)).toEqual([2, 0, 1]);
		expect(refusalsPerMinute([at(5_000)], 0)).toEqual([]);
	});
});
