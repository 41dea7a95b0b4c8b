import { startEmulator, type Emulator } from '../../tools/notion-emulator/index';
import { WindowLimiter } from '../../tools/notion-emulator/requestLimits';
import { api, SCIM_ERROR, scim } from '../../tools/notion-emulator/support';

describe('WindowLimiter (fixed windows, clock injected)', () => {
	it('lets the plan budget through at any pace, then answers the time to the window end', () => {
		let now = 0;
		const limiter = new WindowLimiter({ model: 'window', plan: 'other' }, () => now);
		for (let i = 0; i < 180; i++) expect(limiter.take('api', 'GET', '/v1/users')).toBeUndefined();
		now = 17_400;
		expect(limiter.take('api', 'GET', '/v1/users')).toEqual({ reason: 'public_api_request_rate_limit', retryAfter: 43 });
		now = 60_000;
		expect(limiter.take('api', 'GET', '/v1/users')).toBeUndefined();
	});

	it('gives Business and Enterprise 600 per window, each connection its own', () => {
		const limiter = new WindowLimiter({ model: 'window' }, () => 0);
		for (let i = 0; i < 600; i++) expect(limiter.take('scim', 'GET', '/scim/v2/Users')).toBeUndefined();
		expect(limiter.take('scim', 'GET', '/scim/v2/Users')?.reason).toBe('public_api_request_rate_limit');
		expect(limiter.take('api', 'GET', '/v1/users')).toBeUndefined();
	});

	it('shares the workspace budget between connections; its Retry-After may exceed a minute', () => {
		const limiter = new WindowLimiter({ model: 'window', workspaceBudget: 3, workspaceWindowMs: 120_000 }, () => 0);
		expect(limiter.take('api', 'GET', '/v1/users')).toBeUndefined();
		expect(limiter.take('scim', 'GET', '/scim/v2/Users')).toBeUndefined();
		expect(limiter.take('scim', 'GET', '/scim/v2/Users')).toBeUndefined();
		expect(limiter.take('api', 'GET', '/v1/users')).toEqual({ reason: 'public_api_space_request_rate_limit', retryAfter: 120 });
	});

	it('leaves SCIM out of the workspace budget when the switch says so', () => {
		const limiter = new WindowLimiter({ model: 'window', workspaceBudget: 1, scimCountsTowardWorkspace: false }, () => 0);
		expect(limiter.take('api', 'GET', '/v1/users')).toBeUndefined();
		for (let i = 0; i < 5; i++) expect(limiter.take('scim', 'GET', '/scim/v2/Users')).toBeUndefined();
		expect(limiter.take('api', 'GET', '/v1/users')?.reason).toBe('public_api_space_request_rate_limit');
	});

	it('applies an endpoint budget to that endpoint only, and counts no refused request', () => {
		let now = 0;
		const limiter = new WindowLimiter({ model: 'window', windowMs: 1000, endpoints: [{ prefix: 'PATCH /scim/v2/Groups', budget: 1 }] }, () => now);
		expect(limiter.take('scim', 'PATCH', '/scim/v2/Groups/g1')).toBeUndefined();
		expect(limiter.take('scim', 'PATCH', '/scim/v2/Groups/g1')).toEqual({ reason: 'public_api_endpoint_rate_limit', retryAfter: 1 });
		expect(limiter.take('scim', 'GET', '/scim/v2/Groups/g1')).toBeUndefined();
		now = 1000;
		expect(limiter.take('scim', 'PATCH', '/scim/v2/Groups/g1')).toBeUndefined();
	});

	it('refuses every request of a blocked connection, without a wait', () => {
		const limiter = new WindowLimiter({ model: 'window', blocked: ['api'] }, () => 0);
		expect(limiter.take('api', 'GET', '/v1/users')).toEqual({ reason: 'public_api_request_blocked', retryAfter: 0 });
		expect(limiter.take('scim', 'GET', '/scim/v2/Users')).toBeUndefined();
		limiter.setBlocked('api', false);
		expect(limiter.take('api', 'GET', '/v1/users')).toBeUndefined();
	});
});

