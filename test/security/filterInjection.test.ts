/**
 * Values that end up in SCIM filters cannot widen them: through the node, a crafted email or
 * group name matches nothing it should not. The emulator answers 400 invalidFilter to anything
 * but one `eq`, so a 200 to the lookup proves the value stayed inside its quotes.
 */
import type { Emulator } from '../../tools/notion-emulator';
import { apiRequests, byEmail, byName, byId, ids, jsonOf, runAdmin, startWorkspace } from '../nodes/NotionAdmin/support';

const INJECTION = 'x" or displayName pr or displayName eq "y';
const EMAIL_INJECTION = 'x" or userName pr or userName eq "y';

let emulator: Emulator;
beforeEach(async () => {
	emulator = await startWorkspace();
});
afterEach(() => emulator.stop());

function groupLookups() {
	return emulator.control.requestLog().filter((entry) => entry.method === 'GET' && entry.path === '/scim/v2/Groups');
}

describe('group names', () => {
	it.each([INJECTION, 'Engineering" or displayName pr or displayName eq "', 'Engineering\\', '"Engineering"'])(
		'Group → Get by name %s finds no group, through a valid filter',
		async (name) => {
			const run = await runAdmin(emulator, { resource: 'group', operation: 'get', group: byName(name) }, { continueOnFail: true });
			expect(jsonOf(run.items)).toEqual([expect.objectContaining({ kind: 'not_found' })]);
			expect(groupLookups().map((entry) => entry.status)).toEqual([200]);
		},
	);

	it('Group → Get Many filtered by a crafted name lists nothing', async () => {
		const run = await runAdmin(emulator, { resource: 'group', operation: 'getAll', returnAll: true, filters: { name: INJECTION } });
		expect(run.status).toBe('success');
		expect(run.items).toEqual([]);
		expect(groupLookups().map((entry) => entry.status)).toEqual([200]);
	});

	it('a group really named like an injection is found, and only it', async () => {
		const id = emulator.control.addGroup({ displayName: INJECTION, memberEmails: ['grace@acme.test'] });
		const run = await runAdmin(emulator, { resource: 'group', operation: 'get', group: byName(INJECTION) });
		expect(jsonOf(run.items)).toEqual([expect.objectContaining({ id, name: INJECTION })]);
	});

	it('Add Members to a group named by a crafted name changes no group', async () => {
		const before = emulator.control.snapshot().groups;
		const run = await runAdmin(
			emulator,
			{ resource: 'group', operation: 'addMembers', group: byName(INJECTION), users: ids.alan },
			{ continueOnFail: true },
		);
		expect(jsonOf(run.items)).toEqual([expect.objectContaining({ kind: 'not_found' })]);
		expect(emulator.control.snapshot().groups).toEqual(before);
	});
});

describe('emails', () => {
	it.each([
		['User → Get', { resource: 'user', operation: 'get', user: byEmail(EMAIL_INJECTION) }],
		['User → Get Many', { resource: 'user', operation: 'getAll', returnAll: true, filters: { email: EMAIL_INJECTION } }],
		['User → Remove', { resource: 'user', operation: 'remove', user: byEmail(EMAIL_INJECTION) }],
		['User → Update', { resource: 'user', operation: 'update', user: byEmail(EMAIL_INJECTION), updateFields: { role: 'member' } }],
		['Group → Add Members', { resource: 'group', operation: 'addMembers', group: byId(ids.engineering), users: EMAIL_INJECTION }],
	])('%s: the crafted email is refused before any request', async (_operation, parameters) => {
		const run = await runAdmin(emulator, parameters, { continueOnFail: true });
		expect(jsonOf(run.items)).toEqual([expect.objectContaining({ error: expect.stringContaining('[item 0]') })]);
		expect(apiRequests(emulator)).toEqual([]);
	});

	it("an unusual but valid address (quote, plus) finds exactly its member through the filter", async () => {
		const id = emulator.control.addMember({ email: "o'brien+ops@acme.test", name: "Pat O'Brien", role: 'member' });
		const run = await runAdmin(emulator, { resource: 'user', operation: 'get', user: byEmail("o'brien+ops@acme.test") });
		expect(jsonOf(run.items)).toEqual([expect.objectContaining({ id, email: "o'brien+ops@acme.test" })]);
		const lookup = emulator.control.requestLog().find((entry) => entry.path === '/scim/v2/Users');
		expect(lookup?.status).toBe(200);
	});
});
