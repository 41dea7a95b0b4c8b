import { MAX_LOOKUPS } from '../../nodes/common/connector/memberResolution';
import { generateSeed, type Emulator } from '../../tools/notion-emulator';
import { directoryOn, startWorkspace } from './workspace';

const NOBODY = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'];

describe('resolving members: look up a few, list for many', () => {
	let emulator: Emulator;
	const seed = generateSeed({ members: 257, groups: 1, seed: 5 });
	const memberIds = () => emulator.control.snapshot().members.map((member) => member.id);

	beforeEach(async () => {
		emulator = await startWorkspace({ seed });
	});
	afterEach(() => emulator.stop());

	it(`looks up to ${MAX_LOOKUPS} members one by one: present or absent, each from its own answer`, async () => {
		const { directory } = directoryOn(emulator);
		const ids = [...memberIds().slice(0, MAX_LOOKUPS - NOBODY.length), ...NOBODY];

		const resolution = await directory.resolveMembers(ids);

		expect(emulator.control.requestCounts()).toEqual({ 'GET /scim/v2/Users/{id}': MAX_LOOKUPS });
		expect(resolution.listing).toBeUndefined();
		expect(resolution.present.map(({ member }) => member.id)).toEqual(ids.slice(0, MAX_LOOKUPS - NOBODY.length));
		for (const id of NOBODY) expect(resolution.answers.get(id)).toEqual({ state: 'absent', via: { source: 'scim' } });
	});

	it('lists once for more, and a complete, consistent listing proves absences', async () => {
		const { directory } = directoryOn(emulator);
		const ids = [...memberIds().slice(0, 40), ...NOBODY];

		const resolution = await directory.resolveMembers(ids);

		expect(emulator.control.requestCounts()).toEqual({ 'GET /scim/v2/Users': 3 });
		expect(resolution.listingTrusted).toBe(true);
		expect(resolution.present).toHaveLength(40);
		expect(resolution.answers.get(NOBODY[0])).toEqual({ state: 'absent', via: { source: 'scim' } });
	});

	it('a listing the caller does not accept proves who is there, not who is not; the rest may be looked up', async () => {
		const { directory } = directoryOn(emulator);
		const ids = [...memberIds().slice(0, 40), ...NOBODY];

		const resolution = await directory.resolveMembers(ids, { trustListing: () => false, lookupsWithoutTrustedListing: 1 });

		expect(resolution.listingTrusted).toBe(false);
		expect(resolution.present).toHaveLength(40);
		expect(resolution.answers.get(NOBODY[0])).toEqual({ state: 'absent', via: { source: 'scim' } });
		expect(resolution.answers.get(NOBODY[1])).toEqual({ state: 'unknown' });
		expect(emulator.control.requestCounts()['GET /scim/v2/Users/{id}']).toBe(1);
	});

	it('answers through another source than the one asked for prove nothing', async () => {
		const { directory } = directoryOn(emulator);
		const ids = [memberIds()[0], NOBODY[0]];

		const resolution = await directory.resolveMembers(ids, { source: 'api' });

		expect([...resolution.answers.values()]).toEqual([{ state: 'unknown' }, { state: 'unknown' }]);
		expect(resolution.present).toEqual([]);
	});

	it('starts nothing past the deadline and says the time ran out', async () => {
		const { directory, clock } = directoryOn(emulator);

		const resolution = await directory.resolveMembers([memberIds()[0]], { deadline: clock.now() - 1 });

		expect(resolution.outOfTime).toBe(true);
		expect(resolution.answers.get(memberIds()[0])).toEqual({ state: 'unknown' });
		expect(emulator.control.requestCounts()).toEqual({});
	});
});
