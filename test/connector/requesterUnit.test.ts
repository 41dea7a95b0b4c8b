/**
 * The requester on its own, with a scripted transport, a recording pacer and a virtual clock:
 * what it sends, what counts as a good answer, who waits after which 429, and when it retries and
 * when a failure is ambiguous (requesterDeadline.test.ts: lost DELETE answers, the deadline,
 * backoff). The emulator tests (rateLimits, resilience, lostAnswers) drive the same code over
 * loopback HTTP.
 */
import { RequestFailure } from '../../nodes/common/connector/http/responseError';
import { CONNECTION_LIMIT, ENDPOINT_LIMIT, WORKSPACE_LIMIT } from '../../nodes/common/connector/http/retryPolicy';
import { TransportError } from '../../nodes/common/connector/transport';
import { NOTION, answer, limited, setup, get, failureOf } from './requesterScript';

describe('what is sent and what comes back', () => {
	it('sends through the API\'s pacer with the timeout, JSON headers and a JSON body', async () => {
		const { requester, requests, events, standardEvents } = setup([answer(201, { id: 'x' }, { 'x-notion-request-id': 'r' })]);
		const result = await requester.send({ api: 'scim', method: 'POST', url: 'https://notion.test/scim/v2/Users', body: { userName: 'a@b.test' }, headers: { authorization: 'Bearer t' } });
		expect(requests).toEqual([
			{
				api: 'scim',
				method: 'POST',
				url: 'https://notion.test/scim/v2/Users',
				headers: { accept: 'application/json', authorization: 'Bearer t', 'content-type': 'application/json' },
				body: '{"userName":"a@b.test"}',
				timeoutMs: 4321,
			},
		]);
		expect(result).toEqual({ status: 201, headers: { 'x-notion-request-id': 'r' }, json: { id: 'x' }, text: '{"id":"x"}' });
		expect(events).toEqual(['acquire', 'release true']);
		expect(standardEvents).toEqual([]);
	});

	it('sends no body and no content type without a body; a blank 2xx body is null', async () => {
		const { requester, requests } = setup([answer(204, ''), answer(200, ' \n ')]);
		expect(await requester.send(get({ method: 'DELETE' }))).toEqual({ status: 204, headers: NOTION, json: null, text: '' });
		expect(requests[0].body).toBeUndefined();
		expect(requests[0].headers).toEqual({ accept: 'application/json' });
		expect((await requester.send(get())).json).toBeNull();
	});

	it('takes 200 and 299 as answers, 199 and 300 as failures', async () => {
		const { requester } = setup([answer(200, '{}'), answer(299, '[]'), answer(300, '{}'), answer(199, '{}')], { maxAttempts: 1 });
		expect((await requester.send(get())).json).toEqual({});
		expect((await requester.send(get())).json).toEqual([]);
		expect((await failureOf(requester.send(get()))).httpStatus).toBe(300);
		expect((await failureOf(requester.send(get()))).httpStatus).toBe(199);
	});

	it('a 2xx that is not JSON, or not in the shape asked for, is a bad answer and asked again', async () => {
		const { requester, requests, clock } = setup([answer(200, '{"Resources": ['), answer(200, '{}'), answer(200, { Resources: [] })]);
		const result = await requester.send(get({ accepts: (json) => Array.isArray((json as { Resources?: unknown }).Resources) }));
		expect(result.json).toEqual({ Resources: [] });
		expect(requests).toHaveLength(3);
		// Backoff with full jitter at 0.5: half of 1 s, then half of 2 s.
		expect(clock.sleeps).toEqual([500, 1000]);
	});

	it('a bad answer every time fails as bad_response, counting the attempts, and the path without origin or query', async () => {
		const { requester } = setup([answer(200, 'nope'), answer(200, 'nope'), answer(200, 'nope')]);
		const error = await failureOf(requester.send(get({ url: 'https://user:pw@notion.test/scim/v2/Users?filter=secret' })));
		expect(error).toMatchObject({ kind: 'bad_response', api: 'scim', ambiguous: false });
		expect(error.message).toContain('GET /scim/v2/Users with a body');
		expect(error.message).toContain('(after 3 attempts)');
		expect(error.message).not.toMatch(/pw|filter|notion\.test/);
	});

	it('names the root path "/" when the URL has none', async () => {
		const { requester } = setup([answer(404, '')], { maxAttempts: 1 });
		expect((await failureOf(requester.send(get({ url: 'https://notion.test?x=1' })))).message).toContain('GET / with HTTP 404');
	});

	it('a shape check that throws frees the pacer slot and is passed on', async () => {
		const bug = new Error('shape check failed');
		const { requester, events } = setup([answer(200, '{}')]);
		await expect(
			requester.send(
				get({
					accepts: () => {
						throw bug;
					},
				}),
			),
		).rejects.toBe(bug);
		expect(events).toEqual(['acquire', 'release false']);
	});

	it('a transport timeout is a timeout, any other transport failure a network failure, both retried', async () => {
		const timeouts = setup([new TransportError('timeout', 't'), new TransportError('timeout', 't')], { maxAttempts: 2 });
		expect(await failureOf(timeouts.requester.send(get()))).toMatchObject({ kind: 'timeout' });
		expect(timeouts.requests).toHaveLength(2);
		const resets = setup([new TransportError('network', 'n'), new Error('socket hang up')], { maxAttempts: 2 });
		const error = await failureOf(resets.requester.send(get()));
		expect(error.kind).toBe('unavailable');
		expect(error.message).toContain('The connection to the Notion SCIM API failed');
	});
});

