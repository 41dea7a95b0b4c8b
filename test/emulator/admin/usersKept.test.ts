/**
 * The Admin API's user list of a store-backed workspace is sorted once and kept while the store
 * is unchanged (paging 100,000 users must not sort them all again for every page of 100), yet a
 * change made between two pages shows on the next one: a rename and a change of address too,
 * which leave the list's length and ids as they were.
 */
import { generateSeed, type Seed } from '../../../tools/notion-emulator';
import { storeUsers } from '../../../tools/notion-emulator/admin/orgUsers';
import { Workspace } from '../../../tools/notion-emulator/store';
import { patchOp, scim, useEmulator } from '../../../tools/notion-emulator/support';
import { admin, allPages } from './support';

const seed: Seed = generateSeed({ members: 30, deactivated: 1, bots: 1, guests: 1, seed: 21 });

describe('Admin API user list kept between pages', () => {
	it('is the same list for every page while the store does not change, and a new one after a change', () => {
		const store = Workspace.fromSeed(seed);
		const first = storeUsers(store);
		expect(storeUsers(store)).toBe(first);
		store.joinNewcomer();
		const after = storeUsers(store);
		expect(after).not.toBe(first);
		expect(after).toHaveLength(first.length + 1);
		expect(storeUsers(store)).toBe(after);
	});

	describe('over HTTP', () => {
		const emu = useEmulator({ seed });
		const main = () => `/spaces/${seed.workspace.id}/users`;
		const someone = () => seed.members.find((m, i) => i > 0 && m.active !== false && m.role === 'member')!;

		it('shows a rename and a new address made through SCIM after the list was read', async () => {
			const before = await allPages(emu(), main(), 10);
			const who = someone();
			expect(before.results).toContainEqual(expect.objectContaining({ id: who.id, name: who.name }));
			expect((await scim(emu(), 'PATCH', `/Users/${who.id}`, patchOp({ op: 'replace', path: 'name.formatted', value: 'Renamed Person' }))).status).toBe(200);
			expect((await scim(emu(), 'PATCH', `/Users/${who.id}`, patchOp({ op: 'replace', path: 'userName', value: 'renamed.person@acme.test' }))).status).toBe(200);
			const after = await allPages(emu(), main(), 10);
			expect(after.results.map((u) => u.id)).toEqual(before.results.map((u) => u.id));
			expect(after.results.find((u) => u.id === who.id)).toMatchObject({ name: 'Renamed Person', person: { email: 'renamed.person@acme.test' } });
		});

		it('a page read after a member left, with a cursor from before, no longer has them', async () => {
			const first = await admin(emu(), `${main()}?page_size=5`);
			const all = await allPages(emu(), main(), 100);
			const leaver = all.results.slice(10).find((u) => seed.members.some((m) => m.id === u.id && m.role === 'member'))!;
			expect((await scim(emu(), 'DELETE', `/Users/${leaver.id}`)).status).toBe(204);
			const rest = await admin(emu(), `${main()}?page_size=100&start_cursor=${first.body.next_cursor}`);
			expect(rest.body.results.map((u: { id: string }) => u.id)).not.toContain(leaver.id);
			expect(rest.body.results).toHaveLength(all.results.length - 5 - 1);
		});
	});
});
