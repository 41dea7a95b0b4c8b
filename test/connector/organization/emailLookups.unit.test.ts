/**
 * Finding people by email on a scripted transport when Notion lists someone without an address:
 * then nobody can be said to be absent (or alone with that address), so the lookup fails instead
 * of answering "not found" or picking the one it saw.
 */
import { ADA, fakeOrganization, GRACE, json, list, person, WS1, WS2 } from './fakeAdmin';

const hidden = (id: string) => ({ object: 'user', id, type: 'person', name: 'Someone', avatar_url: null, person: {} });

function organizationListing(users: unknown[]) {
	return fakeOrganization((_request, url) => (url.pathname.endsWith('/spaces') ? list([{ id: WS1, name: 'Acme' }]) : json(200, { object: 'list', results: users, has_more: false, next_cursor: null })));
}

it('a person listed without an address makes "not found" unprovable: the search fails naming the workspace', async () => {
	const { client } = organizationListing([person(ADA, 'ada@acme.test'), hidden(GRACE)]);
	const search = client.findPersonInEveryWorkspace('grace@acme.test');
	await expect(search).rejects.toMatchObject({ kind: 'bad_response' });
	await expect(search).rejects.toThrow(WS1);
});

it('nor can a match be said to be the only account with that address', async () => {
	const { client } = organizationListing([person(ADA, 'ada@acme.test'), hidden(GRACE)]);
	await expect(client.findPersonInEveryWorkspace('ada@acme.test')).rejects.toMatchObject({ kind: 'bad_response' });
});

it('bots have no address and do not count', async () => {
	const { client } = organizationListing([person(ADA, 'ada@acme.test'), { object: 'user', id: GRACE, type: 'bot', name: 'Bot', bot: {} }]);
	await expect(client.findPersonInEveryWorkspace('ada@acme.test')).resolves.toMatchObject({ found: [{ workspaceId: WS1 }] });
});

describe('Session → Revoke by ID where Notion takes only the email form', () => {
	const OTHER = 'aaaaaaaa-0000-4000-8000-000000000009';
	const refusedById = () => json(400, { type: 'error', status: 400, code: 'validation_error', message: 'user.type must be email' });

	it("sends the person's address only when no other account has it: an address under two ids fails, and no email revoke is sent", async () => {
		const { client, sent } = fakeOrganization((request, url) => {
			if (request.method === 'POST') return refusedById();
			if (url.pathname.endsWith('/spaces')) return list([{ id: WS1, name: 'Acme' }, { id: WS2, name: 'Beta' }]);
			return url.pathname.includes(WS1) ? list([person(ADA, 'ada@acme.test')]) : list([person(OTHER, 'ADA@acme.test')]);
		});
		await expect(client.revokeSessions(ADA)).rejects.toMatchObject({ kind: 'conflict' });
		expect(sent().filter((line) => line.startsWith('POST'))).toHaveLength(1);
	});

	it('the same account in two workspaces is one account: its address is sent', async () => {
		const bodies: string[] = [];
		const { client } = fakeOrganization((request, url) => {
			if (request.method === 'POST') {
				bodies.push(String(request.body));
				return String(request.body).includes('"email"') ? json(200, { status: 'revoked' }) : refusedById();
			}
			if (url.pathname.endsWith('/spaces')) return list([{ id: WS1, name: 'Acme' }, { id: WS2, name: 'Beta' }]);
			return list([person(ADA, 'ada@acme.test')]);
		});
		await expect(client.revokeSessions(ADA)).resolves.toEqual({ status: 'revoked', userId: ADA });
		expect(bodies.at(-1)).toContain('ada@acme.test');
	});
});