describe('edge answers', () => {
	it('a 5xx with a cf-ray and no Notion request id is from the edge; with a Notion id, or below 500, it is Notion\'s', async () => {
		const edge = setup([answer(502, '<html>', { 'cf-ray': 'ray-1' })], { maxAttempts: 1 });
		expect(await failureOf(edge.requester.send(get()))).toMatchObject({ kind: 'unavailable', httpStatus: 502, requestId: 'ray-1' });
		const notion = setup([answer(502, '', { 'cf-ray': 'ray-1', 'x-notion-request-id': 'req-9' })], { maxAttempts: 1 });
		const fromNotion = await failureOf(notion.requester.send(get()));
		expect(fromNotion).toMatchObject({ kind: 'unavailable', httpStatus: 502, requestId: 'req-9' });
		expect(fromNotion.message).not.toContain('edge');
		const client = setup([answer(499, '', { 'cf-ray': 'ray-1' })], { maxAttempts: 1 });
		expect((await failureOf(client.requester.send(get()))).message).not.toContain('edge');
		const bare = setup([answer(502, '', {})], { maxAttempts: 1 });
		expect((await failureOf(bare.requester.send(get()))).message).toMatch(/refused GET \/scim\/v2\/Users with HTTP 502/);
		const at500 = setup([answer(500, '', { 'cf-ray': 'ray-1' })], { maxAttempts: 1 });
		expect((await failureOf(at500.requester.send(get()))).message).toContain('edge');
	});

	it('an edge 429 is not throttling: the pacer is not paused', async () => {
		const { requester, events } = setup([answer(529, '', { 'cf-ray': 'ray-1', 'retry-after': '3' }), answer(200, '{}')]);
		await requester.send(get());
		expect(events).toEqual(['acquire', 'release false', 'acquire', 'release true']);
	});
});

