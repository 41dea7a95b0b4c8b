/**
 * Writes through the node in the engine when answers get lost or faulted: a create is applied
 * once, a removal is confirmed. (A group PATCH that fails midway is reported with what was
 * applied: test/nodes/NotionAdmin/batching.test.ts and test/connector/writes.test.ts.)
 */
import type { INodeParameters } from 'n8n-workflow';

import type { Emulator, FaultKind } from '../../../tools/notion-emulator';
import { emulatorCredentials, packageNodeType, runNode } from '../../../tools/engine-harness';
import { byEmail, byId, expectSuccess, ids, jsonOf, startWorkspace } from '../../nodes/NotionAdmin/support';
import { startRecorder, type RelayHooks, type Seen, type TestServer } from '../../security/servers';

let emulator: Emulator;
let relay: TestServer | undefined;
beforeEach(async () => {
	// Backoff draws 0: retries go out at once (n8n's own sleep is real).
	jest.spyOn(Math, 'random').mockReturnValue(0);
	emulator = await startWorkspace();
});
afterEach(async () => {
	jest.restoreAllMocks();
	await relay?.stop();
	relay = undefined;
	await emulator.stop();
});

/** Runs the node through a relay in front of the emulator. */
async function runThroughRelay(parameters: Record<string, unknown>, hooks: RelayHooks) {
	relay = await startRecorder(emulator.url, hooks);
	return await runNode({
		type: packageNodeType('notionAdmin'),
		parameters: parameters as INodeParameters,
		credentials: emulatorCredentials({ url: relay.url, tokens: emulator.tokens }, { requestsPerSecond: 1000 }),
	});
}

const create = { resource: 'user', operation: 'create', email: 'hedy@acme.test', role: 'member', additionalFields: { name: 'Hedy Lamarr' } };
/** The first `times` requests that `pick` matches. */
function firstOf(pick: (request: Seen) => boolean, times = 1): (request: Seen) => boolean {
	let matched = 0;
	return (request) => pick(request) && matched++ < times;
}

/** Scripts the emulator's `fault` for the first request that `pick` matches. */
function faultOn(pick: (request: Seen) => boolean, fault: FaultKind): RelayHooks {
	const first = firstOf(pick);
	return { before: (request) => (first(request) ? emulator.control.scriptFaults([fault]) : undefined) };
}

const isPost = (request: Seen) => request.method === 'POST';
const isDelete = (request: Seen) => request.method === 'DELETE';

const members = (email: string) => emulator.control.snapshot().members.filter((member) => member.email === email);
const posts = () => emulator.control.requestLog().filter((entry) => entry.method === 'POST' && entry.path === '/scim/v2/Users');

describe('User → Create under faults makes exactly one member', () => {
	for (const times of [1, 2]) {
		it(`the answer to the POST is lost ${times} time(s): the member is there once, and the output says so`, async () => {
			const run = await runThroughRelay(create, { loseAnswer: firstOf(isPost, times) });
			expectSuccess(run);
			expect(members('hedy@acme.test')).toHaveLength(1);
			expect(jsonOf(run.items)).toEqual([
				expect.objectContaining({ id: members('hedy@acme.test')[0].id, email: 'hedy@acme.test', created: true, reactivated: false }),
			]);
			// The first POST did the job; the connector looked before sending again.
			expect(posts().filter((entry) => entry.status === 201)).toHaveLength(1);
		});
	}

	const faults: FaultKind[] = ['500', '502', '503', '504', '529', '429', 'edge502', 'reset', 'truncated', 'malformed'];
	it.each(faults)('a %s on the POST: one member, created once', async (fault) => {
		const run = await runThroughRelay(create, faultOn(isPost, fault));
		expectSuccess(run);
		expect(emulator.control.requestLog().filter((entry) => entry.fault === fault)).toHaveLength(1);
		expect(members('hedy@acme.test')).toHaveLength(1);
		expect(jsonOf(run.items)[0]).toMatchObject({ email: 'hedy@acme.test', name: 'Hedy Lamarr', created: true, reactivated: false });
	});
});

describe('User → Create of a deactivated member under faults reactivates it, or says it did not', () => {
	const readd = { resource: 'user', operation: 'create', email: 'linus@acme.test', role: 'member' };
	const linus = () => emulator.control.snapshot().members.find((member) => member.id === ids.linus);

	it.each(['502', '503', 'reset'] as FaultKind[])('a %s on the first POST (it never reached Notion): reactivated, and the output says so', async (fault) => {
		expect(linus()?.active).toBe(false);
		const run = await runThroughRelay(readd, faultOn(isPost, fault));
		expectSuccess(run);
		expect(linus()?.active).toBe(true);
		expect(jsonOf(run.items)).toEqual([expect.objectContaining({ id: ids.linus, active: true, created: true, reactivated: true })]);
	});

	it('the answer to the POST is lost: reactivated once, and the output says so', async () => {
		const run = await runThroughRelay(readd, { loseAnswer: firstOf(isPost) });
		expectSuccess(run);
		expect(linus()?.active).toBe(true);
		expect(jsonOf(run.items)).toEqual([expect.objectContaining({ id: ids.linus, active: true, created: true, reactivated: true })]);
		expect(posts()).toHaveLength(1);
	});

	it('every POST fails: the item fails saying the member is still deactivated, and Notion agrees', async () => {
		const run = await runThroughRelay(readd, { before: (request) => (isPost(request) ? emulator.control.scriptFaults(['502']) : undefined) });
		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/deactivated/);
		expect(linus()?.active).toBe(false);
	});
});

