import { startEmulator, type Emulator, type FaultKind } from '../../tools/notion-emulator/index';
import { api, NOTION_VERSION, SCIM_ERROR, scim, useEmulator } from '../../tools/notion-emulator/support';

describe('injected faults', () => {
	const emu = useEmulator();

	it.each([
		['500', 'internal_server_error'],
		['502', 'service_unavailable'],
		['503', 'service_unavailable'],
		['504', 'gateway_timeout'],
	] as const)('%s on /v1 answers a Notion error body with code %s', async (kind, code) => {
		emu().control.scriptFaults([kind]);
		const res = await api(emu(), '/users');
		expect(res.status).toBe(Number(kind));
		expect(res.body).toEqual({
			object: 'error',
			status: Number(kind),
			code,
			message: expect.any(String),
			request_id: res.headers.get('x-notion-request-id'),
		});
	});

	it.each([
		['429', 'rate_limited'],
		['529', 'service_overload'],
	] as const)('%s carries an integer Retry-After', async (kind, code) => {
		emu().control.scriptFaults([kind]);
		const res = await api(emu(), '/users');
		expect(res.status).toBe(Number(kind));
		expect(res.body.code).toBe(code);
		expect(res.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
	});

	it('status faults on SCIM use the RFC error shape', async () => {
		emu().control.scriptFaults(['503', '429']);
		const down = await scim(emu(), 'GET', '/Users');
		expect(down.body).toEqual({ schemas: [SCIM_ERROR], status: '503', detail: expect.any(String) });
		const limited = await scim(emu(), 'GET', '/Users');
		expect(limited.status).toBe(429);
		expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
	});

	it('edge502 is an HTML 502 with cf-ray and without x-notion-request-id', async () => {
		emu().control.scriptFaults(['edge502']);
		const res = await fetch(`${emu().url}/v1/users`);
		expect(res.status).toBe(502);
		expect(res.headers.get('content-type')).toMatch(/^text\/html/);
		expect(res.headers.get('cf-ray')).toMatch(/^[0-9a-f]{16}-[A-Z]{3}$/);
		expect(res.headers.get('x-notion-request-id')).toBeNull();
		expect(await res.text()).toContain('502 Bad Gateway');
	});

	it('reset destroys the connection before any answer', async () => {
		emu().control.scriptFaults(['reset']);
		await expect(fetch(`${emu().url}/v1/users`)).rejects.toThrow();
		expect(emu().control.requestLog()[0]).toMatchObject({ status: 0, fault: 'reset' });
	});

	it('hang never answers, so the client timeout fires; stop() still ends', async () => {
		emu().control.scriptFaults(['hang']);
		await expect(
			fetch(`${emu().url}/v1/users`, { signal: AbortSignal.timeout(200) }),
		).rejects.toThrow();
		expect(emu().control.requestLog()[0]).toMatchObject({ status: 0, fault: 'hang' });
	});

	it('malformed answers 200 with a body that is not JSON', async () => {
		emu().control.scriptFaults(['malformed']);
		const res = await fetch(`${emu().url}/v1/users`, {
			headers: { authorization: `Bearer ${emu().tokens.api}`, 'notion-version': NOTION_VERSION },
		});
		expect(res.status).toBe(200);
		const text = await res.text();
		expect(() => JSON.parse(text)).toThrow();
	});

	it('truncated answers 200 with the first half of the real body', async () => {
		const full = await (
			await fetch(`${emu().url}/scim/v2/Users/${emu().control.snapshot().scimTokenOwnerId}`, {
				headers: { authorization: `Bearer ${emu().tokens.scim}` },
			})
		).text();
		emu().control.scriptFaults(['truncated']);
		const res = await fetch(
			`${emu().url}/scim/v2/Users/${emu().control.snapshot().scimTokenOwnerId}`,
			{
				headers: { authorization: `Bearer ${emu().tokens.scim}` },
			},
		);
		expect(res.status).toBe(200);
		const text = await res.text();
		expect(text.length).toBe(Math.floor(full.length / 2));
		expect(full.startsWith(text)).toBe(true);
		expect(() => JSON.parse(text)).toThrow();
	});

	it.each(['truncated', '500', 'reset', '429'] as FaultKind[])(
		'a write hit by %s has no effect',
		async (kind) => {
			emu().control.scriptFaults([kind]);
			await scim(emu(), 'POST', '/Users', { userName: 'ghost@acme.test' }).catch(() => undefined);
			expect(
				emu()
					.control.snapshot()
					.members.some((m) => m.email === 'ghost@acme.test'),
			).toBe(false);
			const retried = await scim(emu(), 'POST', '/Users', { userName: 'ghost@acme.test' });
			expect(retried.status).toBe(201);
		},
	);

	it('a script is used in order, one fault per API request, and control calls are never faulted', async () => {
		emu().control.scriptFaults(['500', '503']);
		expect((await fetch(`${emu().url}/_emulator/state`)).status).toBe(200);
		expect((await api(emu(), '/users')).status).toBe(500);
		expect((await scim(emu(), 'GET', '/Users')).status).toBe(503);
		expect((await api(emu(), '/users')).status).toBe(200);
	});

	it('rejects an unknown fault kind', () => {
		expect(() => emu().control.scriptFaults(['418' as FaultKind])).toThrow(/unknown fault kind/);
	});

	describe('by rate', () => {
		const statuses = async (e: Emulator): Promise<number[]> => {
			const out: number[] = [];
			for (let i = 0; i < 30; i++) out.push((await api(e, '/users/me')).status);
			return out;
		};

		it('is reproducible for a seed and draws only the given kinds', async () => {
			const options = {
				rateLimit: false as const,
				faults: { rate: 0.5, kinds: ['500', '503'] as FaultKind[], seed: 42 },
			};
			const one = await startEmulator(options);
			const two = await startEmulator(options);
			try {
				const a = await statuses(one);
				expect(await statuses(two)).toEqual(a);
				expect(new Set(a)).toEqual(new Set([200, 500, 503]));
			} finally {
				await one.stop();
				await two.stop();
			}
		});

		it('can be set and turned off through the control API', async () => {
			emu().control.setFaultRate(1, ['504']);
			expect((await api(emu(), '/users/me')).status).toBe(504);
			emu().control.setFaultRate(0);
			expect((await api(emu(), '/users/me')).status).toBe(200);
		});
	});

	it('latency holds every answer back (a client timeout shorter than it fires)', async () => {
		const slow = await startEmulator({ rateLimit: false, latencyMs: 1500 });
		try {
			await expect(
				fetch(`${slow.url}/v1/users/me`, { signal: AbortSignal.timeout(100) }),
			).rejects.toThrow();
			expect((await api(slow, '/users/me')).status).toBe(200);
		} finally {
			await slow.stop();
		}
	});
});
