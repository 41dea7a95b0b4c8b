/**
 * Failed, partial and slow polls: whatever fails, the trigger emits no false event, keeps its
 * baseline, and the next good poll reports exactly the true changes once.
 */
import { generateSeed } from '../../../tools/notion-emulator';
import type { Emulator, FaultKind } from '../../../tools/notion-emulator/types';
import { eventList, FaultRelay, startSyncWorkspace, storedState, syncTrigger, type TriggerSetup } from './support';

// 250 people and a bot: 3 pages through SCIM and through the standard API.
const seed = generateSeed({ members: 250, deactivated: 5, bots: 1, guests: 1, groups: 0, seed: 7 });
const PAGES = 3;
const leaver = seed.members[120].id as string;

let emulator: Emulator;
let relay: FaultRelay;
let url: string;
beforeEach(async () => {
	// Full jitter with a random draw of 0: retries go out at once, so fault tests take no wall time.
	jest.spyOn(Math, 'random').mockReturnValue(0);
	emulator = await startSyncWorkspace(seed);
	relay = new FaultRelay(emulator);
	url = await relay.start();
});
afterEach(async () => {
	jest.restoreAllMocks();
	await relay.stop();
	await emulator.stop();
});

/** A trigger through the relay with its baseline taken, and one real change (a join and a leave) since. */
async function triggerWithChanges(setup: TriggerSetup = {}) {
	const trigger = syncTrigger(emulator, { url, ...setup });
	expect(await trigger.poll()).toBeNull();
	const joiner = emulator.control.addMember({ email: 'newcomer@acme.test', name: 'New Comer', role: 'member' });
	emulator.control.removeMember(leaver);
	return { trigger, expected: [`member.added ${joiner}`, `member.removed ${leaver}`] };
}

const TRANSIENT: FaultKind[] = ['500', '502', '503', '504', 'edge502', 'reset', 'malformed', 'truncated'];

describe('a fault on one request', () => {
	for (const scim of [true, false]) {
		for (let page = 1; page <= PAGES; page++) {
			const fault = TRANSIENT[(page + (scim ? 0 : 3)) % TRANSIENT.length];
			it(`${scim ? 'SCIM' : 'standard API'}, page ${page} (${fault}): retried, exact events`, async () => {
				const { trigger, expected } = await triggerWithChanges({ scim });
				relay.failAt(page, [fault]);
				expect(eventList(await trigger.poll())).toEqual(expected);
				expect(await trigger.poll()).toBeNull();
			});
		}
	}
});

describe('a listing that fails for good', () => {
	for (let page = 1; page <= PAGES; page++) {
		it(`standard API, from page ${page}: the poll fails, the baseline stays, the next poll reports the changes once`, async () => {
			const { trigger, expected } = await triggerWithChanges({ scim: false });
			const before = storedState(trigger);
			relay.failFrom(page, '503');

			await expect(trigger.poll()).rejects.toThrow();
			expect(relay.requests()).toBe(page + 4);
			expect(storedState(trigger)).toEqual(before);

			relay.reset();
			expect(eventList(await trigger.poll())).toEqual(expected);
			expect(await trigger.poll()).toBeNull();
		});

		it(`SCIM, from page ${page}, then the standard API too: the poll fails and the baseline stays`, async () => {
			const { trigger, expected } = await triggerWithChanges();
			const before = storedState(trigger);
			relay.failFrom(page, '500');

			await expect(trigger.poll()).rejects.toThrow();
			expect(storedState(trigger)).toEqual(before);

			relay.reset();
			expect(eventList(await trigger.poll())).toEqual(expected);
		});
	}

	it('SCIM down but the standard API answering: a source change and the true changes, nothing false', async () => {
		const { trigger, expected } = await triggerWithChanges();
		relay.failFrom(2, '502', 'scim');

		const items = eventList(await trigger.poll());
		expect(items).toEqual(['source.changed api', ...expected]);

		// SCIM is back: one more source change, and the deactivated members it lists again are not news.
		relay.reset();
		expect(eventList(await trigger.poll())).toEqual(['source.changed scim']);
		expect(await trigger.poll()).toBeNull();
	});
});

describe('rate limiting and the poll budget', () => {
	it('a 429 with Retry-After is waited out and the poll completes', async () => {
		const { trigger, expected } = await triggerWithChanges({ scim: false });
		relay.failAt(2, ['429']);
		expect(eventList(await trigger.poll())).toEqual(expected);
	});

	it('a listing that cannot finish within the poll budget fails the poll and keeps the baseline', async () => {
		const { trigger, expected } = await triggerWithChanges({ scim: false });
		const before = storedState(trigger);

		// Notion asks to wait longer than the whole budget before the first page.
		relay.failAt(1, ['429']);
		await expect(trigger.poll({ getPollBudgetMs: () => 200 })).rejects.toThrow(/time budget/);
		expect(storedState(trigger)).toEqual(before);

		expect(eventList(await trigger.poll())).toEqual(expected);
	});
});

describe('paging under concurrent joins', () => {
	it('repeated or shifted members never become false events', async () => {
		const trigger = syncTrigger(emulator, { url });
		expect(await trigger.poll()).toBeNull();
		emulator.control.setBehaviours({ unstablePaging: true });

		const known = new Set(emulator.control.snapshot().members.map((member) => member.id));
		for (let poll = 0; poll < 3; poll++) {
			const events = eventList(await trigger.poll()) ?? [];
			// Only the newcomers the emulator let join while paging may show up, each once.
			for (const event of events) {
				const [type, id] = event.split(' ');
				expect(type).toBe('member.added');
				expect(known.has(id)).toBe(false);
				known.add(id);
			}
		}
		emulator.control.setBehaviours({ unstablePaging: false });
		const current = emulator.control.snapshot().members.map((member) => member.id);
		const rest = eventList(await trigger.poll()) ?? [];
		for (const event of rest) known.add(event.split(' ')[1]);
		expect([...known].sort()).toEqual([...current].sort());
		expect(await trigger.poll()).toBeNull();
	});
});
