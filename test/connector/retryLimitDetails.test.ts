/**
 * The retry policy's reading of Notion's 429/503 `additional_data` (rate_limit_reason,
 * retry_after as a string or a number, retry_guidance words) and the decisions that depend on
 * it, unit by unit: a misread here resends a write that was saved, or gives up on one that was not.
 */
import {
	BLOCKED,
	decideRetry,
	isBlocked,
	isIdempotentMethod,
	isThrottled,
	parseRetryAfter,
	readLimitDetails,
	WORKSPACE_LIMIT,
} from '../../nodes/common/connector/http/retryPolicy';

const body = (additional_data: unknown) => JSON.stringify({ object: 'error', status: 429, code: 'rate_limited', additional_data });

describe('readLimitDetails', () => {
	it('is undefined for a body that is no JSON, null, or has no additional_data object', () => {
		for (const text of ['', 'not json', '<html>429</html>', 'null', '42', '"text"', '{}', body(null), body('slow down'), body(7)]) {
			expect([text, readLimitDetails(text)]).toEqual([text, undefined]);
		}
	});

	it('an empty additional_data gives empty details', () => {
		expect(readLimitDetails(body({}))).toStrictEqual({});
		expect(readLimitDetails(body([]))).toStrictEqual({});
	});

	it('reads rate_limit_reason only as a string', () => {
		expect(readLimitDetails(body({ rate_limit_reason: WORKSPACE_LIMIT }))).toStrictEqual({ reason: WORKSPACE_LIMIT });
		expect(readLimitDetails(body({ rate_limit_reason: 3 }))).toStrictEqual({});
		expect(readLimitDetails(body({ rate_limit_reason: { code: BLOCKED } }))).toStrictEqual({});
	});

	it('reads retry_after as whole or decimal seconds, a string or a number, rounding up to the ms', () => {
		const cases: Array<[unknown, number]> = [
			['2', 2000],
			[2, 2000],
			[' 3 ', 3000],
			['0.5', 500],
			[1.25, 1250],
			['0.0004', 1],
			['0', 0],
			[0, 0],
			['12', 12000],
		];
		for (const [retry_after, ms] of cases) {
			expect([retry_after, readLimitDetails(body({ retry_after }))]).toStrictEqual([retry_after, { retryAfterMs: ms }]);
		}
	});

	it('ignores a retry_after that is not plain non-negative seconds', () => {
		for (const retry_after of ['', ' ', 'soon', '-1', -1, '1e3', '2s', 'x2', '1.', '.5', '1.5.2', '1,5', true, null, [2], { seconds: 2 }]) {
			expect([retry_after, readLimitDetails(body({ retry_after }))]).toStrictEqual([retry_after, {}]);
		}
	});

	it('reads retry_guidance: any word of reading again or of not repeating means re-read first', () => {
		const reread = [
			['read the object again'],
			['Re-READ before writing'],
			['do not retry'],
			['not_retry'],
			['not-repeat'],
			['notretry'],
			['do not repeat the write'],
			["don't send again"],
			['dont send again'],
			['safe to retry', 'read the page first'],
			['read the page first', 'safe to retry'],
			[42, 'read again'],
		];
		for (const guidance of reread) {
			expect([guidance, readLimitDetails(body({ retry_guidance: guidance }))?.guidance]).toEqual([guidance, 'reread']);
		}
	});

	it('reads retry_guidance: only a plain "safe", "retry" or "repeat" allows sending again', () => {
		for (const guidance of [['safe to retry'], ['SAFE'], ['you may retry'], ['repeat it'], [null, 'safe']]) {
			expect([guidance, readLimitDetails(body({ retry_guidance: guidance }))?.guidance]).toEqual([guidance, 'repeat']);
		}
		for (const guidance of [[], ['wait a while'], [42, { text: 'safe' }]]) {
			const details = readLimitDetails(body({ retry_guidance: guidance }));
			expect([guidance, details?.guidance]).toEqual([guidance, undefined]);
			expect(details).toBeDefined();
		}
	});

	it('ignores a retry_guidance that is not a list', () => {
		for (const retry_guidance of ['safe to retry', { 0: 'safe' }, 1]) {
			expect(readLimitDetails(body({ retry_guidance }))).toStrictEqual({});
		}
	});

	it('reads all three together', () => {
		expect(readLimitDetails(body({ rate_limit_reason: WORKSPACE_LIMIT, retry_after: '4', retry_guidance: ['safe to retry'] }))).toStrictEqual({
			reason: WORKSPACE_LIMIT,
			retryAfterMs: 4000,
			guidance: 'repeat',
		});
	});
});

