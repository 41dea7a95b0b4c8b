/** Workspace → Get License Summary: the trigger's seat summary, on demand. */
import { expectSuccess, runAdmin, useWorkspace } from './support';

const emulator = useWorkspace();

const summary = { resource: 'workspace', operation: 'getLicenseSummary' };

describe('Workspace → Get License Summary', () => {
	it('counts seats by role over SCIM', async () => {
		const run = await runAdmin(emulator(), summary);

		expectSuccess(run);
		expect(run.items).toHaveLength(1);
		expect(run.items[0].pairedItem).toEqual({ item: 0 });
		expect(run.items[0].json).toMatchObject({
			source: 'scim',
			fallbackReason: null,
			activeMembers: 4,
			activeByRole: { owner: 1, membership_admin: 1, member: 1, restricted_member: 1, unknown: 0 },
			deactivatedMembers: 1,
			bots: null,
		});
		expect(run.items[0].json.members).toBeUndefined();
	});

	it('in fallback, says what the standard API could not see', async () => {
		const run = await runAdmin(
			emulator(),
			{ ...summary, options: { includeMembers: true } },
			{ scim: false },
		);

		expectSuccess(run);
		expect(run.items[0].json).toMatchObject({
			source: 'api',
			fallbackReason: 'no_scim_token',
			activeMembers: 4,
			activeByRole: { unknown: 4 },
			deactivatedMembers: null,
			bots: 1,
			unknown: ['roles', 'status'],
		});
		expect(run.items[0].json.members).toHaveLength(5);
	});
});
