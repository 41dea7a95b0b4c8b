/**
 * The organization client's permission groups against the emulator's Admin API: list (paged),
 * get, create, rename, delete with and without a transfer owner, members listed, added and
 * removed; each 409 explained by its cause (SCIM-managed, taken name, transfer owner needed);
 * a missing scope named; input checked before any request.
 */
import { NotionAdminError } from '../../../nodes/common/connector/errors';
import { generateSeed } from '../../../tools/notion-emulator';
import { useEmulator } from '../../../tools/notion-emulator/support';
import { organizationOn as clientOn } from './onEmulator';

const current = useEmulator({ seed: generateSeed({ members: 12, seed: 3, adminOnlyWorkspaces: 2 }) });
const organizationOn = () => clientOn(current());

/** What the promise was rejected with (a fulfilled one fails the test). */
const failure = (promise: Promise<unknown>): Promise<NotionAdminError> =>
	promise.then(
		() => Promise.reject(new Error('expected a failure')),
		(error: NotionAdminError) => error,
	);

const snapshot = () => current().control.snapshot();
const main = () => snapshot().workspace.id;
const adminGroup = (name: string) => snapshot().organization!.adminGroups.find((group) => group.name === name && group.spaceId === main())!;
const scimGroup = () => snapshot().groups[0];
const owner = () => snapshot().members.find((member) => member.role === 'owner' && member.active)!;
const requests = () => current().control.requestLog().filter((entry) => entry.api === 'admin').map((entry) => `${entry.method} ${entry.path}`);