describe('retries and ambiguity', () => {
	it('retries an idempotent request up to maxAttempts, with growing backoff on the clock', async () => {
		const { requester, requests, clock } = setup([answer(500), answer(503), answer(504)], {}, () => 0.999);
		const error = await failureOf(requester.send(get()));
		expect(error).toMatchObject({ kind: 'unavailable', httpStatus: 504, ambiguous: false });
		expect(requests).toHaveLength(3);
		expect(clock.sleeps).toEqual([999, 1998]);
		expect(requester.maxAttempts).toBe(3);
	});

	it('a failed POST is not sent again, and its failure says it may have been applied', async () => {
		for (const failed of [answer(500), answer(502, '', { 'cf-ray': 'r' }), new TransportError('timeout', 't'), answer(200, 'not json')]) {
			const { requester, requests } = setup([failed]);
			const error = await failureOf(requester.send({ ...get(), method: 'POST', body: {} }));
			expect(error).toBeInstanceOf(RequestFailure);
			expect(error.ambiguous).toBe(true);
			expect(requests).toHaveLength(1);
		}
	});

	it('the ambiguous failure keeps what the plain one says', async () => {
		const { requester } = setup([answer(500, { message: 'boom', code: 'internal_server_error', request_id: 'rq-7' })]);
		const error = await failureOf(requester.send({ ...get(), method: 'POST', body: {} }));
		expect(error).toMatchObject({ kind: 'unavailable', httpStatus: 500, api: 'scim', requestId: 'rq-7', code: 'internal_server_error', ambiguous: true });
		expect(error.message).toContain('boom');
		expect(error.hint).toMatch(/try again in a few minutes/);
	});

	it('a POST the caller declares idempotent is retried; a PATCH declared not idempotent is not', async () => {
		const post = setup([answer(500), answer(200, '{}')]);
		expect((await post.requester.send({ ...get(), method: 'POST', idempotent: true })).status).toBe(200);
		const patch = setup([answer(500)]);
		expect((await failureOf(patch.requester.send({ ...get(), method: 'PATCH', idempotent: false }))).ambiguous).toBe(true);
	});

	it('a refusal is not retried and not ambiguous', async () => {
		const { requester, requests } = setup([answer(409, { detail: 'exists' })]);
		const error = await failureOf(requester.send({ ...get(), method: 'POST' }));
		expect(error).toMatchObject({ kind: 'conflict', ambiguous: false });
		expect(requests).toHaveLength(1);
	});

	it('a POST that answered 503 "safe to retry" is sent again at once after the backoff', async () => {
		const { requester, requests, clock } = setup([limited(503, { retry_guidance: ['safe to retry'] }), answer(201, '{}')]);
		expect((await requester.send({ ...get(), method: 'POST' })).status).toBe(201);
		expect(requests).toHaveLength(2);
		expect(clock.sleeps).toEqual([500]);
	});

	it('guidance in a 500 or 502 is not read: the POST stays ambiguous', async () => {
		for (const status of [500, 502]) {
			const { requester, requests } = setup([limited(status, { retry_guidance: ['safe to retry'] })]);
			expect((await failureOf(requester.send({ ...get(), method: 'POST' }))).ambiguous).toBe(true);
			expect(requests).toHaveLength(1);
		}
	});
});

