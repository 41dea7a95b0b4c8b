/**
 * What a workflow is told about a person it was told left, or never heard of, when they are
 * next listed. The standard API cannot see deactivated people: a member deactivated while it
 * serves the list is reported `member.removed` (a lookup there finds nobody). Back on SCIM,
 * that person is listed again, deactivated. The workflow holds no record of them, so they
 * are not taken back silently (a later reactivation would then reach it as
 * `member.reactivated` of someone it deleted) and not announced as joining either: a person
 * first listed deactivated is announced with `member.added` once listed active, never before.
 */
import type { Emulator } from '../../../tools/notion-emulator/types';
import { emitted, eventList, ids, startSyncWorkspace, syncTrigger } from './support';

let emulator: Emulator;
beforeEach(async () => {
	emulator = await startSyncWorkspace();
});
afterEach(async () => {
	await emulator.stop();
});

describe('a person the workflow was told is gone, or never heard of', () => {
	it('reported removed on the standard API, back on SCIM deactivated, then reactivated: one member.added, never member.reactivated', async () => {
		const trigger = syncTrigger(emulator);
		expect(await trigger.poll()).toBeNull();

		emulator.control.revokeScimToken();
		expect(eventList(await trigger.poll())).toEqual(['source.changed api']);

		// Deactivated while the standard API serves the list: it only sees that Grace is gone.
		emulator.control.updateMember(ids.grace, { active: false });
		expect(eventList(await trigger.poll())).toEqual([`member.removed ${ids.grace}`]);

		// Back on SCIM, Grace is listed deactivated: the workflow was told she left, and she has no access.
		emulator.control.restoreScimToken();
		expect(eventList(await trigger.poll())).toEqual(['source.changed scim']);
		expect(await trigger.poll()).toBeNull();

		emulator.control.updateMember(ids.grace, { active: true });
		const items = emitted(await trigger.poll());
		expect(items).toEqual([expect.objectContaining({ event: 'member.added', memberId: ids.grace })]);
		expect(items?.[0].member).toMatchObject({ id: ids.grace, active: true });
		expect(await trigger.poll()).toBeNull();
	});

	it('a newcomer first listed deactivated is announced when active, with member.added, and a departure before that is not reported', async () => {
		const trigger = syncTrigger(emulator);
		expect(await trigger.poll()).toBeNull();

		const joiner = emulator.control.addMember({ email: 'joy@acme.test', name: 'Joy Ner', role: 'member' });
		emulator.control.updateMember(joiner, { active: false });
		const quiet = emulator.control.addMember({ email: 'quinn@acme.test', name: 'Quinn Quiet', role: 'member' });
		emulator.control.updateMember(quiet, { active: false });
		expect(await trigger.poll()).toBeNull();
		expect(await trigger.poll()).toBeNull();

		emulator.control.updateMember(joiner, { active: true });
		emulator.control.removeMember(quiet);
		const items = emitted(await trigger.poll());
		expect(items).toEqual([expect.objectContaining({ event: 'member.added', memberId: joiner })]);
		expect(items?.[0].member).toMatchObject({ active: true });
		expect(await trigger.poll()).toBeNull();
	});
});
