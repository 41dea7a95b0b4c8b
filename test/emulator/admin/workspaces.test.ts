/** GET /admin/v1/spaces: the organization's live workspaces, by id, paged (P1). */
import { generateSeed, type Seed } from '../../../tools/notion-emulator';
import { useEmulator } from '../../../tools/notion-emulator/support';
import { admin, allPages } from './support';

const seed: Seed = generateSeed({ members: 10, seed: 5, adminOnlyWorkspaces: 3 });
const organization = seed.organization!;
organization.workspaces!.push({
	id: '0f000000-0000-4000-8000-000000000001',
	name: 'Closed workspace',
	members: [],
	deleted: true,
});
const live = [
	{ id: seed.workspace.id, name: seed.workspace.name },
	...organization.workspaces!.filter((w) => !w.deleted).map((w) => ({ id: w.id, name: w.name })),
].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('Admin API: list workspaces', () => {
	const emu = useEmulator({ seed });

	it('answers every live workspace of the organization, ordered by id, in a P1 list', async () => {
		const reply = await admin(emu(), '/spaces');
		expect(reply.status).toBe(200);
		expect(reply.body).toEqual({ object: 'list', type: 'space', results: live, has_more: false, next_cursor: null });
	});

	it('pages with page_size and start_cursor, each workspace once', async () => {
		const { results, pages } = await allPages(emu(), '/spaces', 1);
		expect(pages).toBe(4);
		expect(results).toEqual(live);
	});

	it('hands out opaque cursors that are not workspace ids', async () => {
		const first = await admin(emu(), '/spaces?page_size=2');
		expect(first.body).toMatchObject({ has_more: true, next_cursor: expect.any(String) });
		expect(live.map((w) => w.id)).not.toContain(first.body.next_cursor);
		const second = await admin(emu(), `/spaces?page_size=2&start_cursor=${first.body.next_cursor}`);
		expect(second.body).toEqual({ object: 'list', type: 'space', results: live.slice(2), has_more: false, next_cursor: null });
	});

	it('shows the main workspace, with its id and name, in the control snapshot', () => {
		const snapshot = emu().control.snapshot();
		expect(snapshot.organization?.workspaces.filter((w) => w.kind === 'main')).toEqual([
			{ id: seed.workspace.id, name: seed.workspace.name, kind: 'main', deleted: false, enterpriseManagedMcp: true },
		]);
		expect(snapshot.organization?.workspaces).toHaveLength(5);
	});

	it('leaves the last page cursor out when adminLastPageCursor is "omitted"', async () => {
		emu().control.setBehaviours({ adminLastPageCursor: 'omitted' });
		const reply = await admin(emu(), '/spaces');
		expect(reply.body).toEqual({ object: 'list', type: 'space', results: live, has_more: false });
	});
});
