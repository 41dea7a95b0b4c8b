/**
 * Finding people by email on a scripted transport when Notion lists someone without an address:
 * then nobody can be said to be absent (or alone with that address), so the lookup fails instead
 * of answering "not found" or picking the one it saw.
 */
import { ADA, fakeOrganization, GRACE, json, list, person, WS1 } from './fakeAdmin';

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
