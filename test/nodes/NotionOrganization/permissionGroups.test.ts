/**
 * Permission Group operations through n8n's engine against the emulator's Admin API: what changes
 * in the organization, paired items, not found, a missing scope named, a SCIM-managed group's 409
 * explained and pointing to Notion Admin's Group operations, a taken name said so.
 */
import { ABSENT, byId, expectSuccess, organization, runOrganization as runOn } from './support';
import { outputJson as json, useOrganization } from './useOrganization';

const current = useOrganization();
const runOrganization = (parameters: Record<string, unknown>, options?: Parameters<typeof runOn>[2]) => runOn(current(), parameters, options);
const main = () => current().control.snapshot().workspace.id;
const adminGroup = (name: string) => organization(current()).adminGroups.find((group) => group.name === name && group.spaceId === main());
const scimGroup = () => current().control.snapshot().groups[0];
const people = () => current().control.snapshot().members.filter((member) => member.active);
const group = (operation: string, extra: Record<string, unknown> = {}) => ({ resource: 'permissionGroup', operation, workspace: byId(main()), ...extra });

describe('Permission Group through the engine', () => {
	it('Get Many lists both kinds; Get reads one', async () => {
		let run = await runOrganization(group('getAll', { returnAll: true }));
		expectSuccess(run);
		const names = json(run).map((row) => row.name);
		expect(names).toEqual(expect.arrayContaining([scimGroup().displayName, 'Security reviewers', 'Incident responders']));
		run = await runOrganization(group('get', { groupId: scimGroup().id }));
		expectSuccess(run);
		expect(json(run)).toEqual([expect.objectContaining({ id: scimGroup().id, name: scimGroup().displayName, workspaceId: main() })]);
	});

	it('Create, Rename and Delete change the organization, one output item paired with each input item', async () => {
		const run = await runOrganization(group('create', { name: '={{ $json.name }}' }), { items: [{ name: 'Auditors' }, { name: 'Legal' }] });
		expectSuccess(run);
		expect(run.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		const auditors = adminGroup('Auditors')!;
		expect(json(run)[0]).toMatchObject({ id: auditors.id, name: 'Auditors' });

		expectSuccess(await runOrganization(group('rename', { groupId: auditors.id, name: 'External auditors' })));
		expect(adminGroup('External auditors')?.id).toBe(auditors.id);

		const deleted = await runOrganization(group('delete', { groupId: auditors.id }));
		expectSuccess(deleted);
		expect(json(deleted)).toEqual([{ workspaceId: main(), groupId: auditors.id, deleted: true }]);
		expect(adminGroup('External auditors')).toBeUndefined();
	});

	it('Delete of a group that owns pages asks for Transfer To Owner ID, and succeeds with it', async () => {
		const responders = adminGroup('Incident responders')!;
		let run = await runOrganization(group('delete', { groupId: responders.id }));
		expect(run.status).toBe('error');
		expect(run.error?.description).toContain('Transfer To Owner ID');
		expect(adminGroup('Incident responders')).toBeDefined();
		const owner = people().find((member) => member.role === 'owner')!;
		run = await runOrganization(group('delete', { groupId: responders.id, options: { transferToOwnerId: owner.id } }));
		expectSuccess(run);
		expect(adminGroup('Incident responders')).toBeUndefined();
	});

	it('Add Members, Get Members and Remove Members; a re-run of Remove changes nothing', async () => {
		const reviewers = adminGroup('Security reviewers')!;
		const newcomers = people()
			.filter((member) => member.role !== 'restricted_member' && !reviewers.members.some((m) => m.userId === member.id))
			.slice(0, 2)
			.map((member) => member.id);
		let run = await runOrganization(group('addMembers', { groupId: reviewers.id, userIds: newcomers.join(', '), role: 'owner' }));
		expectSuccess(run);
		expect(json(run)[0].added).toEqual(newcomers.map((userId) => ({ userId, role: 'owner' })));
		expect(adminGroup('Security reviewers')!.members).toEqual(expect.arrayContaining(newcomers.map((userId) => ({ userId, role: 'owner' }))));

		run = await runOrganization(group('getMembers', { groupId: reviewers.id, returnAll: true }));
		expectSuccess(run);
		expect(json(run)).toHaveLength(reviewers.members.length + 2);

		run = await runOrganization(group('removeMembers', { groupId: reviewers.id, userIds: newcomers }));
		expectSuccess(run);
		expect(json(run)[0]).toMatchObject({ removed: newcomers, notMembers: [] });
		run = await runOrganization(group('removeMembers', { groupId: reviewers.id, userIds: newcomers }));
		expect(json(run)[0]).toMatchObject({ removed: [], notMembers: newcomers });
		expect(adminGroup('Security reviewers')!.members).toEqual(reviewers.members);
	});

	it("a SCIM-managed group's 409 is explained and points to Notion Admin's Group operations; nothing changes", async () => {
		const before = scimGroup();
		for (const parameters of [
			group('rename', { groupId: before.id, name: 'Renamed' }),
			group('addMembers', { groupId: before.id, userIds: people()[0].id }),
			group('delete', { groupId: before.id }),
		]) {
			const run = await runOrganization(parameters, { continueOnFail: true });
			expectSuccess(run);
			const [failed] = json(run);
			expect(failed.kind).toBe('refused');
			expect(failed.error).toContain('managed by SCIM');
			expect(failed.description).toContain("Notion Admin node's Group operations");
		}
		expect(scimGroup()).toEqual(before);
	});

	it('a taken name is said so; an unknown group is not found; a missing scope is named', async () => {
		let run = await runOrganization(group('create', { name: 'Security reviewers' }));
		expect(run.status).toBe('error');
		expect(run.error?.message).toContain('already named "Security reviewers"');

		run = await runOrganization(group('getMembers', { groupId: ABSENT, returnAll: true }));
		expect(run.status).toBe('error');
		expect(run.error?.description).toContain('Permission Group → Get Many');

		current().control.setBehaviours({ adminTokenScopes: ['workspace:read'] });
		run = await runOrganization(group('getAll', { returnAll: true }));
		expect(run.status).toBe('error');
		expect(run.error?.description).toContain('"permission-group:read"');
	});
});