describe('User → Create of someone already a member holds "If Already a Member" under faults', () => {
	const again = (ifAlreadyMember: string) => ({
		resource: 'user',
		operation: 'create',
		email: 'grace@acme.test',
		role: 'member',
		options: { ifAlreadyMember },
	});

	it.each(['502', 'reset'] as FaultKind[])('Fail: a %s on the POST still fails as already a member', async (fault) => {
		const run = await runThroughRelay(again('fail'), faultOn(isPost, fault));
		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/already a member/);
		expect(members('grace@acme.test')).toHaveLength(1);
	});

	it.each(['502', 'reset'] as FaultKind[])('Return the Existing Member: a %s on the POST says created: false', async (fault) => {
		const run = await runThroughRelay(again('returnExisting'), faultOn(isPost, fault));
		expectSuccess(run);
		expect(jsonOf(run.items)).toEqual([expect.objectContaining({ id: ids.grace, created: false, reactivated: false })]);
	});
});

describe('User → Remove From Workspace is confirmed', () => {
	const remove = { resource: 'user', operation: 'remove', user: byEmail('grace@acme.test') };

	it('the answer to the DELETE is lost: the member is gone and the output says removed', async () => {
		const run = await runThroughRelay(remove, { loseAnswer: firstOf(isDelete) });
		expectSuccess(run);
		expect(jsonOf(run.items)).toEqual([expect.objectContaining({ id: ids.grace, removed: true })]);
		expect(emulator.control.snapshot().members.find((member) => member.id === ids.grace)?.active ?? false).toBe(false);
	});

	it.each(['500', '503', 'reset', 'truncated'] as FaultKind[])('a %s on the DELETE: removed once, confirmed by a read-back', async (fault) => {
		const run = await runThroughRelay(remove, faultOn(isDelete, fault));
		expectSuccess(run);
		expect(emulator.control.requestLog().filter((entry) => entry.fault === fault)).toHaveLength(1);
		expect(jsonOf(run.items)).toEqual([expect.objectContaining({ id: ids.grace, removed: true })]);
		const log = emulator.control.requestLog().map((entry) => `${entry.method} ${entry.path.replace(ids.grace, '{id}')}`);
		// After the DELETE that worked, the member is read back before the node reports success.
		expect(log.lastIndexOf('GET /scim/v2/Users/{id}')).toBeGreaterThan(log.lastIndexOf('DELETE /scim/v2/Users/{id}'));
	});
});

describe('Group → Add Members whose answers are lost reports what the group holds', () => {
	const isPatch = (request: Seen) => request.method === 'PATCH';
	const engineering = () => emulator.control.snapshot().groups.find((group) => group.id === ids.engineering)?.memberIds ?? [];
	const addMembers = { resource: 'group', operation: 'addMembers', group: byId(ids.engineering), users: '={{ $json.user }}' };

	it('every answer of the one PATCH is lost but Notion applied it: the output says added', async () => {
		const run = await runThroughRelay({ ...addMembers, users: `${ids.alan},${ids.katherine}` }, { loseAnswer: isPatch });
		expectSuccess(run);
		expect(engineering()).toEqual(expect.arrayContaining([ids.alan, ids.katherine]));
		expect(jsonOf(run.items)).toEqual([expect.objectContaining({ added: [ids.alan, ids.katherine], unchanged: [] })]);
	});

	it('every answer of the second of three batches is lost: partial, and each item says what the group holds', async () => {
		const newcomers = Array.from({ length: 250 }, (_, index) =>
			emulator.control.addMember({ email: `batch${index}@acme.test`, name: `Batch ${index}`, role: 'member' }),
		);
		let patches = 0;
		// PATCH 1 is batch 1; batch 2 and all of its retries are applied and their answers lost.
		relay = await startRecorder(emulator.url, { loseAnswer: (request) => isPatch(request) && ++patches >= 2 });
		const run = await runNode({
			type: packageNodeType('notionAdmin'),
			parameters: addMembers as INodeParameters,
			items: newcomers.map((user) => ({ user })),
			node: { onError: 'continueRegularOutput' },
			credentials: emulatorCredentials({ url: relay.url, tokens: emulator.tokens }, { requestsPerSecond: 1000 }),
		});
		expectSuccess(run);
		const held = new Set(engineering());
		expect(newcomers.filter((id) => held.has(id))).toHaveLength(200);
		const results = jsonOf(run.items);
		expect(results[0]).toMatchObject({ kind: 'partial', error: expect.stringMatching(/added 200 of 250/) });
		// Every item's share agrees with the group: applied exactly when Notion holds the user.
		results.forEach((result, index) => {
			expect(result.applied).toEqual(expect.objectContaining({ added: held.has(newcomers[index]) ? [newcomers[index]] : [] }));
		});
	});
});
