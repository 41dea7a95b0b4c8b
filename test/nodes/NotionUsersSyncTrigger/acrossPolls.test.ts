/**
 * A workspace too large to list within one poll's budget: the listing goes on across polls
 * (a pending part in static data), partial polls emit nothing and leave the baseline alone,
 * and the poll that completes the listing reports every change exactly once.
 *
 * The credential's pacing (20 requests a second) and a 400 ms poll budget (listing deadline
 * 300 ms) let one poll read at most about 12 of the 25 pages, whatever the machine's speed, so
 * every listing here spans at least 3 polls. Baselines are taken with a wide budget.
 */
import type { IDataObject } from 'n8n-workflow';

import { generateSeed } from '../../../tools/notion-emulator';
import type { Emulator } from '../../../tools/notion-emulator/types';
import type { PollHarness } from '../../../tools/engine-harness';
import { emitted, eventList, FaultRelay, startSyncWorkspace, storedState, syncTrigger, type TriggerSetup } from './support';

const RATE = 20;
const BUDGET_MS = 400;
const WIDE_BUDGET = () => 120_000;
const seed = generateSeed({ members: 2500, deactivated: 5, bots: 1, guests: 0, groups: 0, seed: 21 });
/** Member 0 owns the SCIM token; 2,495.. are deactivated. */
const memberId = (index: number) => seed.members[index].id as string;

let emulator: Emulator;
beforeEach(async () => {
	emulator = await startSyncWorkspace(seed);
});
afterEach(async () => {
	jest.restoreAllMocks();
	await emulator.stop();
});

function largeTrigger(setup: TriggerSetup = {}): PollHarness {
	return syncTrigger(emulator, { requestsPerSecond: RATE, getPollBudgetMs: () => BUDGET_MS, ...setup });
}

async function takeBaseline(trigger: PollHarness): Promise<void> {
	expect(await trigger.poll({ getPollBudgetMs: WIDE_BUDGET })).toBeNull();
	expect(trigger.staticData().baseline).toBeDefined();
	expect(trigger.staticData().pending).toBeUndefined();
}

function pendingOf(trigger: PollHarness): IDataObject | undefined {
	return trigger.staticData().pending as IDataObject | undefined;
}

/**
 * Polls until the listing in progress completes (no pending part left). Every poll before
 * that must emit nothing and leave the baseline exactly as it was.
 */
async function cycle(trigger: PollHarness): Promise<{ polls: number; items: IDataObject[] }> {
	const baseline = JSON.stringify(trigger.staticData().baseline);
	for (let polls = 1; polls <= 200; polls++) {
		const result = await trigger.poll();
		if (pendingOf(trigger) === undefined) return { polls, items: emitted(result) ?? [] };
		expect(result).toBeNull();
		expect(JSON.stringify(trigger.staticData().baseline)).toBe(baseline);
	}
	throw new Error('the listing never completed');
}

const asEvents = (items: IDataObject[]) => eventList([items.map((json) => ({ json }))]) ?? [];

/**
 * Cycles until two in a row report nothing: every event on the way, sorted (each must appear
 * once). Two, because a removal or deactivation that a completing poll had no time left to
 * prove with Notion is proven by a later listing.
 */
async function eventsUntilQuiet(trigger: PollHarness): Promise<string[]> {
	const events: string[] = [];
	let quiet = 0;
	for (let cycles = 0; cycles < 8; cycles++) {
		const { items } = await cycle(trigger);
		quiet = items.length === 0 ? quiet + 1 : 0;
		if (quiet === 2) return events.sort();
		events.push(...asEvents(items));
	}
	throw new Error('the trigger kept reporting changes');
}

