import { generateSeed } from '../../tools/notion-emulator/index';
import { api, NOTION_VERSION, useEmulator } from '../../tools/notion-emulator/support';

const seed = generateSeed({ members: 12, deactivated: 2, bots: 2, guests: 1, groups: 1, seed: 7 });
const [owner] = seed.members;
const guest = seed.guests[0];
const deactivated = seed.members[11];

describe('standard API /v1/users', () => {
	const emu = useEmulator({ seed });

	it('refuses a request without a bearer token (401 unauthorized, Notion error body)', async () => {
		const res = await fetch(`${emu().url}/v1/users`, {
			headers: { 'notion-version': NOTION_VERSION },
		});
		const body = await res.json();
		expect(res.status).toBe(401);
		expect(body).toEqual({
			object: 'error',
			status: 401,
			code: 'unauthorized',
			message: expect.any(String),
			request_id: res.headers.get('x-notion-request-id'),
		});
	});

	it('refuses the SCIM token and a wrong token', async () => {
		expect(
			(await api(emu(), '/users', { authorization: `Bearer ${emu().tokens.scim}` })).status,
		).toBe(401);
		expect((await api(emu(), '/users', { authorization: 'Bearer secret_wrong' })).body.code).toBe(
			'unauthorized',
		);
	});

	it('requires Notion-Version (400 missing_version)', async () => {
		const res = await fetch(`${emu().url}/v1/users`, {
			headers: { authorization: `Bearer ${emu().tokens.api}` },
		});
		expect(res.status).toBe(400);
		expect(await res.json()).toMatchObject({
			object: 'error',
			status: 400,
			code: 'missing_version',
		});
	});

	it('lists active members and bots, leaving guests and removed members out', async () => {
		const res = await api(emu(), '/users');
		expect(res.status).toBe(200);
		expect(res.headers.get('x-notion-request-id')).toMatch(/^[0-9a-f-]{36}$/);
		expect(res.body).toMatchObject({
			object: 'list',
			next_cursor: null,
			has_more: false,
			type: 'user',
			user: {},
		});
		const ids = res.body.results.map((u: { id: string }) => u.id);
		expect(ids).toHaveLength(10 + 2);
		expect(ids).not.toContain(guest.id);
		expect(ids).not.toContain(deactivated.id);
		expect(res.body.results).toContainEqual({
			object: 'user',
			id: owner.id,
			type: 'person',
			name: owner.name,
			avatar_url: null,
			person: { email: owner.email },
		});
		expect(res.body.results).toContainEqual({
			object: 'user',
			id: seed.bots[1].id,
			type: 'bot',
			name: seed.bots[1].name,
			avatar_url: null,
			bot: {},
		});
	});

	it('pages with an opaque cursor until has_more is false, each user once', async () => {
		const seen: string[] = [];
		let cursor: string | null = null;
		let pages = 0;
		do {
			const res = await api(emu(), `/users?page_size=5${cursor ? `&start_cursor=${cursor}` : ''}`);
			expect(res.status).toBe(200);
			expect(res.body.results.length).toBeLessThanOrEqual(5);
			expect(res.body.has_more).toBe(res.body.next_cursor !== null);
			seen.push(...res.body.results.map((u: { id: string }) => u.id));
			cursor = res.body.next_cursor;
			pages++;
		} while (cursor);
		expect(pages).toBe(3);
		expect(new Set(seen).size).toBe(12);
		expect(seen).toHaveLength(12);
	});

	it('keeps a cursor valid when users before it leave', async () => {
		const first = await api(emu(), '/users?page_size=3');
		emu().control.removeMember(first.body.results[1].id);
		const second = await api(emu(), `/users?page_size=3&start_cursor=${first.body.next_cursor}`);
		const overlap = second.body.results.filter((u: { id: string }) =>
			first.body.results.some((f: { id: string }) => f.id === u.id),
		);
		expect(overlap).toEqual([]);
		expect(second.body.results).toHaveLength(3);
	});

	it.each(['0', '101', '-1'])('rejects page_size=%s with 400 validation_error', async (size) => {
		const res = await api(emu(), `/users?page_size=${size}`);
		expect(res.status).toBe(400);
		expect(res.body).toMatchObject({ object: 'error', status: 400, code: 'validation_error' });
	});

	it('rejects a non-numeric page_size and an invalid cursor', async () => {
		expect((await api(emu(), '/users?page_size=abc')).body.code).toBe('validation_error');
		expect((await api(emu(), '/users?start_cursor=not-a-cursor')).body.code).toBe(
			'validation_error',
		);
	});

	it('clamps page_size when pageSizeOutOfRange is clamp', async () => {
		emu().control.setBehaviours({ pageSizeOutOfRange: 'clamp' });
		const res = await api(emu(), '/users?page_size=500');
		expect(res.status).toBe(200);
		expect(res.body.results).toHaveLength(12);
		expect((await api(emu(), '/users?page_size=0')).body.results).toHaveLength(1);
	});

	it('retrieves a member, a guest and a bot by id, with or without dashes', async () => {
		expect((await api(emu(), `/users/${owner.id}`)).body).toMatchObject({
			id: owner.id,
			type: 'person',
		});
		expect((await api(emu(), `/users/${(owner.id as string).replace(/-/g, '')}`)).body.id).toBe(
			owner.id,
		);
		expect((await api(emu(), `/users/${guest.id}`)).body).toEqual({
			object: 'user',
			id: guest.id,
			type: 'person',
			name: guest.name,
			avatar_url: null,
			person: { email: guest.email },
		});
		expect((await api(emu(), `/users/${seed.bots[1].id}`)).body.type).toBe('bot');
	});

	it('answers 404 object_not_found for an unknown or removed user and 400 for a malformed id', async () => {
		const unknown = await api(emu(), '/users/00000000-0000-4000-8000-000000000000');
		expect(unknown.status).toBe(404);
		expect(unknown.body).toMatchObject({ object: 'error', status: 404, code: 'object_not_found' });
		expect((await api(emu(), `/users/${deactivated.id}`)).status).toBe(404);
		expect((await api(emu(), '/users/nope')).body.code).toBe('validation_error');
	});

	it('/users/me returns the token bot with its workspace', async () => {
		const res = await api(emu(), '/users/me');
		expect(res.body).toEqual({
			object: 'user',
			id: seed.bots[0].id,
			type: 'bot',
			name: seed.bots[0].name,
			avatar_url: null,
			bot: {
				owner: { type: 'workspace', workspace: true },
				workspace_id: seed.workspace.id,
				workspace_name: seed.workspace.name,
				workspace_limits: { max_file_upload_size_in_bytes: expect.any(Number) },
			},
		});
	});

	it('leaves emails out (person: {}) without the email capability', async () => {
		emu().control.setEmailCapability(false);
		const res = await api(emu(), `/users/${owner.id}`);
		expect(res.body.person).toEqual({});
		const list = await api(emu(), '/users');
		expect(
			list.body.results.every(
				(u: { type: string; person?: object }) =>
					u.type === 'bot' || JSON.stringify(u.person) === '{}',
			),
		).toBe(true);
	});

	it('refuses users endpoints without the user capability (403 restricted_resource), but not /me', async () => {
		emu().control.setUserCapability(false);
		expect((await api(emu(), '/users')).body).toMatchObject({
			status: 403,
			code: 'restricted_resource',
		});
		expect((await api(emu(), `/users/${owner.id}`)).status).toBe(403);
		expect((await api(emu(), '/users/me')).status).toBe(200);
	});

	it('answers 400 invalid_request_url for unknown endpoints and methods', async () => {
		expect((await api(emu(), '/pages')).body).toMatchObject({
			status: 400,
			code: 'invalid_request_url',
		});
		const post = await fetch(`${emu().url}/v1/users`, {
			method: 'POST',
			headers: { authorization: `Bearer ${emu().tokens.api}`, 'notion-version': NOTION_VERSION },
		});
		expect(post.status).toBe(400);
	});

	it('with unstablePaging, a member joins between page fetches (seen on a later page)', async () => {
		emu().control.setBehaviours({ unstablePaging: true });
		const first = await api(emu(), '/users?page_size=100');
		expect(first.body.results).toHaveLength(12);
		const again = await api(emu(), `/users?page_size=5`);
		const next = await api(emu(), `/users?page_size=100&start_cursor=${again.body.next_cursor}`);
		expect(5 + next.body.results.length).toBe(13);
	});
});
