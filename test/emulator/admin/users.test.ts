/**
 * GET /admin/v1/spaces/{space_id}/users: active members (restricted included) and bots; the main
 * workspace's are the same state as SCIM and the standard API.
 */
import { generateSeed, type Seed } from '../../../tools/notion-emulator';
import { api, patchOp, scim, useEmulator } from '../../../tools/notion-emulator/support';
import { admin, allPages } from './support';

const seed: Seed = generateSeed({ members: 24, deactivated: 2, bots: 2, guests: 1, seed: 9, adminOnlyWorkspaces: 1 });
const lab = seed.organization!.workspaces![0];
const byId = (a: { id?: string }, b: { id?: string }) => ((a.id ?? '') < (b.id ?? '') ? -1 : 1);

/** What the main workspace's list must hold: active members and bots, by id. */
function expectedMain(): object[] {
	const people = seed.members
		.filter((m) => m.active !== false)
		.map((m) => ({ object: 'user', id: m.id, type: 'person', name: m.name, avatar_url: null, person: { email: m.email } }));
	const bots = seed.bots.map((b) => ({ object: 'user', id: b.id, type: 'bot', name: b.name, avatar_url: null, bot: {} }));
	return [...people, ...bots].sort(byId);
}

describe('Admin API: list users of a workspace', () => {
	const emu = useEmulator({ seed });
	const main = () => `/spaces/${seed.workspace.id}/users`;

	it('answers active members (restricted included) and bots as user objects, by id, without deactivated ones or guests', async () => {
		const reply = await admin(emu(), main());
		expect(reply.status).toBe(200);
		expect(reply.body).toEqual({ object: 'list', type: 'user', results: expectedMain(), has_more: false, next_cursor: null });
		const ids = reply.body.results.map((u: { id: string }) => u.id);
		expect(ids).not.toContain(seed.guests[0].id);
		expect(ids).not.toContain(seed.members[23].id);
		expect(reply.body.results.some((u: { id: string }) => seed.members.find((m) => m.id === u.id)?.role === 'restricted_member')).toBe(true);
	});

	it('pages across pages with page_size, each user once', async () => {
		const { results, pages } = await allPages(emu(), main(), 5);
		expect(pages).toBe(5);
		expect(results).toEqual(expectedMain());
	});

	it('keeps a cursor valid when a user of an earlier page leaves', async () => {
		const first = await admin(emu(), `${main()}?page_size=5`);
		const leaver = first.body.results.find((u: { id: string; type: string }) => u.type === 'person' && u.id !== seed.scimTokenOwnerId);
		expect((await scim(emu(), 'DELETE', `/Users/${leaver.id}`)).status).toBe(204);
		const { results } = await allPages(emu(), main(), 100);
		const rest = await admin(emu(), `${main()}?page_size=100&start_cursor=${first.body.next_cursor}`);
		expect(rest.status).toBe(200);
		expect(rest.body.results).toEqual(results.slice(4));
	});

	it('drops a member removed through SCIM, and one deactivated through SCIM, at once', async () => {
		const [removed, deactivated] = seed.members.filter((m, i) => i > 0 && m.active !== false && m.role === 'member');
		const before = (await admin(emu(), main())).body.results.map((u: { id: string }) => u.id);
		expect(before).toEqual(expect.arrayContaining([removed.id, deactivated.id]));
		expect((await scim(emu(), 'DELETE', `/Users/${removed.id}`)).status).toBe(204);
		const patched = await scim(emu(), 'PATCH', `/Users/${deactivated.id}`, patchOp({ op: 'replace', path: 'active', value: false }));
		expect(patched.status).toBe(200);
		const ids = (await admin(emu(), main())).body.results.map((u: { id: string }) => u.id);
		expect(ids).not.toContain(removed.id);
		expect(ids).not.toContain(deactivated.id);
		expect(ids).toHaveLength(expectedMain().length - 2);
		// The standard API agrees: one state.
		const standard = (await api(emu(), '/users')).body.results.map((u: { id: string }) => u.id);
		expect([...standard].sort()).toEqual([...ids].sort());
	});

	it('shows a member added through SCIM', async () => {
		expect((await admin(emu(), main())).status).toBe(200);
		const created = await scim(emu(), 'POST', '/Users', { userName: 'new.hire@acme.test', name: { formatted: 'New Hire' } });
		expect(created.status).toBe(201);
		const users = (await admin(emu(), main())).body.results;
		expect(users).toContainEqual({ object: 'user', id: created.body.id, type: 'person', name: 'New Hire', avatar_url: null, person: { email: 'new.hire@acme.test' } });
	});

	it('lists an Admin-API-only workspace from the seed, one account per email across the organization', async () => {
		const reply = await admin(emu(), `/spaces/${lab.id}/users`);
		expect(reply.status).toBe(200);
		const people = reply.body.results.filter((u: { type: string }) => u.type === 'person');
		expect(people).toHaveLength(lab.members.length);
		const shared = lab.members[0];
		const mainId = seed.members.find((m) => m.email === shared.email)!.id;
		expect(people.find((u: { person: { email: string } }) => u.person.email === shared.email).id).toBe(mainId);
		expect(reply.body.results.filter((u: { type: string }) => u.type === 'bot')).toEqual([
			{ object: 'user', id: expect.any(String), type: 'bot', name: 'Lab 1 bot', avatar_url: null, bot: {} },
		]);
	});

	it('answers 404 object_not_found for a workspace outside the organization, 400 for a malformed id', async () => {
		const unknown = await admin(emu(), '/spaces/7a1d2c3b-0000-4000-8000-00000000abcd/users');
		expect(unknown.status).toBe(404);
		expect(unknown.body).toEqual({
			object: 'error',
			status: 404,
			code: 'object_not_found',
			message: expect.stringContaining('7a1d2c3b-0000-4000-8000-00000000abcd'),
			request_id: unknown.headers.get('x-notion-request-id'),
		});
		const malformed = await admin(emu(), '/spaces/not-a-uuid/users');
		expect(malformed.status).toBe(400);
		expect(malformed.body).toMatchObject({ code: 'validation_error', message: expect.stringContaining('space_id') });
	});

	it('refuses a cursor of another list', async () => {
		const spaces = await admin(emu(), '/spaces?page_size=1');
		const reply = await admin(emu(), `${main()}?start_cursor=${spaces.body.next_cursor}`);
		expect(reply.status).toBe(400);
		expect(reply.body.code).toBe('validation_error');
	});
});
