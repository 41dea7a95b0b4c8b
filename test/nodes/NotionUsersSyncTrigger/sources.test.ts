/**
 * Source changes between polls (SCIM ↔ standard API): reported once with the reason, and never
 * mistaken for member changes.
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

describe('source changes', () => {
	it('a SCIM token revoked between polls is reported once, with the reason, and nothing else', async () => {
		const trigger = syncTrigger(emulator);
		expect(await trigger.poll()).toBeNull();

		emulator.control.revokeScimToken();
		const items = emitted(await trigger.poll());
		// Linus (deactivated) is not listed by the standard API and the bot was not listed by SCIM;
		// roles and status cannot be seen: none of that is a member change.
		expect(items).toEqual([
			{
				event: 'source.changed',
				from: 'scim',
				to: 'api',
				reason: 'scim_unauthorized',
				detail: expect.stringContaining('standard Notion API'),
				notVisible: ['role', 'active'],
				source: 'api',
				detectedAt: expect.any(String),
			},
		]);
		expect(await trigger.poll()).toBeNull();

		// Real changes are still reported in fallback; roles are not (the API cannot see them).
		emulator.control.updateMember(ids.katherine, { role: 'member' });
		const radia = emulator.control.addMember({ email: 'radia@acme.test', name: 'Radia Perlman', role: 'member' });
		expect(eventList(await trigger.poll())).toEqual([`member.added ${radia}`]);
		expect(await trigger.poll()).toBeNull();
	});

	it('a departure during the switch is confirmed by id before it is reported', async () => {
		const trigger = syncTrigger(emulator);
		await trigger.poll();

		emulator.control.revokeScimToken();
		emulator.control.removeMember(ids.grace);
		emulator.control.resetLog();
		expect(eventList(await trigger.poll())).toEqual(['source.changed api', `member.removed ${ids.grace}`]);
		expect(emulator.control.requestCounts()['GET /v1/users/{id}']).toBe(1);
	});

	it('back to SCIM: reported once, hidden members reappear silently, a role changed meanwhile is reported', async () => {
		const trigger = syncTrigger(emulator);
		await trigger.poll();
		const scimCredential = trigger.node.credentials?.notionAdminScimApi;

		delete trigger.node.credentials?.notionAdminScimApi;
		expect(emitted(await trigger.poll())).toEqual([
			expect.objectContaining({ event: 'source.changed', from: 'scim', to: 'api', reason: 'no_scim_token' }),
		]);

		emulator.control.updateMember(ids.katherine, { role: 'member' });
		expect(await trigger.poll()).toBeNull();

		if (trigger.node.credentials && scimCredential) trigger.node.credentials.notionAdminScimApi = scimCredential;
		const items = emitted(await trigger.poll());
		expect(items).toEqual([
			expect.objectContaining({ event: 'source.changed', from: 'api', to: 'scim', reason: null, notVisible: [] }),
			expect.objectContaining({
				event: 'member.role_changed',
				memberId: ids.katherine,
				changes: { role: { before: 'restricted_member', after: 'member' } },
			}),
		]);
		expect(await trigger.poll()).toBeNull();
	});

	it('the source change can be left out of the events', async () => {
		const trigger = syncTrigger(emulator, { parameters: { events: ['member.added', 'member.removed'] } });
		await trigger.poll();
		emulator.control.revokeScimToken();
		expect(await trigger.poll()).toBeNull();
		expect(trigger.staticData().baseline).toMatchObject({ source: 'api' });
	});
});