describe('request limits over HTTP', () => {
	let emu: Emulator;
	afterEach(() => emu.stop());

	// A window far longer than the test: the outcome does not depend on timing.
	const window = { model: 'window' as const, perConnection: 2, windowMs: 3_600_000 };

	it('answers the public API 429 with Retry-After and additional_data (retry_after a string)', async () => {
		emu = await startEmulator({ rateLimit: window });
		expect((await api(emu, '/users/me')).status).toBe(200);
		expect((await api(emu, '/users/me')).status).toBe(200);
		const limited = await api(emu, '/users/me');
		expect(limited.status).toBe(429);
		const seconds = limited.headers.get('retry-after');
		expect(seconds).toMatch(/^\d+$/);
		expect(limited.body).toEqual({
			object: 'error',
			status: 429,
			code: 'rate_limited',
			message: expect.any(String),
			request_id: expect.any(String),
			additional_data: { rate_limit_reason: 'public_api_request_rate_limit', retry_after: seconds },
		});
	});

	it('answers SCIM in the RFC shape with the same additional_data', async () => {
		emu = await startEmulator({ rateLimit: { ...window, perConnection: 10, workspaceBudget: 3 } });
		await api(emu, '/users/me');
		await scim(emu, 'GET', '/Users');
		expect((await scim(emu, 'GET', '/Users')).status).toBe(200);
		const limited = await scim(emu, 'GET', '/Users');
		expect(limited.status).toBe(429);
		expect(limited.body).toEqual({
			schemas: [SCIM_ERROR],
			status: '429',
			detail: expect.any(String),
			additional_data: { rate_limit_reason: 'public_api_space_request_rate_limit', retry_after: limited.headers.get('retry-after') },
		});
	});

	it('answers a blocked connection without Retry-After', async () => {
		emu = await startEmulator({ rateLimit: window });
		emu.limits.setBlocked('scim', true);
		const blocked = await scim(emu, 'GET', '/Users');
		expect(blocked.status).toBe(429);
		expect(blocked.headers.get('retry-after')).toBeNull();
		expect(blocked.body.additional_data).toEqual({ rate_limit_reason: 'public_api_request_blocked' });
		expect((await api(emu, '/users/me')).status).toBe(200);
	});

	it('answers a scripted 529 service_overload with Retry-After, then serves again', async () => {
		emu = await startEmulator({ rateLimit: false });
		emu.limits.script([{ status: 529, retryAfter: 2 }]);
		const overloaded = await api(emu, '/users/me');
		expect(overloaded.status).toBe(529);
		expect(overloaded.headers.get('retry-after')).toBe('2');
		expect(overloaded.body).toMatchObject({ object: 'error', status: 529, code: 'service_overload' });
		expect((await api(emu, '/users/me')).status).toBe(200);
	});

	it.each([
		[true, 'read_before_retry'],
		[false, 'safe_to_retry'],
	] as const)('answers a write 503 with retry_guidance; saved=%s takes effect or not', async (saved, guidance) => {
		emu = await startEmulator({ rateLimit: false });
		emu.limits.script([{ status: 503, saved, guidance }]);
		// The GET passes: a scripted 503 waits for a write.
		expect((await scim(emu, 'GET', '/Groups')).status).toBe(200);
		const before = emu.control.snapshot().groups.length;
		const answer = await scim(emu, 'POST', '/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Saved?' });
		expect(answer.status).toBe(503);
		expect(answer.body.additional_data.retry_guidance).toEqual([guidance]);
		const groups = emu.control.snapshot().groups;
		expect(groups.length).toBe(before + (saved ? 1 : 0));
		if (saved) expect(answer.body.additional_data.committed_resource_id).toBe(groups.find((g) => g.displayName === 'Saved?')?.id);
		else expect(answer.body.additional_data.committed_resource_id).toBeUndefined();
	});
});
