/**
 * Answers that look valid but are wrong: a listing that comes back empty, shapeless, cut short
 * or shifted must never turn into a false `member.removed`, and a stored baseline this version
 * cannot read must never be silently replaced. Each case failed before removals were proven.
 */
import { encodeBaseline } from '../../../nodes/NotionUsersSyncTrigger/storedBaseline';
import { generateSeed } from '../../../tools/notion-emulator';
import type { Emulator, ListFaultKind } from '../../../tools/notion-emulator/types';
import { eventList, startSyncWorkspace, storedState, syncTrigger, type TriggerSetup } from './support';

// 250 people and a bot: 3 pages through SCIM and through the standard API.
const seed = generateSeed({ members: 250, deactivated: 0, bots: 1, guests: 0, groups: 0, seed: 31 });
const memberId = (index: number) => seed.members[index].id as string;

let emulator: Emulator;
beforeEach(async () => {
	emulator = await startSyncWorkspace(seed);
});
afterEach(async () => {
	await emulator.stop();
});

async function withBaseline(setup: TriggerSetup = {}) {
	const trigger = syncTrigger(emulator, setup);
	expect(await trigger.poll()).toBeNull();
	return trigger;
}

describe('a listing answer that looks valid but is wrong', () => {
	const cases: Array<[string, boolean, ListFaultKind]> = [
		['SCIM answers an empty listing', true, 'emptyList'],
		['SCIM answers {}', true, 'shapelessList'],
		['SCIM answers a totalResults smaller than the real count', true, 'shortTotal'],
		['SCIM leaves a member out of a page', true, 'missingMember'],
		['the standard API answers results: []', false, 'emptyList'],
		['the standard API ends the listing early', false, 'shortTotal'],
	];
	it('the standard API answers {}: the poll fails and keeps its baseline, the next reports nothing', async () => {
		const trigger = await withBaseline({ scim: false });
		const before = storedState(trigger);
		emulator.control.scriptFaults(['shapelessList']);
		await expect(trigger.poll()).rejects.toThrow(/without a list of users/);
		expect(storedState(trigger)).toEqual(before);
		expect(eventList(await trigger.poll())).toBeNull();
	});
	for (const [title, scim, fault] of cases) {
		it(`${title}: nobody is reported removed, and the next poll reports nothing either`, async () => {
			const trigger = await withBaseline({ scim });
			emulator.control.scriptFaults([fault]);
			expect(eventList(await trigger.poll())).toBeNull();
			expect(eventList(await trigger.poll())).toBeNull();
		});
	}

	it('a real departure hidden behind an empty answer is still reported, once', async () => {
		const trigger = await withBaseline();
		emulator.control.removeMember(memberId(42));
		emulator.control.scriptFaults(['emptyList']);
		const first = eventList(await trigger.poll()) ?? [];
		const second = eventList(await trigger.poll()) ?? [];
		expect([...first, ...second]).toEqual([`member.removed ${memberId(42)}`]);
	});

	it('one member leaving and another joining between two page reads: no false removal, each change once', async () => {
		const trigger = await withBaseline();
		// Before the 2nd list request: a member on page 1 (already read) leaves, so page 2 starts
		// one member later and the first member of page 2 is never read; a newcomer joins at the
		// end. The total does not change.
		emulator.control.scriptListingChanges([
			{ beforeListRequest: 2, change: 'leave', pick: 10 },
			{ beforeListRequest: 2, change: 'join', at: 'last' },
		]);
		// The member shifted out of the listing is found by its lookup: the listing missed someone,
		// so the poll lists again and reports the real departure at once.
		const events = eventList(await trigger.poll()) ?? [];
		const removed = events.filter((event) => event.startsWith('member.removed'));
		const added = events.filter((event) => event.startsWith('member.added'));
		expect(removed).toHaveLength(1);
		expect(added).toHaveLength(1);
		expect(events).toHaveLength(2);
		const stillThere = emulator.control.snapshot().members.map((member) => member.id);
		expect(stillThere).not.toContain(removed[0].split(' ')[1]);
		expect(eventList(await trigger.poll())).toBeNull();
	});

	it('more claimed removals than lookups, and every listing wrong: none is taken as proof', async () => {
		const trigger = await withBaseline({ parameters: { options: { maxRemovals: 0, maxRemovalPercent: 0 } } });
		// The poll's listing, the fresh one it tries instead, and the one meant to prove the
		// 250 claims all come back empty: only lookups by id may answer, and they find everyone.
		emulator.control.scriptFaults(['emptyList', 'emptyList', 'emptyList']);
		expect(eventList(await trigger.poll())).toBeNull();
		expect(eventList(await trigger.poll())).toBeNull();
	});
});

describe('the mass-removal guard', () => {
	it('holds a poll that would report more removals than allowed, keeps the baseline, and lets them through once raised', async () => {
		const trigger = await withBaseline();
		const leavers = Array.from({ length: 12 }, (_, i) => memberId(100 + i));
		for (const id of leavers) emulator.control.removeMember(id);
		const before = storedState(trigger);

		await expect(trigger.poll()).rejects.toThrow(/Mass-removal guard: this poll would report 12 of 250 members/);
		expect(storedState(trigger)).toEqual(before);

		trigger.setParameter('options', { maxRemovals: 20 });
		expect((eventList(await trigger.poll()) ?? []).sort()).toEqual(leavers.map((id) => `member.removed ${id}`).sort());
	});

	it('trips on the percentage in a small workspace, but never for one departure', async () => {
		const trigger = await withBaseline({ parameters: { options: { maxRemovals: 0, maxRemovalPercent: 0.5 } } });
		emulator.control.removeMember(memberId(5));
		expect(eventList(await trigger.poll())).toEqual([`member.removed ${memberId(5)}`]);
		emulator.control.removeMember(memberId(6));
		emulator.control.removeMember(memberId(7));
		await expect(trigger.poll()).rejects.toThrow(/Mass-removal guard/);
	});
});

describe('stored state from another version', () => {
	it('fails loudly on a baseline from a newer version and keeps it', async () => {
		const trigger = await withBaseline();
		const stored = trigger.staticData();
		stored.baseline = { ...(stored.baseline as object), v: 99 };
		const before = storedState(trigger);
		await expect(trigger.poll()).rejects.toThrow(/written by a newer version of this node \(stored format 99/);
		expect(storedState(trigger)).toEqual(before);
	});

	it('fails loudly on a damaged baseline, unless told to start a new one', async () => {
		const trigger = await withBaseline();
		trigger.staticData().baseline = { v: 2, records: 'garbage' };
		await expect(trigger.poll()).rejects.toThrow(/cannot be read/);
		expect(trigger.staticData().baseline).toEqual({ v: 2, records: 'garbage' });

		trigger.setParameter('options', { unreadableBaseline: 'startOver' });
		expect(await trigger.poll()).toBeNull();
		expect(trigger.staticData().baseline).toMatchObject({ v: 2, count: 250 });
	});

	it('migrates a v1 baseline: a change made since is reported', async () => {
		const trigger = await withBaseline();
		const { v: _v, listed: _listed, ...v1 } = trigger.staticData().baseline as ReturnType<typeof encodeBaseline>;
		trigger.staticData().baseline = { ...v1, v: 1 };
		emulator.control.removeMember(memberId(9));
		expect(eventList(await trigger.poll())).toEqual([`member.removed ${memberId(9)}`]);
		expect(trigger.staticData().baseline).toMatchObject({ v: 2 });
	});
});
