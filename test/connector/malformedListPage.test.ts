/**
 * A SCIM list page that is a 200 but not a list (`{}`: no totalResults, no Resources) is a bad
 * answer: the connector asks again and never takes it for an empty workspace. Through the
 * directory alone, so no later safeguard (the trigger's proof of removals) hides a connector that
 * would.
 */
import { generateSeed, type Emulator } from '../../tools/notion-emulator';
import { directoryOn, startWorkspace } from './workspace';

describe('a malformed 200 SCIM list page', () => {
	let emulator: Emulator;

	beforeEach(async () => {
		emulator = await startWorkspace({ seed: generateSeed({ members: 30, bots: 0, guests: 0, groups: 0, deactivated: 0, seed: 5 }) });
	});
	afterEach(() => emulator.stop());

	it('is asked again, and the listing holds every member through SCIM', async () => {
		emulator.control.scriptFaults(['shapelessList']);
		const { directory } = directoryOn(emulator);
		const listing = await directory.listMembers();
		expect(listing.via).toEqual({ source: 'scim' });
		expect(listing.members.map((member) => member.id).sort()).toEqual(
			emulator.control.snapshot().members.map((member) => member.id).sort(),
		);
		expect(emulator.control.requestCounts()['GET /scim/v2/Users']).toBe(2);
	});

	it('that never gets better fails the listing (or leaves SCIM), never lists nobody', async () => {
		emulator.control.scriptFaults(Array.from({ length: 10 }, () => 'shapelessList' as const));
		const { directory } = directoryOn(emulator);
		const listed = await directory.listMembers().then(
			(listing) => listing,
			() => undefined,
		);
		if (listed !== undefined) {
			// Only the standard API may answer instead, and it says why.
			expect(listed.via.source).toBe('api');
			expect(listed.members.length).toBeGreaterThan(0);
		}
	});
});
