import {
	backoffDelay,
	decideRetry,
	parseRetryAfter,
} from '../../nodes/common/connector/http/retryPolicy';

describe('retry policy', () => {
	const now = Date.UTC(2026, 0, 1, 12, 0, 0);

	it('reads Retry-After as seconds or as an HTTP date', () => {
		expect(parseRetryAfter('2', now)).toBe(2000);
		expect(parseRetryAfter('0.5', now)).toBe(500);
		expect(parseRetryAfter(new Date(now + 7000).toUTCString(), now)).toBe(7000);
		expect(parseRetryAfter(new Date(now - 7000).toUTCString(), now)).toBe(0);
		expect(parseRetryAfter('soon', now)).toBeUndefined();
		expect(parseRetryAfter(undefined, now)).toBeUndefined();
	});

	it('backs off exponentially with full jitter, capped', () => {
		const settings = { baseDelayMs: 1000, maxDelayMs: 5000 };
		expect(backoffDelay(1, settings, () => 0.999)).toBe(999);
		expect(backoffDelay(3, settings, () => 0.5)).toBe(2000);
		expect(backoffDelay(10, settings, () => 0.999)).toBe(4995);
		expect(backoffDelay(2, settings, () => 0)).toBe(0);
	});

	it('retries throttling always, transient failures only when repeating is safe', () => {
		expect(decideRetry({ type: 'status', status: 429 }, false)).toBe('retry');
		expect(decideRetry({ type: 'status', status: 529 }, false)).toBe('retry');
		for (const failure of [
			{ type: 'status', status: 500 },
			{ type: 'status', status: 503 },
			{ type: 'status', status: 504 },
			{ type: 'edge', status: 502 },
			{ type: 'timeout' },
			{ type: 'network' },
			{ type: 'bad_body' },
		] as const) {
			expect(decideRetry(failure, true)).toBe('retry');
			expect(decideRetry(failure, false)).toBe('ambiguous');
		}
		for (const status of [400, 401, 403, 404, 409]) {
			expect(decideRetry({ type: 'status', status }, true)).toBe('give_up');
		}
	});
});