describe('permission groups on the emulator', () => {
	it('lists both kinds, a page at a time, and stops at a limit', async () => {
		const { client } = clientOn(current(), { pageSize: 2 });
		const groups = await client.permissionGroups.list(main());
		const expected = [
			...snapshot().groups.map((group) => ({ id: group.id, name: group.displayName })),
			...snapshot().organization!.adminGroups.filter((group) => group.spaceId === main()).map(({ id, name }) => ({ id, name })),
		].sort((a, b) => (a.id < b.id ? -1 : 1));
		expect(groups.map(({ id, name }) => ({ id, name }))).toEqual(expected);
		expect(groups.every((group) => group.workspaceId === main())).toBe(true);
		await expect(client.permissionGroups.list(main(), { limit: 1 })).resolves.toHaveLength(1);
	});

	it('creates, renames and deletes an admin-managed group, as the organization then shows', async () => {
		const { client } = organizationOn();
		const created = await client.permissionGroups.create(main(), 'Auditors');
		expect(adminGroup('Auditors').id).toBe(created.id);
		const renamed = await client.permissionGroups.rename({ workspaceId: main(), groupId: created.id }, 'External auditors');
		expect(renamed).toMatchObject({ id: created.id, name: 'External auditors', workspaceId: main() });
		expect(adminGroup('External auditors')).toBeDefined();
		await expect(client.permissionGroups.delete({ workspaceId: main(), groupId: created.id })).resolves.toEqual({
			workspaceId: main(),
			groupId: created.id,
			deleted: true,
		});
		expect(snapshot().organization!.adminGroups.some((group) => group.id === created.id)).toBe(false);
	});

	it('a group that owns pages is deleted only with a transfer owner; without one, nothing changes and the error says what to set', async () => {
		const { client } = organizationOn();
		const responders = { workspaceId: main(), groupId: adminGroup('Incident responders').id };
		const refused = await failure(client.permissionGroups.delete(responders));
		expect(refused.kind).toBe('refused');
		expect(refused.hint).toContain('Transfer To Owner ID');
		expect(adminGroup('Incident responders')).toBeDefined();
		await client.permissionGroups.delete(responders, owner().id);
		expect(snapshot().organization!.adminGroups.some((group) => group.id === responders.groupId)).toBe(false);
	});

	it('adds, lists and removes members; removing someone not in the group says so without failing', async () => {
		const { client } = organizationOn();
		const ref = { workspaceId: main(), groupId: adminGroup('Security reviewers').id };
		const newcomer = owner().id;
		await expect(client.permissionGroups.addMember(ref, newcomer, 'owner')).resolves.toEqual({ userId: newcomer, role: 'owner' });
		expect(adminGroup('Security reviewers').members).toContainEqual({ userId: newcomer, role: 'owner' });
		expect(await client.permissionGroups.listMembers(ref)).toEqual(adminGroup('Security reviewers').members.slice().sort((a, b) => (a.userId < b.userId ? -1 : 1)));
		await expect(client.permissionGroups.removeMember(ref, newcomer)).resolves.toEqual({ userId: newcomer, removed: true });
		await expect(client.permissionGroups.removeMember(ref, newcomer)).resolves.toEqual({ userId: newcomer, removed: false });
		expect(adminGroup('Security reviewers').members.some((member) => member.userId === newcomer)).toBe(false);
	});

	it("every write on a SCIM-managed group is explained and points to Notion Admin's Group operations", async () => {
		const { client } = organizationOn();
		const ref = { workspaceId: main(), groupId: scimGroup().id };
		for (const write of [
			() => client.permissionGroups.rename(ref, 'Renamed'),
			() => client.permissionGroups.delete(ref),
			() => client.permissionGroups.addMember(ref, owner().id),
			() => client.permissionGroups.removeMember(ref, scimGroup().memberIds[0]),
		]) {
			const error = await failure(write());
			expect(error.kind).toBe('refused');
			expect(error.message).toContain('managed by SCIM');
			expect(error.hint).toContain("Notion Admin node's Group operations");
		}
		expect(snapshot().groups[0]).toEqual(scimGroup());
	});

	it('a taken name is a conflict that says so, on create and on rename', async () => {
		const { client } = organizationOn();
		const taken = scimGroup().displayName;
		for (const write of [
			() => client.permissionGroups.create(main(), taken),
			() => client.permissionGroups.rename({ workspaceId: main(), groupId: adminGroup('Security reviewers').id }, 'Incident responders'),
		]) {
			const error = await failure(write());
			expect(error.kind).toBe('conflict');
			expect(error.message).toContain('already named');
		}
	});

	it('an unknown group is not found, and a token without permission-group:write is told to add it', async () => {
		const { client } = organizationOn();
		const absent = '0f0f0f0f-0000-4000-8000-000000000000';
		const missing = await failure(client.permissionGroups.get({ workspaceId: main(), groupId: absent }));
		expect(missing.kind).toBe('not_found');
		expect(missing.hint).toContain('Get Many');
		current().control.setBehaviours({ adminTokenScopes: ['permission-group:read'] });
		const forbidden = await failure(client.permissionGroups.create(main(), 'Auditors'));
		expect(forbidden.kind).toBe('forbidden');
		expect(forbidden.hint).toContain('"permission-group:write"');
	});

	it('refuses bad input naming the field, before any request', async () => {
		const { client } = organizationOn();
		current().control.resetLog();
		const ref = { workspaceId: main(), groupId: adminGroup('Security reviewers').id };
		const cases: Array<[Promise<unknown>, string]> = [
			[client.permissionGroups.list('nope'), 'workspaceId'],
			[client.permissionGroups.create(main(), '  '), 'name'],
			[client.permissionGroups.rename({ ...ref, groupId: 'x' }, 'A'), 'groupId'],
			[client.permissionGroups.delete(ref, 'bob'), 'transferToOwnerId'],
			[client.permissionGroups.addMember(ref, owner().id, 'admin' as never), 'role'],
			[client.permissionGroups.removeMember(ref, ''), 'userId'],
			[client.permissionGroups.listMembers(ref, { limit: 0 }), 'limit'],
		];
		for (const [promise, field] of cases) {
			const error = await failure(promise);
			expect([error.kind, error.field]).toEqual(['invalid_input', field]);
		}
		expect(requests()).toEqual([]);
	});
});
