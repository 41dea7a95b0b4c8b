/**
 * A permission group's 409 told apart on a scripted transport, where Notion's wording gives no
 * clue: a delete without a transfer owner names both possible causes and what to do for each; a
 * rename is a taken name only when another group has that name.
 */
import { fakeOrganization, json, list, WS1 } from './fakeAdmin';

const GROUP = '33333333-3333-4333-8333-333333333333';
const OTHER = '44444444-4444-4444-8444-444444444444';
const conflict = json(409, { object: 'error', status: 409, code: 'conflict_error', message: 'Conflict.' });

const refusal = (promise: Promise<unknown>) =>
	promise.then(
		() => Promise.reject(new Error('expected a failure')),
		(error: { kind: string; message: string; hint: string }) => error,
	);

it('a delete refused without a clue names both causes: a transfer owner to set, or SCIM', async () => {
	// The delete reads the group first (so a 404 after a lost answer can be trusted).
	const group = json(200, { object: 'group', id: GROUP, name: 'Auditors' });
	const { client } = fakeOrganization((request) => (request.method === 'DELETE' ? conflict : request.method === 'GET' ? group : undefined));
	const error = await refusal(client.permissionGroups.delete({ workspaceId: WS1, groupId: GROUP }));
	expect(error.kind).toBe('refused');
	expect(error.hint).toContain('Transfer To Owner ID');
	expect(error.hint).toContain("Notion Admin node's Group operations");
});

it('a rename refused without a clue is a taken name only when another group has it', async () => {
	for (const [holder, kind] of [[OTHER, 'conflict'], [GROUP, 'refused']] as const) {
		const { client } = fakeOrganization((request) =>
			request.method === 'PATCH' ? conflict : list([{ object: 'group', id: holder, name: 'Auditors' }]),
		);
		expect((await refusal(client.permissionGroups.rename({ workspaceId: WS1, groupId: GROUP }, 'Auditors'))).kind).toBe(kind);
	}
});
