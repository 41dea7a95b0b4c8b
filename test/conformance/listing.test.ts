/**
 * Listings on a strict RFC server: pages the server clamps (count above its maximum of 50) and a
 * startIndex past the end (an empty page) are taken in stride.
 */
import { directoryOn, startWorkspace } from '../connector/workspace';
import { generateSeed, type Emulator } from '../../tools/notion-emulator';
import { STRICT_RFC_BEHAVIOURS } from '../../tools/notion-emulator/scim/strictRfc';

const seed = generateSeed({ members: 120, deactivated: 2, bots: 1, guests: 0, groups: 0, seed: 21 });

describe('listing on a strict RFC server', () => {
	let emulator: Emulator;
	beforeEach(async () => {
		emulator = await startWorkspace({ seed, behaviours: STRICT_RFC_BEHAVIOURS });
	});
	afterEach(() => emulator.stop());

	it('lists everyone in pages the server clamps to 50, roles unknown without the Notion extension', async () => {
		const { directory } = directoryOn(emulator);
		const listing = await directory.listMembers();
		expect(listing).toMatchObject({ complete: true, consistent: true });
		expect(new Set(listing.members.map((member) => member.id))).toEqual(new Set(seed.members.map((member) => member.id)));
		expect(new Set(listing.members.map((member) => member.role))).toEqual(new Set(['unknown']));
	});

	it('a listing resumed past the end (members left meanwhile) ends without inventing anyone', async () => {
		const { directory } = directoryOn(emulator, { tuning: { pageSize: 10 } });
		const all = (await directory.listMembers()).members;
		const resumed = await directory.listMembers({
			resume: { source: 'scim', startIndex: seed.members.length + 20, totalResults: seed.members.length, lastId: all[all.length - 1].id },
		});
		expect(resumed.complete).toBe(true);
		const known = new Set(seed.members.map((member) => member.id));
		expect(resumed.members.every((member) => known.has(member.id))).toBe(true);
	});
});