describe('a listing longer than one poll', () => {
	it('spans 3+ polls, emits nothing until it completes, then reports each change once with full members', async () => {
		const trigger = largeTrigger();
		await takeBaseline(trigger);
		const joiner = emulator.control.addMember({ email: 'joiner@acme.test', name: 'Joy Ner', role: 'member' });
		emulator.control.removeMember(memberId(1500));
		// Early in the listing: these members are read by the first partial poll.
		emulator.control.updateMember(memberId(30), { name: 'Renamed Early', givenName: 'Renamed', familyName: 'Early' });
		emulator.control.updateMember(memberId(40), { role: 'owner' });
		emulator.control.updateMember(memberId(2200), { active: false });

		const { polls, items } = await cycle(trigger);
		expect(polls).toBeGreaterThanOrEqual(3);
		expect(asEvents(items).sort()).toEqual(
			[
				`member.added ${joiner}`,
				`member.removed ${memberId(1500)}`,
				`member.updated ${memberId(30)}`,
				`member.role_changed ${memberId(40)}`,
				`member.deactivated ${memberId(2200)}`,
			].sort(),
		);
		// Members listed by an earlier poll are reported in full: their names were kept.
		const renamed = items.find((item) => item.event === 'member.updated');
		expect(renamed?.changes).toMatchObject({ name: { after: 'Renamed Early', givenName: 'Renamed', familyName: 'Early' } });
		const promoted = items.find((item) => item.event === 'member.role_changed');
		expect(promoted?.member).toMatchObject({ name: seed.members[40].name, email: seed.members[40].email, role: 'owner' });

		expect((await cycle(trigger)).items).toEqual([]);
	});

	it('reports a change made between two partial polls, before or after the cursor, once', async () => {
		const trigger = largeTrigger();
		await takeBaseline(trigger);
		expect(await trigger.poll()).toBeNull();
		expect(pendingOf(trigger)).toBeDefined();

		emulator.control.updateMember(memberId(10), { name: 'Already Listed' });
		emulator.control.updateMember(memberId(2400), { name: 'Not Yet Listed' });
		emulator.control.removeMember(memberId(2300));
		const joiner = emulator.control.addMember({ email: 'late@acme.test', name: 'Late Joiner', role: 'member' });

		expect(await eventsUntilQuiet(trigger)).toEqual(
			[
				`member.updated ${memberId(10)}`,
				`member.updated ${memberId(2400)}`,
				`member.removed ${memberId(2300)}`,
				`member.added ${joiner}`,
			].sort(),
		);
	});

	it('SCIM: one leaving before the cursor and one joining keep the total, yet the shift is caught and nobody is falsely removed', async () => {
		const trigger = largeTrigger();
		await takeBaseline(trigger);
		expect(await trigger.poll()).toBeNull();
		emulator.control.removeMember(memberId(10));
		const joiner = emulator.control.addMember({ email: 'joiner@acme.test', name: 'Joy Ner', role: 'member' });

		expect(await trigger.poll()).toBeNull();
		expect(pendingOf(trigger)?.consistent).toBe(false);
		expect(await eventsUntilQuiet(trigger)).toEqual([`member.added ${joiner}`, `member.removed ${memberId(10)}`].sort());
	});

	for (const scim of [true, false]) {
		it(`${scim ? 'SCIM' : 'standard API'}: a member removed after an earlier poll listed it is reported removed once, later`, async () => {
			const trigger = largeTrigger({ scim });
			await takeBaseline(trigger);
			expect(await trigger.poll()).toBeNull();
			emulator.control.removeMember(memberId(10));

			// This listing did see the member: its departure is for the next listing to find.
			expect((await cycle(trigger)).items).toEqual([]);
			expect(await eventsUntilQuiet(trigger)).toEqual([`member.removed ${memberId(10)}`]);
		});
	}

	it('a source change between partial polls starts the listing over: one source.changed, no false removal', async () => {
		const trigger = largeTrigger();
		await takeBaseline(trigger);
		expect(await trigger.poll()).toBeNull();
		expect(pendingOf(trigger)?.source).toBe('scim');
		emulator.control.revokeScimToken();

		expect(await eventsUntilQuiet(trigger)).toEqual(['source.changed api']);
	});
});

describe('faults and manual runs while a listing is pending', () => {
	let relay: FaultRelay;
	let url: string;
	beforeEach(async () => {
		// Full jitter with a random draw of 0: retries go out at once.
		jest.spyOn(Math, 'random').mockReturnValue(0);
		relay = new FaultRelay(emulator);
		url = await relay.start();
	});
	afterEach(async () => {
		await relay.stop();
	});

	it('a poll that fails mid-way keeps the pending part; the next one resumes it and the changes come once', async () => {
		const trigger = largeTrigger({ url, scim: false });
		await takeBaseline(trigger);
		const joiner = emulator.control.addMember({ email: 'joiner@acme.test', name: 'Joy Ner', role: 'member' });
		emulator.control.removeMember(memberId(2000));
		expect(await trigger.poll()).toBeNull();
		const before = storedState(trigger);
		const listedBefore = Number(pendingOf(trigger)?.count);

		relay.failFrom(1, '503');
		await expect(trigger.poll()).rejects.toThrow();
		expect(storedState(trigger)).toEqual(before);

		relay.reset();
		await trigger.poll();
		const pending = pendingOf(trigger);
		// Resumed, not started over: the pending part grew (or the listing completed).
		if (pending !== undefined) {
			expect(Number(pending.count)).toBeGreaterThan(listedBefore);
			expect(pending.polls).toBe(Number((before as { pending: IDataObject }).pending.polls) + 1);
		}
		const events = pending === undefined ? [] : asEvents((await cycle(trigger)).items);
		expect(events.sort()).toEqual([`member.added ${joiner}`, `member.removed ${memberId(2000)}`].sort());
		expect((await cycle(trigger)).items).toEqual([]);
	});

	it('manual mode neither uses nor touches the pending part or the baseline', async () => {
		const trigger = largeTrigger({ url });
		await takeBaseline(trigger);
		const joiner = emulator.control.addMember({ email: 'joiner@acme.test', name: 'Joy Ner', role: 'member' });
		expect(await trigger.poll()).toBeNull();
		const before = storedState(trigger);

		const manual = emitted(await trigger.poll({ mode: 'manual' }));
		expect(manual).toHaveLength(1);
		expect(manual?.[0]).toMatchObject({ event: 'member.added', sample: true });
		expect(storedState(trigger)).toEqual(before);

		expect(await eventsUntilQuiet(trigger)).toEqual([`member.added ${joiner}`]);
	});
});