describe('who waits after a 429 or 529', () => {
	it('a connection 429 marks the connection limited and pauses it for Retry-After; the requester does not sleep itself', async () => {
		const { requester, events, clock } = setup([limited(429, { rate_limit_reason: CONNECTION_LIMIT }, { ...NOTION, 'retry-after': '2' }), answer(200, '{}')]);
		await requester.send(get());
		expect(events).toEqual(['acquire', 'connection limited', 'throttle 2000', 'release false', 'acquire', 'release true']);
		expect(clock.sleeps).toEqual([]);
	});

	it('a 429 without a reason, or a 529, pauses the connection only', async () => {
		for (const status of [429, 529]) {
			const { requester, events } = setup([answer(status, '', { ...NOTION, 'retry-after': '1' }), answer(200, '{}')]);
			await requester.send({ ...get(), method: 'POST' });
			expect(events).toEqual(['acquire', 'throttle 1000', 'release false', 'acquire', 'release true']);
		}
	});

	it('a workspace 429 pauses the workspace, and may ask for more than the usual longest wait', async () => {
		const { requester, events, requests } = setup([limited(429, { rate_limit_reason: WORKSPACE_LIMIT }, { ...NOTION, 'retry-after': '90' }), answer(200, '{}')]);
		await requester.send(get());
		expect(events).toEqual(['acquire', 'workspace pause 90000', 'release false', 'acquire', 'release true']);
		expect(requests).toHaveLength(2);
	});

	it('an endpoint 429 holds back only this request: it sleeps on its own', async () => {
		const { requester, events, clock } = setup([limited(429, { rate_limit_reason: ENDPOINT_LIMIT }, { ...NOTION, 'retry-after': '3' }), answer(200, '{}')]);
		await requester.send(get());
		expect(events).toEqual(['acquire', 'release false', 'acquire', 'release true']);
		expect(clock.sleeps).toEqual([3000]);
	});

	it('without the header, retry_after in the body is the wait; the header wins when both are there', async () => {
		const body = setup([limited(429, { retry_after: 4 }), answer(200, '{}')]);
		await body.requester.send(get());
		expect(body.events).toContain('throttle 4000');
		const both = setup([limited(429, { retry_after: '4' }, { ...NOTION, 'retry-after': '1' }), answer(200, '{}')]);
		await both.requester.send(get());
		expect(both.events).toContain('throttle 1000');
	});

	it('without any Retry-After the backoff is the wait', async () => {
		const { requester, events } = setup([answer(429, ''), answer(200, '{}')], {}, () => 0.25);
		await requester.send(get());
		expect(events).toContain('throttle 250');
	});

	it('a Retry-After longer than the longest wait fails at once, saying how long Notion asked for', async () => {
		const { requester, events, requests } = setup([answer(429, '', { ...NOTION, 'retry-after': '9' })]);
		const error = await failureOf(requester.send(get()));
		expect(error).toBeInstanceOf(RequestFailure);
		expect(error).toMatchObject({ kind: 'rate_limited', httpStatus: 429, api: 'scim', requestId: 'req-1' });
		expect(error.hint).toBe('Notion asked to wait 9 s before trying again, longer than the 8 s this node waits; try again later');
		expect(events).toEqual(['acquire', 'release false']);
		expect(requests).toHaveLength(1);
	});

	it('a Retry-After of exactly the longest wait is waited out', async () => {
		const { requester, events } = setup([answer(429, '', { ...NOTION, 'retry-after': '8' }), answer(200, '{}')]);
		await requester.send(get());
		expect(events).toContain('throttle 8000');
	});

	it('a workspace wait beyond its own longest fails too', async () => {
		const { requester } = setup([limited(429, { rate_limit_reason: WORKSPACE_LIMIT }, { ...NOTION, 'retry-after': '121' })]);
		expect((await failureOf(requester.send(get()))).hint).toMatch(/wait 121 s .* longer than the 120 s/);
	});

	it('a long wait on the last attempt reports the limit itself', async () => {
		const { requester } = setup([answer(429, '', { ...NOTION, 'retry-after': '9' })], { maxAttempts: 1 });
		expect((await failureOf(requester.send(get()))).hint).not.toMatch(/asked to wait/);
	});

	it('a blocked connection is not retried', async () => {
		const { requester, requests, events } = setup([limited(429, { rate_limit_reason: 'public_api_request_blocked' }, { ...NOTION, 'retry-after': '1' })]);
		expect(await failureOf(requester.send(get()))).toMatchObject({ kind: 'rate_limited', ambiguous: false });
		expect(requests).toHaveLength(1);
		expect(events).toEqual(['acquire', 'release false']);
	});

	it('limits are read only from a 429, 503 or 529 body', async () => {
		const { requester, events, clock } = setup([limited(500, { retry_after: 7 }), answer(200, '{}')]);
		await requester.send(get());
		expect(events).toEqual(['acquire', 'release false', 'acquire', 'release true']);
		// The backoff, not the body's retry_after.
		expect(clock.sleeps).toEqual([500]);
		const down = setup([limited(503, { retry_after: 7 }), answer(200, '{}')]);
		await down.requester.send(get());
		expect(down.clock.sleeps).toEqual([7000]);
	});

	it('a 529 body is read like a 429\'s: its reason and its retry_after', async () => {
		const { requester, events } = setup([limited(529, { rate_limit_reason: WORKSPACE_LIMIT, retry_after: '6' }), answer(200, '{}')]);
		await requester.send(get());
		expect(events).toEqual(['acquire', 'workspace pause 6000', 'release false', 'acquire', 'release true']);
	});
});
