/**
 * The organization client on a scripted transport: the version header and the organization API
 * on every request, P1 paging with Return All / limit, both error envelopes read, a refusal for
 * lack of scope naming the scope, input checked before any request, the one 429 path through the
 * shared requester, exact email matching, and the bodies of the writes.
 */
import { failure } from './failure';
import { ADA, BASE, fakeOrganization, GRACE, json, list, person, WS1, WS2 } from './fakeAdmin';

describe('organization client requests', () => {
	it('sends every request to the Admin API with the version header, and pages with start_cursor until has_more is false', async () => {
		const { client, requests, sent } = fakeOrganization((_request, url) => {
			if (url.pathname !== '/admin/v1/spaces') return undefined;
			return url.searchParams.get('start_cursor') === 'c2'
				? list([{ id: WS2, name: 'Beta' }])
				: list([{ id: WS1, name: 'Acme' }], 'c2');
		});
		await expect(client.listWorkspaces()).resolves.toEqual([
			{ id: WS1, name: 'Acme' },
			{ id: WS2, name: 'Beta' },
		]);
		expect(sent()).toEqual(['GET /v1/spaces?page_size=100', 'GET /v1/spaces?page_size=100&start_cursor=c2']);
		for (const request of requests) {
			expect(request.api).toBe('organization');
			expect(request.headers['Notion-Version']).toBe('2026-06-01');
		}
	});

	it('a limit asks for no more than it needs and stops paging once reached', async () => {
		const { client, sent } = fakeOrganization(() => list([{ id: WS1, name: 'Acme' }, { id: WS2, name: 'Beta' }], 'more'));
		await expect(client.listWorkspaces({ limit: 1 })).resolves.toEqual([{ id: WS1, name: 'Acme' }]);
		expect(sent()).toEqual(['GET /v1/spaces?page_size=1']);
	});

	it('a last page that leaves next_cursor out (or has no has_more) ends the listing', async () => {
		const { client, sent } = fakeOrganization(() => json(200, { results: [{ id: WS1, name: 'Acme' }] }));
		await expect(client.listWorkspaces()).resolves.toHaveLength(1);
		expect(sent()).toHaveLength(1);
	});

	it('a cursor handed out twice is a broken answer, not an endless listing', async () => {
		const { client } = fakeOrganization(() => list([{ id: WS1, name: 'Acme' }], 'same'));
		expect((await failure(client.listWorkspaces())).kind).toBe('bad_response');
	});

	it('a Base URL given with /v1 or a trailing slash reaches the same root', async () => {
		for (const baseUrl of [`${BASE}/v1`, `${BASE}/`]) {
			const { createOrganizationClient } = await import('../../../nodes/common/connector/organization/organizationClient');
			const urls: string[] = [];
			const client = createOrganizationClient({
				baseUrl,
				transport: async (request) => {
					urls.push(request.url);
					return list([]);
				},
				now: () => 0,
				sleep: async () => undefined,
			});
			await client.listWorkspaces();
			expect(urls).toEqual([`${BASE}/v1/spaces?page_size=100`]);
		}
	});
});

describe('organization client refusals', () => {
	it.each([
		['type', { type: 'error', status: 403, code: 'restricted_resource', message: 'Missing scope.' }],
		['object', { object: 'error', status: 403, code: 'restricted_resource', message: 'Missing scope.', request_id: 'r-9' }],
	])('a 403 in the %s envelope names the scope to add, with Notion\'s message', async (_envelope, body) => {
		const { client } = fakeOrganization(() => json(403, body));
		const error = await failure(client.listWorkspaceUsers(WS1));
		expect(error.kind).toBe('forbidden');
		expect(error.message).toContain('Missing scope.');
		expect(error.message).toContain('"user:read"');
		expect(error.hint).toContain('Add the scope "user:read"');
		expect(error.api).toBe('organization');
	});

	it('a 404 says what may be missing for that call; a 401 points at the organization token', async () => {
		const notFound = fakeOrganization(() => json(404, { type: 'error', status: 404, code: 'object_not_found', message: 'Not found.' }));
		const missing = await failure(notFound.client.revokePersonalAccessToken(WS1, ADA));
		expect(missing.kind).toBe('not_found');
		expect(missing.hint).toContain('No such token');

		const refused = fakeOrganization(() => json(401, { type: 'error', status: 401, code: 'unauthorized', message: 'Bad token.' }));
		const error = await failure(refused.client.listWorkspaces());
		expect(error.kind).toBe('unauthorized');
		expect(error.hint).toContain('organization bot token');
	});

	it('a 429 goes through the shared requester: waits out Retry-After, then succeeds', async () => {
		let calls = 0;
		const { client, clock } = fakeOrganization(() =>
			++calls === 1
				? json(429, { object: 'error', status: 429, code: 'rate_limited', message: 'Slow down', additional_data: { rate_limit_reason: 'public_api_request_rate_limit', retry_after: '7' } }, { 'retry-after': '7' })
				: list([{ id: WS1, name: 'Acme' }]),
		);
		await expect(client.listWorkspaces()).resolves.toHaveLength(1);
		expect(calls).toBe(2);
		expect(clock.elapsed()).toBeGreaterThanOrEqual(7000);
	});
});

