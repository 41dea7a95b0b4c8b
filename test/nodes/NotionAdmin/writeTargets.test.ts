/**
 * A write's target is looked up through the source that performs the write: SCIM. The standard
 * API (the fallback for reads) cannot see deactivated members, so a refused SCIM lookup must fail
 * the write, saying SCIM refused and with which status, never answer "not found" from there.
 * Linus is a deactivated member of Acme.
 */
import type { INodeParameters } from 'n8n-workflow';

import { packageNodeType, runNode } from '../../../tools/engine-harness';
import type { Seen } from '../../security/servers';
import { TOKEN_PAIRS } from '../../faults/support/writes/workspace';
import { startWorld, type World } from '../../faults/support/writes/workspace';

const tokens = TOKEN_PAIRS[0];
const byEmail = (value: string) => ({ __rl: true, mode: 'email', value });

/** The first SCIM member lookup by filter is refused with `status`; everything else reaches the emulator. */
function refuseFirstLookup(world: World, status: number): void {
	let refused = false;
	world.hooks.answer = (request: Seen) => {
		if (refused || !request.url.startsWith('/scim/v2/Users?') || !request.url.includes('filter=')) return undefined;
		refused = true;
		return {
			status,
			headers: { 'content-type': 'application/scim+json' },
			body: JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: String(status), detail: 'Lookup not allowed' }),
		};
	};
}

async function run(world: World, parameters: Record<string, unknown>, continueOnFail = false) {
	return runNode({
		type: packageNodeType('notionAdmin'),
		parameters: parameters as INodeParameters,
		credentials: {
			notionAdminApi: { token: tokens.api, baseUrl: world.relay.url, requestsPerSecond: 1000 },
			notionAdminScimApi: { token: tokens.scim, baseUrl: world.relay.url },
		},
		node: continueOnFail ? { onError: 'continueRegularOutput' } : undefined,
	});
}

const linus = (world: World) => world.emulator.control.snapshot().members.find((member) => member.email === 'linus@acme.test');

describe('a write whose SCIM lookup of the target is refused', () => {
	let world: World;
	beforeEach(async () => {
		world = await startWorld(tokens);
	});
	afterEach(() => world.stop());

	it('User → Remove of a deactivated member fails saying SCIM refused (HTTP 403), not removed: false / notFound', async () => {
		const before = linus(world);
		expect(before?.active).toBe(false);
		refuseFirstLookup(world, 403);
		const result = await run(world, { resource: 'user', operation: 'remove', user: byEmail('linus@acme.test') }, true);
		const [item] = result.items.map((entry) => entry.json);
		expect(item.notFound).toBeUndefined();
		expect(item.removed).toBeUndefined();
		expect(String(item.error)).toMatch(/SCIM/);
		expect(String(item.error)).toMatch(/403/);
		expect(String(item.error)).not.toMatch(/No workspace member/);
		expect(linus(world)).toEqual(before);
	});

	it('User → Update (reactivate) of a deactivated member fails the same way, not "No workspace member"', async () => {
		refuseFirstLookup(world, 403);
		const result = await run(world, { resource: 'user', operation: 'update', user: byEmail('linus@acme.test'), updateFields: { active: true } });
		expect(result.status).not.toBe('success');
		expect(result.error?.message).toMatch(/SCIM/);
		expect(result.error?.message).toMatch(/403/);
		expect(result.error?.message).not.toMatch(/No workspace member/);
		expect(linus(world)?.active).toBe(false);
	});

	it('Group → Remove Members by email fails the same way, not "No workspace member"', async () => {
		refuseFirstLookup(world, 403);
		const result = await run(world, { resource: 'group', operation: 'removeMembers', group: { __rl: true, mode: 'name', value: 'Engineering' }, users: 'linus@acme.test' }, true);
		const [item] = result.items.map((entry) => entry.json);
		expect(String(item.error)).toMatch(/SCIM/);
		expect(String(item.error)).toMatch(/403/);
		expect(String(item.error)).not.toMatch(/No workspace member/);
	});
});