describe('decisions that depend on the details', () => {
	it('a 429 blocking the connection is not throttling and is never retried', () => {
		const blocked = { type: 'status', status: 429, limit: { reason: BLOCKED } } as const;
		expect(isBlocked(blocked)).toBe(true);
		expect(isThrottled(blocked)).toBe(false);
		expect(decideRetry(blocked, true)).toBe('give_up');
		expect(decideRetry(blocked, false)).toBe('give_up');
	});

	it('only a 429 blocks: a 529 or 503 with that reason, or a 429 with another reason, does not', () => {
		const overloaded = { type: 'status', status: 529, limit: { reason: BLOCKED } } as const;
		expect(isBlocked(overloaded)).toBe(false);
		expect(isThrottled(overloaded)).toBe(true);
		expect(decideRetry(overloaded, false)).toBe('retry');
		const down = { type: 'status', status: 503, limit: { reason: BLOCKED } } as const;
		expect(isBlocked(down)).toBe(false);
		expect(decideRetry(down, false)).toBe('ambiguous');
		const limited = { type: 'status', status: 429, limit: { reason: WORKSPACE_LIMIT } } as const;
		expect(isBlocked(limited)).toBe(false);
		expect(isThrottled(limited)).toBe(true);
		expect(isBlocked({ type: 'status', status: 429 })).toBe(false);
	});

	it('neither edge errors nor other failures count as throttled or blocked, whatever their status', () => {
		for (const failure of [{ type: 'edge', status: 429 }, { type: 'timeout' }, { type: 'network' }, { type: 'bad_body' }, { type: 'status', status: 500 }] as const) {
			expect([failure, isThrottled(failure), isBlocked(failure)]).toEqual([failure, false, false]);
		}
		expect(decideRetry({ type: 'edge', status: 429 }, false)).toBe('ambiguous');
	});

	it('a write that answered 503 "safe to retry" is sent again; "re-read" or no guidance leaves it ambiguous', () => {
		expect(decideRetry({ type: 'status', status: 503, limit: { guidance: 'repeat' } }, false)).toBe('retry');
		expect(decideRetry({ type: 'status', status: 503, limit: { guidance: 'reread' } }, false)).toBe('ambiguous');
		expect(decideRetry({ type: 'status', status: 503, limit: {} }, false)).toBe('ambiguous');
		expect(decideRetry({ type: 'status', status: 503 }, false)).toBe('ambiguous');
	});

	it('"safe to retry" counts only on a 503', () => {
		expect(decideRetry({ type: 'status', status: 500, limit: { guidance: 'repeat' } }, false)).toBe('ambiguous');
		expect(decideRetry({ type: 'status', status: 400, limit: { guidance: 'repeat' } }, false)).toBe('give_up');
		expect(decideRetry({ type: 'status', status: 409, limit: { guidance: 'repeat' } }, true)).toBe('give_up');
	});

	it('a client error other than 429 is never retried, whether or not repeating is safe', () => {
		for (const status of [400, 401, 403, 404, 409, 422, 501, 505]) {
			expect([status, decideRetry({ type: 'status', status }, true), decideRetry({ type: 'status', status }, false)]).toEqual([status, 'give_up', 'give_up']);
		}
	});

	it('only POST is not idempotent', () => {
		expect(isIdempotentMethod('POST')).toBe(false);
		for (const method of ['GET', 'PUT', 'PATCH', 'DELETE'] as const) expect([method, isIdempotentMethod(method)]).toEqual([method, true]);
	});
});

describe('the status sets, built when the module loads', () => {
	// Loaded afresh inside the test, so that mutation testing sees a test use them.
	it('429 and 529 are throttling (always retried); 500, 502, 503 and 504 transient; others not', async () => {
		await jest.isolateModulesAsync(async () => {
			const fresh = await import('../../nodes/common/connector/http/retryPolicy');
			for (const status of [429, 529]) {
				expect([status, fresh.isThrottled({ type: 'status', status }), fresh.decideRetry({ type: 'status', status }, false)]).toEqual([status, true, 'retry']);
			}
			for (const status of [500, 502, 503, 504]) {
				expect([status, fresh.decideRetry({ type: 'status', status }, false), fresh.decideRetry({ type: 'status', status }, true)]).toEqual([status, 'ambiguous', 'retry']);
			}
			for (const status of [400, 501, 530]) expect([status, fresh.decideRetry({ type: 'status', status }, true)]).toEqual([status, 'give_up']);
		});
	});
});

describe('parseRetryAfter', () => {
	const now = Date.UTC(2026, 0, 1, 12, 0, 0);

	it('trims, rounds up, and gives nothing for a blank value', () => {
		expect(parseRetryAfter(' 2 ', now)).toBe(2000);
		expect(parseRetryAfter('0.0004', now)).toBe(1);
		expect(parseRetryAfter('', now)).toBeUndefined();
		expect(parseRetryAfter('   ', now)).toBeUndefined();
	});

	it('reads a date whose text starts or ends with digits as a date, not as seconds', () => {
		expect(parseRetryAfter('2026-01-01T12:00:05Z', now)).toBe(5000);
		expect(parseRetryAfter('Thu, 01 Jan 2026 12:00:07 +0000', now)).toBe(7000);
	});

	it('reads a date exactly now as no wait', () => {
		expect(parseRetryAfter(new Date(now).toUTCString(), now)).toBe(0);
		expect(parseRetryAfter(` ${new Date(now + 3000).toUTCString()} `, now)).toBe(3000);
	});
});