describe('organization client input checks', () => {
	it.each([
		['workspaceId', (c: ReturnType<typeof fakeOrganization>['client']) => c.listWorkspaceUsers('not-an-id')],
		['email', (c: ReturnType<typeof fakeOrganization>['client']) => c.findPersonInEveryWorkspace('ada@')],
		['userId', (c: ReturnType<typeof fakeOrganization>['client']) => c.revokeSessions('42')],
		['tokenId', (c: ReturnType<typeof fakeOrganization>['client']) => c.revokePersonalAccessToken(WS1, 'x')],
		['status', (c: ReturnType<typeof fakeOrganization>['client']) => c.listPersonalAccessTokens(WS1, { status: ['gone' as 'active'] })],
		['creatorIds', (c: ReturnType<typeof fakeOrganization>['client']) => c.listPersonalAccessTokens(WS1, { creatorIds: ['nope'] })],
		['clientKey', (c: ReturnType<typeof fakeOrganization>['client']) => c.revokeMcpConnection({ clientKey: ' ', userId: ADA, workspaceId: WS1 })],
		['access', (c: ReturnType<typeof fakeOrganization>['client']) => c.setMcpManagedAccess('block' as 'deny', { userId: ADA, workspaceId: WS1 })],
		['limit', (c: ReturnType<typeof fakeOrganization>['client']) => c.listWorkspaces({ limit: 0 })],
	])('a bad %s fails naming the field, before any request', async (field, call) => {
		const fake = fakeOrganization(() => list([]));
		const error = await failure(call(fake.client));
		expect(error).toMatchObject({ kind: 'invalid_input', field });
		expect(fake.requests).toHaveLength(0);
	});
});

