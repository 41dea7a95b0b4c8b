/**
 * Add/Remove Members over many items: one connector call per group, so 250 items adding 250
 * users to one group cost 3 PATCH requests (≤ 100 users each), and every item still gets its
 * own output. Proven with the emulator's request log.
 */
import { generateSeed, startEmulator } from '../../../tools/notion-emulator';
import type { Emulator, EmulatorOptions } from '../../../tools/notion-emulator/types';
import { byId, byName, count, expectSuccess, groupNamed, jsonOf, runAdmin } from './support';

const PATCH = 'PATCH /scim/v2/Groups/{id}';

let emulator: Emulator;
let memberIds: string[];
let batchGroupId: string;

async function start(options: EmulatorOptions = {}) {
	emulator = await startEmulator({
		seed: generateSeed({ members: 260, groups: 1, seed: 7 }),
		rateLimit: false,
		...options,
	});
	// The token owner is left out: nothing here should touch them.
	memberIds = emulator.control
		.snapshot()
		.members.slice(1, 251)
		.map((member) => member.id);
	batchGroupId = emulator.control.addGroup({ displayName: 'Batch' });
	emulator.control.resetLog();
}

afterEach(async () => {
	await emulator.stop();
});

const addEach = (ids: string[]) => ids.map((id) => ({ user: id }));
const membership = (operation: string, groupLocator: unknown) => ({
	resource: 'group',
	operation,
	group: groupLocator,
	users: '={{ $json.user }}',
});

