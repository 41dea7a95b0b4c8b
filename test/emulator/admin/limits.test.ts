/**
 * The organization token under the request limits: one more connection with its own budget, left
 * out of the workspace budget unless asked, blockable, scriptable; `adminRequestLimits: false`
 * exempts it (whether Notion limits organization tokens so is unconfirmed).
 */
import { startEmulator, type Emulator, type EmulatorOptions } from '../../../tools/notion-emulator';
import { WindowLimiter } from '../../../tools/notion-emulator/requestLimits';
import { api } from '../../../tools/notion-emulator/support';
import { admin } from './support';

describe('WindowLimiter: the admin connection', () => {
	it('has its own per-connection budget and stays out of the workspace budget by default', () => {
		const limiter = new WindowLimiter({ model: 'window', perConnection: 2, workspaceBudget: 2 }, () => 0);
		expect(limiter.take('admin', 'GET', '/admin/v1/spaces')).toBeUndefined();
		expect(limiter.take('admin', 'GET', '/admin/v1/spaces')).toBeUndefined();
		expect(limiter.take('admin', 'GET', '/admin/v1/spaces')?.reason).toBe('public_api_request_rate_limit');
		expect(limiter.take('api', 'GET', '/v1/users')).toBeUndefined();
		expect(limiter.take('api', 'GET', '/v1/users')).toBeUndefined();
	});

	it('counts toward the workspace budget when adminCountsTowardWorkspace is set', () => {
		const limiter = new WindowLimiter({ model: 'window', workspaceBudget: 1, adminCountsTowardWorkspace: true }, () => 0);
		expect(limiter.take('admin', 'GET', '/admin/v1/spaces')).toBeUndefined();
		expect(limiter.take('api', 'GET', '/v1/users')?.reason).toBe('public_api_space_request_rate_limit');
	});
});

describe('request limits over HTTP: the organization token', () => {
	let emu: Emulator;
	const start = async (options: EmulatorOptions) => {
		emu = await startEmulator(options);
	};
	afterEach(() => emu.stop());

	it('answers 429 public_api_request_rate_limit with Retry-After past its own budget, the API token unaffected', async () => {
		await start({ rateLimit: { model: 'window', perConnection: 2, windowMs: 600_000 } });
		expect((await admin(emu, '/spaces')).status).toBe(200);
		expect((await admin(emu, '/spaces')).status).toBe(200);
		const refused = await admin(emu, '/spaces');
		expect(refused.status).toBe(429);
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(refused.body).toMatchObject({
			object: 'error',
			status: 429,
			code: 'rate_limited',
			additional_data: { rate_limit_reason: 'public_api_request_rate_limit', retry_after: refused.headers.get('retry-after') },
			request_id: refused.headers.get('x-notion-request-id'),
		});
		expect((await api(emu, '/users/me')).status).toBe(200);
	});

	it('is never limited under adminRequestLimits: false', async () => {
		await start({ rateLimit: { model: 'window', perConnection: 1, windowMs: 600_000 }, behaviours: { adminRequestLimits: false } });
		for (let i = 0; i < 4; i++) expect((await admin(emu, '/spaces')).status).toBe(200);
	});

	it('can be blocked (429 public_api_request_blocked, no Retry-After)', async () => {
		await start({ rateLimit: { model: 'window' } });
		emu.limits.setBlocked('admin', true);
		const refused = await admin(emu, '/spaces');
		expect(refused.status).toBe(429);
		expect(refused.headers.get('retry-after')).toBeNull();
		expect(refused.body.additional_data).toEqual({ rate_limit_reason: 'public_api_request_blocked' });
		emu.limits.setBlocked('admin', false);
		expect((await admin(emu, '/spaces')).status).toBe(200);
	});

	it('gets scripted 429 and 529 answers like the workspace tokens', async () => {
		await start({ rateLimit: false });
		emu.limits.script([{ status: 429, reason: 'public_api_space_request_rate_limit', retryAfter: 42 }, { status: 529 }]);
		const limited = await admin(emu, '/spaces');
		expect(limited.status).toBe(429);
		expect(limited.headers.get('retry-after')).toBe('42');
		expect(limited.body.additional_data).toEqual({ rate_limit_reason: 'public_api_space_request_rate_limit', retry_after: '42' });
		expect((await admin(emu, '/spaces')).body.code).toBe('service_overload');
		expect((await admin(emu, '/spaces')).status).toBe(200);
	});

	it('does not let a wrong token spend the organization token\'s budget', async () => {
		await start({ rateLimit: { model: 'window', perConnection: 1, windowMs: 600_000 } });
		for (let i = 0; i < 3; i++) expect((await admin(emu, '/spaces', { headers: { authorization: 'Bearer adm_wrong' } })).status).toBe(401);
		expect((await admin(emu, '/spaces')).status).toBe(200);
	});
});
