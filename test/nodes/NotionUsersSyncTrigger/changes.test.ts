/** The trigger's Changes mode on a real PollContext against the emulator, poll after poll. */
import type { Emulator } from '../../../tools/notion-emulator/types';
import { emitted, eventList, ids, startSyncWorkspace, storedState, syncTrigger } from './support';

let emulator: Emulator;
beforeEach(async () => {
	emulator = await startSyncWorkspace();
});
afterEach(async () => {
	await emulator.stop();
});

describe('Changes mode', () => {
	it('baseline → add → remove → rename → role change → deactivate → reactivate → no change', async () => {
		const trigger = syncTrigger(emulator);
		const { control } = emulator;

		expect(await trigger.poll()).toBeNull();
		expect(trigger.staticData().baseline).toMatchObject({ v: 2, source: 'scim', count: 5 });

		const hedy = control.addMember({ email: 'hedy@acme.test', name: 'Hedy Lamarr', givenName: 'Hedy', familyName: 'Lamarr', role: 'member' });
		const added = emitted(await trigger.poll());
		expect(added).toEqual([
			{
				event: 'member.added',
				memberId: hedy,
				member: {
					id: hedy,
					email: 'hedy@acme.test',
					name: 'Hedy Lamarr',
					givenName: 'Hedy',
					familyName: 'Lamarr',
					type: 'person',
					role: 'member',
					active: true,
					source: 'scim',
				},
				changedFields: [],
				changes: {},
				source: 'scim',
				detectedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
			},
		]);

		control.removeMember(ids.grace);
		expect(emitted(await trigger.poll())).toEqual([
			expect.objectContaining({
				event: 'member.removed',
				memberId: ids.grace,
				// What the baseline kept of someone who is gone: enough to offboard them.
				member: { id: ids.grace, email: 'grace@acme.test', type: 'person', role: 'member', active: true },
			}),
		]);

		control.updateMember(ids.alan, { name: 'Alan M. Turing', givenName: 'Alan M.' });
		expect(emitted(await trigger.poll())).toEqual([
			expect.objectContaining({
				event: 'member.updated',
				memberId: ids.alan,
				changedFields: ['name'],
				changes: {
					name: { before: null, after: 'Alan M. Turing', givenName: 'Alan M.', familyName: 'Turing', beforeKnown: false },
				},
			}),
		]);

		control.updateMember(ids.katherine, { role: 'member' });
		expect(emitted(await trigger.poll())).toEqual([
			expect.objectContaining({
				event: 'member.role_changed',
				memberId: ids.katherine,
				changedFields: ['role'],
				changes: { role: { before: 'restricted_member', after: 'member' } },
			}),
		]);

		control.updateMember(hedy, { active: false });
		expect(emitted(await trigger.poll())).toEqual([
			expect.objectContaining({
				event: 'member.deactivated',
				memberId: hedy,
				changes: { active: { before: true, after: false } },
			}),
		]);

		control.updateMember(hedy, { active: true });
		expect(emitted(await trigger.poll())).toEqual([
			expect.objectContaining({
				event: 'member.reactivated',
				memberId: hedy,
				changes: { active: { before: false, after: true } },
			}),
		]);

		expect(await trigger.poll()).toBeNull();
		expect(await trigger.poll()).toBeNull();
	});

	it('reports an email change with both values, and several changes of one poll together', async () => {
		const trigger = syncTrigger(emulator);
		await trigger.poll();
		emulator.control.updateMember(ids.ada, { email: 'ada.lovelace@acme.test' });
		emulator.control.updateMember(ids.alan, { role: 'member', name: 'Alan Turing OBE' });
		const newcomer = emulator.control.addMember({ email: 'radia@acme.test', name: 'Radia Perlman', role: 'member' });

		const items = emitted(await trigger.poll());
		expect(items?.map((item) => `${String(item.event)} ${String(item.memberId)}`)).toEqual([
			`member.updated ${ids.ada}`,
			`member.updated ${ids.alan}`,
			`member.role_changed ${ids.alan}`,
			`member.added ${newcomer}`,
		]);
		expect(items?.[0]).toMatchObject({
			changedFields: ['email'],
			changes: { email: { before: 'ada@acme.test', after: 'ada.lovelace@acme.test' } },
		});
		expect(items?.[1]).toMatchObject({ changedFields: ['name'] });
		expect(await trigger.poll()).toBeNull();
	});

	it('emits only the chosen events', async () => {
		const trigger = syncTrigger(emulator, { parameters: { events: ['member.removed'] } });
		await trigger.poll();
		emulator.control.addMember({ email: 'radia@acme.test', name: 'Radia Perlman', role: 'member' });
		emulator.control.removeMember(ids.grace);
		expect(eventList(await trigger.poll())).toEqual([`member.removed ${ids.grace}`]);
		// The filtered-out join is still part of the baseline: it is not reported later either.
		expect(await trigger.poll()).toBeNull();
	});

	it('can emit everyone as added on the first poll, bots only when asked', async () => {
		const people = syncTrigger(emulator, { parameters: { options: { emitExistingOnFirstRun: true } } });
		expect(eventList(await people.poll())).toEqual([
			`member.added ${ids.ada}`,
			`member.added ${ids.grace}`,
			`member.added ${ids.alan}`,
			`member.added ${ids.katherine}`,
			`member.added ${ids.linus}`,
		]);

		// Through the standard API the bot is listed: it is emitted only with Include Bots.
		const withBots = syncTrigger(emulator, {
			scim: false,
			parameters: { options: { emitExistingOnFirstRun: true, includeBots: true } },
		});
		expect(eventList(await withBots.poll())).toEqual([
			`member.added ${ids.ada}`,
			`member.added ${ids.grace}`,
			`member.added ${ids.alan}`,
			`member.added ${ids.katherine}`,
			`member.added ${ids.bot}`,
		]);
		const withoutBots = syncTrigger(emulator, { scim: false, parameters: { options: { emitExistingOnFirstRun: true } } });
		expect(eventList(await withoutBots.poll())).not.toContain(`member.added ${ids.bot}`);
	});

	it('manual "fetch test event" shows a sample or a preview and never touches the stored state', async () => {
		const trigger = syncTrigger(emulator);

		const sample = emitted(await trigger.poll({ mode: 'manual' }));
		expect(sample).toEqual([expect.objectContaining({ event: 'member.added', memberId: ids.ada, sample: true })]);
		expect(storedState(trigger)).toEqual({});

		expect(await trigger.poll()).toBeNull();
		const baseline = storedState(trigger);

		emulator.control.removeMember(ids.grace);
		expect(eventList(await trigger.poll({ mode: 'manual' }))).toEqual([`member.removed ${ids.grace}`]);
		expect(storedState(trigger)).toEqual(baseline);
		// The real poll still sees the change the preview showed.
		expect(eventList(await trigger.poll())).toEqual([`member.removed ${ids.grace}`]);

		const afterRemoval = storedState(trigger);
		expect(emitted(await trigger.poll({ mode: 'manual' }))).toEqual([expect.objectContaining({ sample: true })]);
		expect(storedState(trigger)).toEqual(afterRemoval);
	});
});