describe('Group membership batching', () => {
	it('250 items adding 250 users to one group: 3 PATCH requests, 250 output items', async () => {
		await start();
		const run = await runAdmin(emulator, membership('addMembers', byId(batchGroupId)), {
			items: addEach(memberIds),
		});

		expectSuccess(run);
		expect(count(emulator, PATCH)).toBe(3);
		expect(run.items).toHaveLength(250);
		run.items.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json).toEqual({
				groupId: batchGroupId,
				added: [memberIds[index]],
				removed: [],
				unchanged: [],
				batch: { items: 250, users: 250, requests: 3 },
			});
		});
		expect(groupNamed(emulator, 'Batch')?.memberIds).toHaveLength(250);
	});

	it('Get Members of a large group reads the workspace once instead of once per member', async () => {
		await start();
		await runAdmin(emulator, membership('addMembers', byId(batchGroupId)), {
			items: addEach(memberIds.slice(0, 30)),
		});
		emulator.control.resetLog();

		const run = await runAdmin(emulator, {
			resource: 'group',
			operation: 'getMembers',
			group: byId(batchGroupId),
		});

		expectSuccess(run);
		expect(
			jsonOf(run.items)
				.map((member) => member.id)
				.sort(),
		).toEqual(memberIds.slice(0, 30).sort());
		expect(count(emulator, 'GET /scim/v2/Users/{id}')).toBe(0);
		expect(count(emulator, 'GET /scim/v2/Users')).toBe(3); // 260 members, 100 per page
	});

	it('removes in batches too, and reports users that were not in the group', async () => {
		await start();
		await runAdmin(emulator, membership('addMembers', byId(batchGroupId)), {
			items: addEach(memberIds.slice(0, 120)),
		});
		emulator.control.resetLog();

		const run = await runAdmin(emulator, membership('removeMembers', byName('Batch')), {
			items: addEach(memberIds.slice(0, 150)),
		});

		expectSuccess(run);
		expect(count(emulator, PATCH)).toBe(2);
		expect(count(emulator, 'GET /scim/v2/Groups')).toBe(1); // the name, looked up once
		const results = jsonOf(run.items);
		expect(results[0]).toMatchObject({ removed: [memberIds[0]], unchanged: [] });
		expect(results[149]).toMatchObject({ removed: [], unchanged: [memberIds[149]] });
		expect(groupNamed(emulator, 'Batch')?.memberIds).toEqual([]);
	});

	it('items for different groups: one call per group', async () => {
		await start();
		const engineering = emulator.control.snapshot().groups.find((g) => g.displayName !== 'Batch');
		const items = memberIds.slice(0, 40).map((user, index) => ({
			user,
			group: index % 2 === 0 ? 'Batch' : engineering?.displayName,
		}));

		const run = await runAdmin(
			emulator,
			{ ...membership('addMembers', byName('={{ $json.group }}')) },
			{ items },
		);

		expectSuccess(run);
		expect(count(emulator, PATCH)).toBe(2);
		expect(run.items[0].json).toMatchObject({
			groupId: batchGroupId,
			batch: { items: 20, users: 20 },
		});
		expect(run.items[1].json).toMatchObject({ groupId: engineering?.id, batch: { items: 20 } });
	});

	it('a group that fails fails all of its items, the other groups go through', async () => {
		await start();
		const missing = '99999999-9999-4999-8999-999999999999';
		const items = memberIds
			.slice(0, 6)
			.map((user, index) => ({ user, group: index < 3 ? missing : batchGroupId }));

		const run = await runAdmin(emulator, membership('addMembers', byId('={{ $json.group }}')), {
			items,
			continueOnFail: true,
		});

		expectSuccess(run);
		const results = jsonOf(run.items);
		for (const failed of results.slice(0, 3)) {
			expect(failed).toMatchObject({ kind: 'not_found', groupId: missing });
		}
		expect(results[0].userIds).toEqual([memberIds[0]]);
		for (const done of results.slice(3))
			expect(done).toMatchObject({ groupId: batchGroupId, batch: { items: 3 } });

		const stopped = await runAdmin(emulator, membership('addMembers', byId('={{ $json.group }}')), {
			items,
		});
		expect(stopped.status).toBe('error');
		expect(stopped.error?.message).toMatch(/No group with id/);
	});

	it('a batch that stops midway says, per item, what was applied', async () => {
		await start();
		const stranger = '99999999-9999-4999-8999-999999999999';
		// Users 0..99 go in the first PATCH; the unknown user makes the second one fail.
		const users = [...memberIds.slice(0, 100), stranger, ...memberIds.slice(100, 149)];

		const run = await runAdmin(emulator, membership('addMembers', byId(batchGroupId)), {
			items: addEach(users),
			continueOnFail: true,
		});

		expectSuccess(run);
		const results = jsonOf(run.items);
		expect(results).toHaveLength(150);
		expect(results[0]).toMatchObject({
			kind: 'partial',
			error: expect.stringMatching(/stopped midway: added 100 of 150/),
			applied: { added: [memberIds[0]] },
		});
		expect(results[120]).toMatchObject({ kind: 'partial', applied: { added: [] } });
		expect(groupNamed(emulator, 'Batch')?.memberIds).toHaveLength(100);

		// Without continue-on-fail the run stops with the same account (on a fresh group).
		const freshGroupId = emulator.control.addGroup({ displayName: 'Batch 2' });
		const stopped = await runAdmin(emulator, membership('addMembers', byId(freshGroupId)), {
			items: addEach(users),
		});
		expect(stopped.status).toBe('error');
		expect(stopped.error?.message).toMatch(/stopped midway: added 100 of 150/);
		expect(groupNamed(emulator, 'Batch 2')?.memberIds).toHaveLength(100);
	});

	it('under Notion rate limiting: waits as told by Retry-After and still sends 3 PATCH requests', async () => {
		await start({ rateLimit: { requestsPerSecond: 2, burst: 2 } });
		const run = await runAdmin(emulator, membership('addMembers', byId(batchGroupId)), {
			items: addEach(memberIds),
		});

		expectSuccess(run);
		const log = emulator.control.requestLog().filter((entry) => entry.api === 'scim');
		expect(log.some((entry) => entry.status === 429)).toBe(true);
		expect(log.filter((entry) => entry.method === 'PATCH' && entry.status === 200)).toHaveLength(3);
		expect(run.items).toHaveLength(250);
		expect(groupNamed(emulator, 'Batch')?.memberIds).toHaveLength(250);
	});
});
