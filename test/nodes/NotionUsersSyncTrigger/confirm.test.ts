/** Proving claimed removals and deactivations with the real connector against the emulator. */
import {
	gatherEvidence,
	isCollapsed,
	MAX_LOOKUPS_UNTRUSTED,
	type Trust,
} from '../../../nodes/NotionUsersSyncTrigger/confirm';
import { MAX_LOOKUPS } from '../../../nodes/common/connector/memberResolution';
import { encodeId } from '../../../nodes/NotionUsersSyncTrigger/storedBaseline';
import { generateSeed } from '../../../tools/notion-emulator';
import type { Emulator } from '../../../tools/notion-emulator/types';
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

function trustOn(clock: { now: () => number }, deadlineMs = 60_000): Trust {
	return { source: 'scim', baselineSize: 150, deadline: clock.now() + deadlineMs, now: clock.now, canRelist: () => true };
}

describe('gatherEvidence', () => {
	it('looks each missing member up by id: gone ones are confirmed, found ones disprove the listing', async () => {
		const { directory, clock } = directoryOn(emulator);
		emulator.control.removeMember(idOf(5));
		emulator.control.resetLog();

		const evidence = await gatherEvidence(
			directory,
			{ missing: [encodeId(idOf(5)), encodeId(idOf(6))], deactivated: [] },
			trustOn(clock),
		);
		expect([...evidence.gone]).toEqual([encodeId(idOf(5))]);
		expect(evidence.present.map((member) => member.id)).toEqual([idOf(6)]);
		expect(evidence.contradicted).toBe(true);
		expect(emulator.control.requestCounts()).toEqual({ 'GET /scim/v2/Users/{id}': 2 });
	});

	it('confirms a deactivation only when Notion shows the member inactive', async () => {
		const { directory, clock } = directoryOn(emulator);
		emulator.control.updateMember(idOf(7), { active: false });

		const evidence = await gatherEvidence(
			directory,
			{ missing: [], deactivated: [encodeId(idOf(7)), encodeId(idOf(8))] },
			trustOn(clock),
		);
		expect([...evidence.deactivated]).toEqual([encodeId(idOf(7))]);
		expect(evidence.present.map((member) => [member.id, member.active])).toEqual([[idOf(8), true]]);
	});

	it('lists once more instead of looking up many members, and trusts a consistent second listing', async () => {
		const { directory, clock } = directoryOn(emulator);
		const removed = Array.from({ length: MAX_LOOKUPS + 5 }, (_, i) => idOf(10 + i));
		for (const id of removed) emulator.control.removeMember(id);
		const missing = [...removed, idOf(100)].map(encodeId);
		emulator.control.resetLog();

		const evidence = await gatherEvidence(directory, { missing, deactivated: [] }, trustOn(clock));
		expect([...evidence.gone].sort()).toEqual(removed.map(encodeId).sort());
		expect(evidence.present.map((member) => member.id)).toEqual([idOf(100)]);
		expect(emulator.control.requestCounts()['GET /scim/v2/Users/{id}']).toBeUndefined();
	});

	it('does not take a second listing that collapsed as proof: it looks members up, a bounded number a poll', async () => {
		const { directory, clock } = directoryOn(emulator);
		const claimed = Array.from({ length: MAX_LOOKUPS_UNTRUSTED + 20 }, (_, i) => idOf(i + 1));
		// The listing lies (empty), the lookups tell the truth: nobody is gone.
		emulator.control.scriptFaults(['emptyList']);
		emulator.control.resetLog();

		const evidence = await gatherEvidence(directory, { missing: claimed.map(encodeId), deactivated: [] }, trustOn(clock));
		expect(evidence.gone.size).toBe(0);
		expect(evidence.present).toHaveLength(MAX_LOOKUPS_UNTRUSTED);
		expect(evidence.unresolved.size).toBe(20);
		expect(emulator.control.requestCounts()['GET /scim/v2/Users/{id}']).toBe(MAX_LOOKUPS_UNTRUSTED);
	});

	it('confirms nothing past the deadline: the caller keeps those members for the next poll', async () => {
		const { directory, clock } = directoryOn(emulator);
		emulator.control.removeMember(idOf(5));
		const evidence = await gatherEvidence(directory, { missing: [encodeId(idOf(5))], deactivated: [] }, trustOn(clock, 0));
		expect(evidence.gone.size).toBe(0);
		expect([...evidence.unresolved]).toEqual([encodeId(idOf(5))]);
	});
});

describe('isCollapsed', () => {
	it('takes an empty listing, or one under half the baseline, as collapsed', () => {
		expect(isCollapsed(0, 1)).toBe(true);
		expect(isCollapsed(49, 100)).toBe(true);
		expect(isCollapsed(50, 100)).toBe(false);
		expect(isCollapsed(0, 0)).toBe(false);
	});
});

describe('gatherEvidence through the other source', () => {
	it('takes no 404 from the standard API as proof for a listing made through SCIM', async () => {
		const { directory, clock } = directoryOn(emulator);
		emulator.control.updateMember(idOf(7), { active: false });
		// SCIM stops answering: the lookup falls back to the standard API, which does not list
		// deactivated members and answers 404 for them.
		emulator.control.revokeScimToken();
		const evidence = await gatherEvidence(directory, { missing: [encodeId(idOf(7))], deactivated: [] }, trustOn(clock));
		expect(evidence.gone.size).toBe(0);
		expect([...evidence.unresolved]).toEqual([encodeId(idOf(7))]);
	});
});
