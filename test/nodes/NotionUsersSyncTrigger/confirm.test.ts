/** Confirming disappearances with the real connector against the emulator. */
import { confirmDisappearances, MAX_LOOKUPS } from '../../../nodes/NotionUsersSyncTrigger/confirm';
import { encodeId } from '../../../nodes/NotionUsersSyncTrigger/snapshot';
import { generateSeed } from '../../emulator';
import type { Emulator } from '../../emulator/types';
import { directoryOn, startWorkspace } from '../../connector/workspace';

const seed = generateSeed({ members: 150, deactivated: 0, bots: 1, guests: 0, groups: 0, seed: 11 });
const idOf = (index: number) => seed.members[index].id as string;

let emulator: Emulator;
beforeEach(async () => {
	emulator = await startWorkspace({ seed });
});
afterEach(async () => {
	await emulator.stop();
});

describe('confirmDisappearances', () => {
	it('looks each missing member up by id: gone ones are confirmed, found ones come back', async () => {
		const { directory, clock } = directoryOn(emulator);
		emulator.control.removeMember(idOf(5));
		emulator.control.resetLog();

		const result = await confirmDisappearances(directory, [encodeId(idOf(5)), encodeId(idOf(6))], {
			source: 'scim',
			deadline: clock.now() + 60_000,
			now: clock.now,
		});
		expect([...result.gone]).toEqual([encodeId(idOf(5))]);
		expect(result.present.map((member) => member.id)).toEqual([idOf(6)]);
		expect(emulator.control.requestCounts()).toEqual({ 'GET /scim/v2/Users/{id}': 2 });
	});

	it('lists once more instead of looking up many members, and trusts a consistent second listing', async () => {
		const { directory, clock } = directoryOn(emulator);
		const removed = Array.from({ length: MAX_LOOKUPS + 5 }, (_, i) => idOf(10 + i));
		for (const id of removed) emulator.control.removeMember(id);
		const missing = [...removed, idOf(100)].map(encodeId);
		emulator.control.resetLog();

		const result = await confirmDisappearances(directory, missing, {
			source: 'scim',
			deadline: clock.now() + 60_000,
			now: clock.now,
		});
		expect([...result.gone].sort()).toEqual(removed.map(encodeId).sort());
		expect(result.present.map((member) => member.id)).toEqual([idOf(100)]);
		expect(emulator.control.requestCounts()['GET /scim/v2/Users/{id}']).toBeUndefined();
	});

	it('confirms nothing past the deadline: the caller keeps those members for the next poll', async () => {
		const { directory, clock } = directoryOn(emulator);
		emulator.control.removeMember(idOf(5));
		const result = await confirmDisappearances(directory, [encodeId(idOf(5))], {
			source: 'scim',
			deadline: clock.now(),
			now: clock.now,
		});
		expect(result).toEqual({ gone: new Set(), present: [] });
	});
});
