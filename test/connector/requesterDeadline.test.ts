/** The requester on its own (see requesterUnit.test.ts): a DELETE whose lost answer did the job, the deadline, and backoff. */
import { NOTION, answer, limited, setup, get, failureOf } from './requesterScript';

describe('a DELETE whose earlier answer was lost', () => {
	it('a 404 after a failed attempt means the first one did the job', async () => {
		const { requester, requests } = setup([answer(502), answer(404, { detail: 'not found' }, { 'x-notion-request-id': 'r2' })]);
		expect(await requester.send(get({ method: 'DELETE' }))).toEqual({ status: 204, headers: { 'x-notion-request-id': 'r2' }, json: null, text: '' });
		expect(requests).toHaveLength(2);
	});

	it('a 404 at the first attempt, or after a 429 or a 503 that said it was not saved, is a real not_found', async () => {
		for (const first of [undefined, answer(429, ''), limited(503, { retry_guidance: ['safe to retry'] })]) {
			const { requester } = setup([...(first ? [first] : []), answer(404, '')]);
			expect([first?.status, (await failureOf(requester.send(get({ method: 'DELETE' })))).kind]).toEqual([first?.status, 'not_found']);
		}
	});

	it('another refusal after a failed attempt is still that refusal, but says the first attempt may have applied', async () => {
		const { requester } = setup([answer(502), answer(400, { detail: 'bad id' })]);
		expect(await failureOf(requester.send(get({ method: 'DELETE' })))).toMatchObject({ kind: 'invalid_input', ambiguous: true });
		const patch = setup([answer(500), answer(409, '')]);
		expect(await failureOf(patch.requester.send(get({ method: 'PATCH' })))).toMatchObject({ kind: 'conflict', ambiguous: true });
	});

	it('a refusal after a throttled attempt (nothing applied) is not ambiguous', async () => {
		const { requester } = setup([answer(429, ''), answer(400, '')]);
		expect(await failureOf(requester.send(get({ method: 'PATCH' })))).toMatchObject({ kind: 'invalid_input', ambiguous: false });
	});

	it('a GET that meets a 404 after a failure is still not found, and not ambiguous', async () => {
		const { requester } = setup([answer(502), answer(404, '')]);
		expect(await failureOf(requester.send(get()))).toMatchObject({ kind: 'not_found', ambiguous: false });
	});
});

describe('the deadline', () => {
	it('no attempt starts past the deadline; at the deadline one still does', async () => {
		const late = setup([answer(200, '{}')]);
		late.clock.sleeps.length = 0;
		await late.clock.sleep(11);
		const error = await failureOf(late.requester.send(get({ deadline: 10 })));
		expect(error).toMatchObject({ kind: 'timeout', api: 'scim' });
		expect(error.message).toContain('GET /scim/v2/Users');
		expect(late.requests).toHaveLength(0);
		const onTime = setup([answer(200, '{}')]);
		await onTime.clock.sleep(10);
		expect((await onTime.requester.send(get({ deadline: 10 }))).status).toBe(200);
	});

	it('a retry that could only start after the deadline waits until just past it and gives up', async () => {
		const { requester, requests, clock } = setup([answer(500), answer(200, '{}')]);
		const error = await failureOf(requester.send(get({ deadline: 300 })));
		expect(error.kind).toBe('timeout');
		expect(requests).toHaveLength(1);
		// The backoff (500 ms) would end past 300: sleep to 301, then report.
		expect(clock.sleeps).toEqual([301]);
	});

	it('a retry that ends exactly at the deadline goes ahead', async () => {
		const { requester, requests, clock } = setup([answer(500), answer(200, '{}')]);
		expect((await requester.send(get({ deadline: 500 }))).status).toBe(200);
		expect(requests).toHaveLength(2);
		expect(clock.sleeps).toEqual([500]);
	});

	it('a throttled wait past the deadline gives up too', async () => {
		const { requester, requests } = setup([answer(429, '', { ...NOTION, 'retry-after': '2' }), answer(200, '{}')]);
		expect((await failureOf(requester.send(get({ deadline: 1000 })))).kind).toBe('timeout');
		expect(requests).toHaveLength(1);
	});
});

describe('backoff for caller-driven retries', () => {
	it('sleeps the jittered exponential delay of the attempt', async () => {
		const { requester, clock } = setup([], {}, () => 0.5);
		await requester.backoff(1);
		await requester.backoff(3);
		expect(clock.sleeps).toEqual([500, 2000]);
	});
});
