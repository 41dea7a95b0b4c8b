import { startEmulator, type Emulator } from '../../tools/notion-emulator/index';
import { RateLimiter } from '../../tools/notion-emulator/rateLimiter';
import { api, SCIM_ERROR, scim } from '../../tools/notion-emulator/support';

describe('RateLimiter (token bucket, clock injected)', () => {
	it('lets a burst through, then answers whole seconds until a token is back', () => {
		let now = 0;
		const limiter = new RateLimiter({ requestsPerSecond: 3, burst: 10 }, () => now);
		for (let i = 0; i < 10; i++) expect(limiter.take('k')).toBe(0);
		expect(limiter.take('k')).toBe(1);
		now = 200;
		expect(limiter.take('k')).toBe(1);
		now = 334;
		expect(limiter.take('k')).toBe(0);
		expect(limiter.take('other')).toBe(0);
	});

	it('never answers less than 1 second and rounds up', () => {
		let now = 0;
		const limiter = new RateLimiter({ requestsPerSecond: 0.25, burst: 1 }, () => now);
		expect(limiter.take('k')).toBe(0);
		expect(limiter.take('k')).toBe(4);
		now = 3500;
		expect(limiter.take('k')).toBe(1);
	});
});

describe('rate limiting over HTTP (token bucket, the default model)', () => {
	let emu: Emulator;
	afterEach(() => emu.stop());

	// 0.1 request/s: no token comes back during the test, so the outcome does not depend on timing.
	const tight = { requestsPerSecond: 0.1, burst: 2 };

	it('answers 429 rate_limited with an integer Retry-After once the burst is spent', async () => {
		emu = await startEmulator({ rateLimit: tight });
		expect((await api(emu, '/users/me')).status).toBe(200);
		expect((await api(emu, '/users/me')).status).toBe(200);
		const limited = await api(emu, '/users/me');
		expect(limited.status).toBe(429);
		expect(limited.body).toMatchObject({ object: 'error', status: 429, code: 'rate_limited' });
		expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
		expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
	});

	it('limits SCIM with an RFC-shaped 429, separately from the API token by default', async () => {
		emu = await startEmulator({ rateLimit: tight });
		await api(emu, '/users/me');
		await api(emu, '/users/me');
		expect((await scim(emu, 'GET', '/Users')).status).toBe(200);
		expect((await scim(emu, 'GET', '/Users')).status).toBe(200);
		const limited = await scim(emu, 'GET', '/Users');
		expect(limited.status).toBe(429);
		expect(limited.body).toEqual({
			schemas: [SCIM_ERROR],
			status: '429',
			detail: expect.any(String),
			additional_data: { rate_limit_reason: 'public_api_request_rate_limit', retry_after: limited.headers.get('retry-after') },
		});
		expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
	});

	it('shares one budget between both tokens when sharedRateLimit is on', async () => {
		emu = await startEmulator({ rateLimit: tight, behaviours: { sharedRateLimit: true } });
		await api(emu, '/users/me');
		await api(emu, '/users/me');
		expect((await scim(emu, 'GET', '/Users')).status).toBe(429);
	});

	it('does not limit unknown tokens or the control API', async () => {
		emu = await startEmulator({ rateLimit: { requestsPerSecond: 0.1, burst: 1 } });
		for (let i = 0; i < 3; i++) {
			expect((await api(emu, '/users', { authorization: 'Bearer nope' })).status).toBe(401);
			expect((await fetch(`${emu.url}/_emulator/requests`)).status).toBe(200);
		}
	});
});
