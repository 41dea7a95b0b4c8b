/**
 * The organization client on a scripted transport where an answer is lost or a listing is cut:
 * a listing that says there is more but gives no cursor is not the end; a repeated PAT revoke's
 * 404 is the truth (Notion answers a repeat of a done revoke with success); a 404 after a lost
 * member removal is checked, not taken as "removed"; writes Notion documents as safe to repeat
 * are sent again after a lost answer instead of being reported as failed.
 */
import { failure } from './failure';
import { ADA, fakeOrganization, json, person, WS1 } from './fakeAdmin';

const GROUP = 'bbbbbbbb-0000-4000-8000-000000000001';
const TOKEN = 'cccccccc-0000-4000-8000-000000000001';
const lost = () => json(502, { object: 'error', status: 502, code: 'internal_server_error', message: 'Bad gateway' });

/** Answers in order, one per request; the last one repeats. */
function inTurn(...answers: Array<ReturnType<typeof json>>) {
	let next = 0;
	return () => answers[Math.min(next++, answers.length - 1)];
}

describe('listings that were cut', () => {
	it('a page saying has_more without a cursor is a broken listing, never its end', async () => {
		const { client } = fakeOrganization(() => json(200, { object: 'list', results: [person(ADA, 'ada@acme.test')], has_more: true, next_cursor: null }));
		expect((await failure(client.listWorkspaceUsers(WS1))).kind).toBe('bad_response');
	});

	it('so a person search over such a listing does not answer "not found"', async () => {
		const { client } = fakeOrganization((_request, url) =>
			url.pathname.endsWith('/spaces')
				? json(200, { object: 'list', results: [{ id: WS1, name: 'Acme' }], has_more: false, next_cursor: null })
				: json(200, { object: 'list', results: [], has_more: true }),
		);
		await expect(client.findPersonInEveryWorkspace('grace@acme.test')).rejects.toMatchObject({ kind: 'bad_response' });
	});
});

describe('writes whose answer was lost', () => {
	it('a PAT revoke that meets 404 after a lost answer is not found, not "revoked" (a repeat of a done revoke succeeds)', async () => {
		const { client, sent } = fakeOrganization(inTurn(lost(), json(404, { object: 'error', status: 404, code: 'object_not_found', message: 'Not found' })));
		const error = await failure(client.revokePersonalAccessToken(WS1, TOKEN));
		expect(error.kind).toBe('not_found');
		expect(sent()).toEqual([`DELETE /v1/spaces/${WS1}/personal_access_tokens/${TOKEN}`, `DELETE /v1/spaces/${WS1}/personal_access_tokens/${TOKEN}`]);
	});

	it('a member removal that meets 404 after a lost answer is checked: a group that does not exist is not found', async () => {
		const notFound = json(404, { object: 'error', status: 404, code: 'object_not_found', message: 'Not found' });
		const { client } = fakeOrganization(inTurn(lost(), notFound));
		const error = await failure(client.permissionGroups.removeMember({ workspaceId: WS1, groupId: GROUP }, ADA));
		expect(error.kind).toBe('not_found');
	});

	it('a legal hold removal that meets 404 after a lost answer is checked: a hold that does not exist is not found', async () => {
		const notFound = json(404, { type: 'error', status: 404, code: 'object_not_found', message: 'Not found' });
		const { client } = fakeOrganization(inTurn(lost(), notFound));
		const error = await failure(client.legalHolds.removeUsers('hold-1', [ADA]));
		expect(error.kind).toBe('not_found');
	});

	it('adding a group member (a repeat only sets the role again) is sent again after a lost answer', async () => {
		const { client, sent } = fakeOrganization(inTurn(lost(), json(200, { member: { type: 'user', user_id: ADA }, role: 'member' })));
		await expect(client.permissionGroups.addMember({ workspaceId: WS1, groupId: GROUP }, ADA)).resolves.toEqual({ userId: ADA, role: 'member' });
		expect(sent()).toHaveLength(2);
	});

	const hold = (status: string) => ({
		id: 'hold-1',
		name: 'Northstar',
		status,
		created_by: ADA,
		created_time: 1,
		start_date: 1,
		user_interaction_type: ['page.created'],
		users: { ids: [ADA], total: 1 },
		workspaces: { ids: [WS1], total: 1 },
	});

	it('adding people to a legal hold (someone held stays held once) is sent again after a lost answer', async () => {
		const { client, sent } = fakeOrganization(inTurn(lost(), json(200, hold('active'))));
		await expect(client.legalHolds.addUsers('hold-1', [ADA])).resolves.toMatchObject({ id: 'hold-1', userIds: [ADA] });
		expect(sent()).toHaveLength(2);
	});

	it('a release whose answer was lost is sent again, and a repeat refused with 409 reads the hold', async () => {
		const conflict = json(409, { object: 'error', status: 409, code: 'conflict_error', message: 'Already released' });
		const { client, sent } = fakeOrganization((request) => (request.method === 'GET' ? json(200, hold('released')) : undefined) ?? next());
		const next = inTurn(lost(), conflict);
		await expect(client.legalHolds.release('hold-1')).resolves.toMatchObject({ id: 'hold-1', status: 'released' });
		expect(sent()).toEqual(['POST /v1/legal_holds/hold-1/release', 'POST /v1/legal_holds/hold-1/release', 'GET /v1/legal_holds/hold-1']);
	});

	it('an MCP revoke sent again after a lost answer does not report the repeat\'s count as what was revoked', async () => {
		const { client, sent } = fakeOrganization(inTurn(lost(), json(200, { revoked_token_count: 0 })));
		await expect(client.revokeMcpConnection({ clientKey: 'cursor', userId: ADA, workspaceId: WS1 })).resolves.toMatchObject({ revokedTokenCount: null });
		expect(sent()).toHaveLength(2);
	});

	it('a managed-access deny sent again after a lost answer does not report the repeat\'s count either', async () => {
		const { client, sent } = fakeOrganization(inTurn(lost(), json(200, { access: 'denied', revoked_token_count: 0 })));
		await expect(client.setMcpManagedAccess('deny', { userId: ADA, workspaceId: WS1 })).resolves.toMatchObject({ access: 'denied', revokedTokenCount: null });
		expect(sent()).toHaveLength(2);
	});

	it('without a lost answer the counts are Notion\'s', async () => {
		const { client } = fakeOrganization(() => json(200, { access: 'denied', revoked_token_count: 2 }));
		await expect(client.setMcpManagedAccess('deny', { userId: ADA, workspaceId: WS1 })).resolves.toMatchObject({ revokedTokenCount: 2 });
	});

	it('a group delete that meets 404 after a lost answer is not "deleted" when no such group was there to delete', async () => {
		const notFound = json(404, { object: 'error', status: 404, code: 'object_not_found', message: 'Not found' });
		const { client } = fakeOrganization((request) => (request.method === 'GET' ? notFound : undefined) ?? next());
		const next = inTurn(lost(), notFound);
		const error = await failure(client.permissionGroups.delete({ workspaceId: WS1, groupId: GROUP }));
		expect(error.kind).toBe('not_found');
	});

	it('a group that was there and meets 404 after a lost delete was deleted', async () => {
		const notFound = json(404, { object: 'error', status: 404, code: 'object_not_found', message: 'Not found' });
		const { client } = fakeOrganization((request) => (request.method === 'GET' ? json(200, { object: 'group', id: GROUP, name: 'Security' }) : undefined) ?? next());
		const next = inTurn(lost(), notFound);
		await expect(client.permissionGroups.delete({ workspaceId: WS1, groupId: GROUP })).resolves.toMatchObject({ deleted: true });
	});
});
