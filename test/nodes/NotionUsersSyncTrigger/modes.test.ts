/** Snapshot and License Summary modes through a real PollContext, checked against the seed. */
import { generateSeed } from '../../../tools/notion-emulator';
import type { Emulator } from '../../../tools/notion-emulator/types';
import { emitted, startSyncWorkspace, syncTrigger } from './support';

const seed = generateSeed({ members: 40, deactivated: 3, bots: 2, guests: 1, groups: 0, seed: 3 });
const active = seed.members.filter((member) => member.active !== false);
const countRole = (role: string) => active.filter((member) => member.role === role).length;

let emulator: Emulator;
beforeEach(async () => {
	emulator = await startSyncWorkspace(seed);
});
afterEach(async () => {
	await emulator.stop();
});

describe('License Summary mode', () => {
	it('counts seats by role, deactivated members, and leaves bots out (SCIM)', async () => {
		const trigger = syncTrigger(emulator, { parameters: { mode: 'licenseSummary' } });
		const [summary] = emitted(await trigger.poll()) ?? [];
		expect(summary).toEqual({
			source: 'scim',
			fallbackReason: null,
			fallbackDetail: null,
			activeMembers: active.length,
			activeByRole: {
				owner: countRole('owner'),
				membership_admin: countRole('membership_admin'),
				member: countRole('member'),
				restricted_member: countRole('restricted_member'),
				unknown: 0,
			},
			deactivatedMembers: 3,
			bots: null,
			unknown: [],
			notes: expect.arrayContaining([expect.stringContaining('SCIM lists people only')]),
			checkedAt: expect.any(String),
		});
		// Every role of the generated workspace is present, so the split is really checked.
		expect(countRole('owner') * countRole('membership_admin') * countRole('restricted_member')).toBeGreaterThan(0);
	});

	it('says what the standard API cannot see, and lists the members when asked', async () => {
		const trigger = syncTrigger(emulator, {
			scim: false,
			parameters: { mode: 'licenseSummary', licenseOptions: { includeMembers: true } },
		});
		const [summary] = emitted(await trigger.poll()) ?? [];
		expect(summary).toMatchObject({
			source: 'api',
			fallbackReason: 'no_scim_token',
			fallbackDetail: expect.stringContaining('no Notion SCIM credential'),
			activeMembers: active.length,
			activeByRole: { owner: 0, membership_admin: 0, member: 0, restricted_member: 0, unknown: active.length },
			deactivatedMembers: null,
			bots: 2,
			unknown: ['roles', 'status'],
		});
		const members = summary.members as Array<{ email: string | null; raw?: unknown }>;
		expect(members.map((member) => member.email).filter(Boolean).sort()).toEqual(
			active.map((member) => member.email).sort(),
		);
		expect(members.some((member) => 'raw' in member)).toBe(false);
	});
});

describe('Snapshot mode', () => {
	it('emits every member at every poll, bots only when asked', async () => {
		const trigger = syncTrigger(emulator, { parameters: { mode: 'snapshot' } });
		const first = emitted(await trigger.poll());
		expect(first?.map((member) => member.email).sort()).toEqual(seed.members.map((member) => member.email).sort());
		expect(emitted(await trigger.poll())).toHaveLength(seed.members.length);

		const viaApi = syncTrigger(emulator, { scim: false, parameters: { mode: 'snapshot', snapshotOptions: { includeBots: true } } });
		const items = emitted(await viaApi.poll()) ?? [];
		expect(items.filter((member) => member.type === 'bot')).toHaveLength(2);
		expect(items).toHaveLength(active.length + 2);
	});
});

describe('switching modes', () => {
	it('leaving Changes drops its baseline, so coming back starts a new one instead of a burst of old changes', async () => {
		const trigger = syncTrigger(emulator);
		expect(await trigger.poll()).toBeNull();
		expect(trigger.staticData().baseline).toBeDefined();

		trigger.setParameter('mode', 'snapshot');
		await trigger.poll();
		expect(trigger.staticData().baseline).toBeUndefined();

		emulator.control.addMember({ email: 'newcomer@acme.test', name: 'New Comer', role: 'member' });
		trigger.setParameter('mode', 'changes');
		expect(await trigger.poll()).toBeNull();
		expect(trigger.staticData().baseline).toMatchObject({ count: seed.members.length + 1 });
	});

	it('another workspace credential starts a new baseline', async () => {
		const trigger = syncTrigger(emulator);
		await trigger.poll();
		const api = trigger.node.credentials?.notionAdminApi;
		if (api) api.id = 'another-workspace';
		emulator.control.addMember({ email: 'newcomer@acme.test', name: 'New Comer', role: 'member' });
		expect(await trigger.poll()).toBeNull();
		expect(trigger.staticData().baseline).toMatchObject({ scope: 'another-workspace' });
	});
});
