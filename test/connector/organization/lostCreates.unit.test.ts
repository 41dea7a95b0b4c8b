/**
 * Creates (POSTs Notion does not document as safe to repeat) whose answer was lost, on a scripted
 * transport: the client never sends them twice, and says what Notion holds instead of "failed" —
 * the group found by its exact name, the holds of that name, or that an export may be running; an
 * export wait that cannot read the status any more still names the export it started.
 */
import { failure } from './failure';
import { ADA, fakeOrganization, json, list, WS1 } from './fakeAdmin';

const lost = () => json(502, { object: 'error', status: 502, code: 'internal_server_error', message: 'Bad gateway' });
const GROUP = 'bbbbbbbb-0000-4000-8000-000000000001';
const OTHER = 'bbbbbbbb-0000-4000-8000-000000000002';

describe('Permission Group → Create after a lost answer', () => {
	it('the group that Notion now holds under exactly that name is the answer, and the create is not sent again', async () => {
		const { client, sent } = fakeOrganization((request) =>
			request.method === 'POST' ? lost() : list([{ object: 'group', id: OTHER, name: 'security' }, { object: 'group', id: GROUP, name: 'Security' }]),
		);
		await expect(client.permissionGroups.create(WS1, 'Security')).resolves.toMatchObject({ id: GROUP, name: 'Security', workspaceId: WS1 });
		expect(sent().filter((line) => line.startsWith('POST'))).toHaveLength(1);
	});

	it('no group of that name at Notion: the item fails saying it was not created, and nothing is sent again', async () => {
		const { client, sent } = fakeOrganization((request) => (request.method === 'POST' ? lost() : list([{ object: 'group', id: OTHER, name: 'security' }])));
		const error = await failure(client.permissionGroups.create(WS1, 'Security'));
		expect(error.message).toContain('HTTP 502');
		expect(error.hint).toContain('no permission group named "Security"');
		expect(sent().filter((line) => line.startsWith('POST'))).toHaveLength(1);
	});
});

describe('Legal Hold → Create after a lost answer', () => {
	it('fails as outcome unknown naming the holds Notion has under that name, never as a plain failure', async () => {
		const hold = { id: 'hold-7', name: 'Northstar', status: 'active', created_by: ADA, created_time: 1, start_date: 1, user_interaction_type: ['page.created'], users: { ids: [ADA], total: 1 }, workspaces: { ids: [WS1], total: 1 } };
		const { client, sent } = fakeOrganization((request) => (request.method === 'POST' ? lost() : json(200, { legal_holds: [hold, { ...hold, id: 'hold-8', name: 'Other' }] })));
		const error = await failure(client.legalHolds.create({ name: 'Northstar', userIds: [ADA], interactions: ['page.created'] }));
		expect(error.kind).toBe('outcome_unknown');
		expect(`${error.message} ${error.hint}`).toContain('hold-7');
		expect(`${error.message} ${error.hint}`).not.toContain('hold-8');
		expect(sent().filter((line) => line.startsWith('POST'))).toHaveLength(1);
	});
});

describe('Export → Start after a lost answer', () => {
	it('fails as outcome unknown (an export may be running), not as a plain failure, and is not sent again', async () => {
		const { client, sent } = fakeOrganization(() => lost());
		const error = await failure(client.exports.start({ workspaceId: WS1, onBehalfOfEmail: 'ada@acme.test', format: 'html' }));
		expect(error.kind).toBe('outcome_unknown');
		expect(sent()).toHaveLength(1);
	});

	it('a wait whose status reads fail still names the export that was started', async () => {
		const { client } = fakeOrganization(() => lost());
		const error = await failure(client.exports.waitUntilDone(WS1, 'job-1', { timeoutMs: 60_000 }));
		expect(error.applied).toMatchObject({ exportJobId: 'job-1', workspaceId: WS1 });
		expect(error.hint).toContain('job-1');
	});
});
