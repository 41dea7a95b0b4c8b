import { endpointKey } from '../../tools/notion-emulator/control';
import { generateSeed } from '../../tools/notion-emulator/index';
import { api, type Reply, scim, useEmulator } from '../../tools/notion-emulator/support';

const seed = generateSeed({ members: 6, seed: 11 });

async function control(url: string, method: string, path: string, body?: unknown): Promise<Reply> {
	const res = await fetch(`${url}/_emulator${path}`, {
		method,
		headers: { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

describe('control API', () => {
	const emu = useEmulator({ seed });

	it('keys request counts by endpoint with ids replaced by {id}', () => {
		expect(endpointKey('GET', '/scim/v2/Users/922f3d9b-20be-461f-9b69-90928701ce93')).toBe(
			'GET /scim/v2/Users/{id}',
		);
		expect(endpointKey('GET', '/v1/users/922f3d9b20be461f9b6990928701ce93')).toBe(
			'GET /v1/users/{id}',
		);
		expect(endpointKey('GET', '/v1/users/me')).toBe('GET /v1/users/me');
	});

	it('logs every request with its status and API, counts them, and resets', async () => {
		await api(emu(), '/users');
		await api(emu(), `/users/${seed.members[1].id}`);
		await api(emu(), `/users/${seed.members[2].id}`);
		await scim(emu(), 'GET', '/Users/nope');
		expect(emu().control.requestLog()).toEqual([
			{ method: 'GET', path: '/v1/users', status: 200, api: 'standard' },
			{ method: 'GET', path: `/v1/users/${seed.members[1].id}`, status: 200, api: 'standard' },
			{ method: 'GET', path: `/v1/users/${seed.members[2].id}`, status: 200, api: 'standard' },
			{ method: 'GET', path: '/scim/v2/Users/nope', status: 404, api: 'scim' },
		]);
		expect(emu().control.requestCounts()).toEqual({
			'GET /v1/users': 1,
			'GET /v1/users/{id}': 2,
			'GET /scim/v2/Users/nope': 1,
		});
		const http = await control(emu().url, 'GET', '/requests');
		expect(http.body.counts['GET /v1/users/{id}']).toBe(2);
		expect(http.body.log).toContainEqual({
			method: 'GET',
			path: '/_emulator/requests',
			status: 0,
			api: 'control',
		});
		expect((await control(emu().url, 'POST', '/reset-log')).status).toBe(204);
		expect(emu().control.requestLog()).toEqual([]);
	});

	it('GET /state is the snapshot', async () => {
		const state = await control(emu().url, 'GET', '/state');
		expect(state.body).toEqual(emu().control.snapshot());
		expect(state.body.members).toHaveLength(6);
		expect(state.body.workspace).toMatchObject({
			plan: 'enterprise',
			emailCapability: true,
			userCapability: true,
		});
	});

	it('adds, changes and removes members behind the APIs', async () => {
		const added = await control(emu().url, 'POST', '/members', {
			email: 'Side@acme.test',
			name: 'Side Door',
			role: 'member',
		});
		expect(added.status).toBe(201);
		const id = added.body.id as string;
		expect((await scim(emu(), 'GET', `/Users/${id}`)).body.userName).toBe('side@acme.test');
		expect(
			(
				await control(emu().url, 'PATCH', `/members/${id}`, {
					role: 'membership_admin',
					name: 'Side Renamed',
				})
			).status,
		).toBe(204);
		expect((await scim(emu(), 'GET', `/Users/${id}`)).body).toMatchObject({
			displayName: 'Side Renamed',
			'urn:ietf:params:scim:schemas:extension:notion:2.0:User': { role: 'membership_admin' },
		});
		expect((await control(emu().url, 'PATCH', `/members/${id}`, { role: 'boss' })).status).toBe(400);
		expect((await control(emu().url, 'DELETE', `/members/${id}`)).status).toBe(204);
		expect((await scim(emu(), 'GET', `/Users/${id}`)).status).toBe(404);
		expect((await control(emu().url, 'DELETE', `/members/${id}`)).status).toBe(400);
		expect(
			(
				await control(emu().url, 'POST', '/members', {
					email: seed.members[0].email,
					name: 'Dup',
					role: 'member',
				})
			).status,
		).toBe(400);
	});

	it('adds groups', async () => {
		const res = await control(emu().url, 'POST', '/groups', {
			displayName: 'Side Group',
			memberEmails: [seed.members[1].email],
		});
		expect(res.status).toBe(201);
		expect((await scim(emu(), 'GET', `/Groups/${res.body.id}`)).body.members).toHaveLength(1);
		expect(emu().control.addGroup({ displayName: 'Programmatic' })).toMatch(/^[0-9a-f-]{36}$/);
	});

	it('scripts faults and sets a fault rate over HTTP', async () => {
		expect((await control(emu().url, 'POST', '/faults', { script: ['503'] })).status).toBe(204);
		expect((await api(emu(), '/users/me')).status).toBe(503);
		await control(emu().url, 'POST', '/faults', { rate: 1, kinds: ['500'] });
		expect((await api(emu(), '/users/me')).status).toBe(500);
		await control(emu().url, 'POST', '/faults', { rate: 0 });
		expect((await api(emu(), '/users/me')).status).toBe(200);
		expect((await control(emu().url, 'POST', '/faults', { script: ['nope'] })).status).toBe(400);
	});

	it('sets behaviours, plan, capabilities and revokes the SCIM token over HTTP', async () => {
		await control(emu().url, 'POST', '/behaviours', { scimErrorStatusType: 'number' });
		expect((await scim(emu(), 'GET', '/Users/nope')).body.status).toBe(404);
		expect((await control(emu().url, 'POST', '/behaviours', { noSuchSwitch: true })).status).toBe(
			400,
		);
		await control(emu().url, 'POST', '/capabilities', { email: false });
		expect((await api(emu(), `/users/${seed.members[1].id}`)).body.person).toEqual({});
		await control(emu().url, 'POST', '/capabilities', { user: false });
		expect((await api(emu(), '/users')).status).toBe(403);
		await control(emu().url, 'POST', '/plan', { plan: 'business' });
		expect((await scim(emu(), 'GET', '/Users')).status).toBe(403);
		await control(emu().url, 'POST', '/plan', { plan: 'enterprise' });
		await control(emu().url, 'POST', '/revoke-scim-token');
		expect((await scim(emu(), 'GET', '/Users')).status).toBe(401);
	});

	it('answers 404 for an unknown control endpoint', async () => {
		expect((await control(emu().url, 'GET', '/nothing')).status).toBe(404);
	});
});