describe('organization client operations', () => {
	const twoWorkspaces = (usersOf: Record<string, unknown[]>) =>
		fakeOrganization((_request, url) => {
			if (url.pathname === '/admin/v1/spaces') return list([{ id: WS1, name: 'Acme' }, { id: WS2, name: 'Beta' }]);
			const match = /^\/admin\/v1\/spaces\/([^/]+)\/users$/.exec(url.pathname);
			return match ? list(usersOf[match[1]] ?? []) : undefined;
		});

	it('finds a person in every workspace by exact address, case aside, and never by a similar one', async () => {
		const { client } = twoWorkspaces({
			[WS1]: [person(ADA, 'Ada@Acme.test', 'Ada'), person(GRACE, 'ada@acme.test.evil', 'Not Ada')],
			[WS2]: [person(ADA, 'ada@acme.test', 'Ada'), { object: 'user', id: GRACE, type: 'bot', name: 'Bot', bot: {} }],
		});
		const search = await client.findPersonInEveryWorkspace(' ada@ACME.test ');
		expect(search.workspacesSearched).toBe(2);
		expect(search.found.map((entry) => [entry.workspaceName, entry.user.id])).toEqual([
			['Acme', ADA],
			['Beta', ADA],
		]);
	});

	it('revoking sessions by id sends the id form; refused as invalid, it sends the address found in a workspace', async () => {
		const bodies: unknown[] = [];
		const { client } = fakeOrganization((request, url) => {
			if (url.pathname === '/admin/v1/spaces') return list([{ id: WS1, name: 'Acme' }]);
			if (url.pathname.endsWith('/users')) return list([person(ADA, 'ada@acme.test')]);
			const body = JSON.parse(request.body ?? '{}') as { user: { type: string } };
			bodies.push(body);
			return body.user.type === 'id'
				? json(400, { type: 'error', status: 400, code: 'validation_error', message: 'body.user.type should be "email"' })
				: json(200, { status: 'revoked' });
		});
		await expect(client.revokeSessions(ADA)).resolves.toEqual({ status: 'revoked', userId: ADA });
		expect(bodies).toEqual([{ user: { type: 'id', id: ADA } }, { user: { type: 'email', email: 'ada@acme.test' } }]);
	});

	it('lists personal access tokens with the filters in bracket form, each record with its workspace', async () => {
		const { client, sent } = fakeOrganization(() => list([{ id: GRACE, name: 'CI token' }]));
		const tokens = await client.listPersonalAccessTokens(WS1, { status: ['active', 'expired'], creatorIds: [ADA], search: 'CI' });
		expect(tokens).toEqual([{ id: GRACE, name: 'CI token', workspaceId: WS1 }]);
		expect(sent()).toEqual([
			`GET /v1/spaces/${WS1}/personal_access_tokens?status[]=active&status[]=expired&creator_ids[]=${ADA}&search=CI&page_size=100`,
		]);
	});

	it('lists MCP connections with the cursor parameter and the filters', async () => {
		const { client, sent } = fakeOrganization((_request, url) =>
			url.searchParams.get('cursor') === 'p2'
				? json(200, { results: [{ client: { key: 'cursor' } }], has_more: false })
				: json(200, { results: [{ client: { key: 'claude' } }], has_more: true, next_cursor: 'p2' }),
		);
		const rows = await client.listMcpConnections({ userIds: [ADA] });
		expect(rows).toHaveLength(2);
		expect(sent()).toEqual([`GET /v1/mcp_client_connections?user_ids[]=${ADA}`, `GET /v1/mcp_client_connections?user_ids[]=${ADA}&cursor=p2`]);
	});

	it('an MCP list answered in the P1 shape (object "list") is paged on with start_cursor', async () => {
		const { client, sent } = fakeOrganization((_request, url) =>
			url.searchParams.get('start_cursor') === 'p2'
				? list([{ client: { key: 'cursor' } }])
				: list([{ client: { key: 'claude' } }], 'p2'),
		);
		await expect(client.listMcpConnections()).resolves.toHaveLength(2);
		expect(sent()).toEqual(['GET /v1/mcp_client_connections', 'GET /v1/mcp_client_connections?start_cursor=p2']);
	});

	it('revokes an MCP connection and denies or restores managed access with the documented bodies', async () => {
		const bodies: Array<[string, unknown]> = [];
		const { client } = fakeOrganization((request, url) => {
			const body = JSON.parse(request.body ?? '{}') as { access?: string };
			bodies.push([`${request.method} ${url.pathname}`, body]);
			if (url.pathname.endsWith('/revoke')) return json(200, { revoked_token_count: 2 });
			return json(200, { access: body.access, revoked_token_count: body.access === 'denied' ? 1 : 0 });
		});
		await expect(client.revokeMcpConnection({ clientKey: 'claude', userId: ADA, workspaceId: WS1 })).resolves.toMatchObject({ revokedTokenCount: 2 });
		await expect(client.setMcpManagedAccess('deny', { userId: ADA, workspaceId: WS1 })).resolves.toMatchObject({ access: 'denied', revokedTokenCount: 1 });
		await expect(client.setMcpManagedAccess('restore', { userId: ADA, workspaceId: WS1 })).resolves.toMatchObject({ access: 'allowed', revokedTokenCount: 0 });
		expect(bodies).toEqual([
			['POST /admin/v1/mcp_client_connections/revoke', { client_key: 'claude', user_id: ADA, workspace_id: WS1 }],
			['PUT /admin/v1/mcp_client_connections/enterprise_managed_access', { access: 'denied', user_id: ADA, workspace_id: WS1 }],
			['PUT /admin/v1/mcp_client_connections/enterprise_managed_access', { access: 'allowed', user_id: ADA, workspace_id: WS1 }],
		]);
	});
});
