/**
 * Dry Run of the Notion Organization operations that change several people in one call, through
 * n8n's engine against the emulator: each dry run sends no write (the emulator's request log has
 * no POST, PUT, PATCH or DELETE), changes nothing, and outputs what the real run then does, one
 * item paired with each input item. Operations that change one record (or whose targets the Admin
 * API cannot list) have no Dry Run.
 */
import { NotionOrganization } from '../../../nodes/NotionOrganization/NotionOrganization.node';
import { byId, expectSuccess, organization, runOrganization as runOn } from './support';
import { outputJson as json, useOrganization } from './useOrganization';

type Json = Record<string, unknown>;

const current = useOrganization();
const run = (parameters: Json, options?: Parameters<typeof runOn>[2]) => runOn(current(), parameters, options);
const main = () => current().control.snapshot().workspace.id;
const people = () => current().control.snapshot().members.filter((member) => member.active && member.role !== 'restricted_member').map((member) => member.id);
const holds = () => organization(current()).legalHolds;
const adminGroup = () => organization(current()).adminGroups.find((group) => group.name === 'Security reviewers' && group.spaceId === main())!;
const byItem = { userIds: '={{ $json.userIds }}' };

/** The Admin API writes the emulator saw since the last reset. */
const writes = () =>
	current()
		.control.requestLog()
		.filter((entry) => entry.api === 'admin' && entry.method !== 'GET')
		.map((entry) => `${entry.method} ${entry.path}`);

/**
 * Runs `parameters` as a dry run, then for real, each over `items`: the dry run must succeed,
 * send no write and leave the emulator's state as it was.
 */
async function dryThenReal(parameters: Json, items: Json[], options: { continueOnFail?: boolean } = {}) {
	const before = current().control.snapshot();
	current().control.resetLog();
	const dry = await run({ ...parameters, options: { dryRun: true } }, { items, ...options });
	expectSuccess(dry);
	expect(writes()).toEqual([]);
	expect(current().control.requestLog().length).toBeGreaterThan(0);
	expect(current().control.snapshot()).toEqual(before);
	expect(dry.items.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));

	const real = await run(parameters, { items, ...options });
	expectSuccess(real);
	expect(real.items.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
	return { dry: json(dry), real: json(real) };
}

async function holdOf(userIds: string[]): Promise<string> {
	const created = await run({ resource: 'legalHold', operation: 'create', name: 'Northstar preservation', userIds, activities: ['page.edited'] });
	expectSuccess(created);
	return json(created)[0].id as string;
}

describe('Dry Run', () => {
	it('is an option, off by default, of exactly the operations that change several people in one call', () => {
		const withDryRun = new NotionOrganization().description.properties
			.filter((field) => field.name === 'options' && (field.options ?? []).some((option) => 'name' in option && option.name === 'dryRun'))
			.flatMap((field) => (field.displayOptions?.show?.operation as string[]).map((operation) => `${String(field.displayOptions?.show?.resource)} → ${operation}`));
		expect(withDryRun.sort()).toEqual(['legalHold → addUsers', 'legalHold → removeUsers', 'permissionGroup → addMembers', 'permissionGroup → removeMembers']);
		const field = new NotionOrganization().description.properties.find((property) => property.name === 'options' && property.displayOptions?.show?.operation?.[0] === 'addUsers');
		expect(field?.options?.[0]).toMatchObject({ name: 'dryRun', type: 'boolean', default: false });
	});

	it('Legal Hold → Remove Users: the dry run lists who would be removed and who is not held, as the real run then does', async () => {
		const [a, b, c, d] = people();
		const id = await holdOf([a, b]);
		const { dry, real } = await dryThenReal({ resource: 'legalHold', operation: 'removeUsers', legalHoldId: id, ...byItem }, [{ userIds: [b, c] }, { userIds: [d] }]);
		expect(dry).toEqual([
			{ legalHoldId: id, dryRun: true, removed: [b], notHeld: [c] },
			{ legalHoldId: id, dryRun: true, removed: [], notHeld: [d] },
		]);
		expect(dry.map(({ dryRun, ...rest }) => rest)).toEqual(real);
		expect(holds()[0].userIds).toEqual([a]);
	});

	it('Legal Hold → Add Users: the dry run gives the hold as it is, who would be added and who is already held; the real run adds exactly those', async () => {
		// The hold names one person inline: who else is held is read from its users list.
		current().control.setBehaviours({ adminLegalHoldInlineIds: 1 });
		const [a, b, c, d] = people();
		const id = await holdOf([a, b]);
		const heldBefore = holds()[0].userIds;
		const { dry, real } = await dryThenReal({ resource: 'legalHold', operation: 'addUsers', legalHoldId: id, ...byItem }, [{ userIds: [a, b, c] }, { userIds: [d] }]);
		expect(dry.map(({ toAdd, unchanged }) => ({ toAdd, unchanged }))).toEqual([
			{ toAdd: [c], unchanged: [a, b] },
			{ toAdd: [d], unchanged: [] },
		]);
		expect(dry.map((item) => item.dryRun)).toEqual([true, true]);
		const holdNow = { ...dry[0], dryRun: undefined, toAdd: undefined, unchanged: undefined };
		expect(holdNow).toMatchObject({ id, userTotal: 2, userIds: [heldBefore[0]] });
		expect(writes()).toEqual(['POST /admin/v1/legal_holds/' + id + '/users', 'POST /admin/v1/legal_holds/' + id + '/users']);

		// The real run's hold is the same hold with the dry run's people added, no one else.
		const added = dry.flatMap((item) => item.toAdd as string[]);
		expect(holds()[0].userIds).toEqual([...heldBefore, ...added].sort());
		const sameHold = (hold: Json) => ({ ...hold, userIds: undefined, userTotal: undefined, workspaceIds: undefined, workspaceTotal: undefined });
		expect(sameHold(real[0])).toEqual(sameHold(holdNow));
		expect(real.map((hold) => hold.userTotal)).toEqual([2 + 1, 2 + 1 + 1]);
	});

	it('Permission Group → Add Members: the dry run lists what the real run returns, and who already has that role', async () => {
		const before = adminGroup();
		const member = before.members.find((entry) => entry.role === 'member')!.userId;
		// An owner asked to be a member changes role: not unchanged.
		const owner = before.members.find((entry) => entry.role === 'owner')!.userId;
		const [n1, n2] = people().filter((id) => !before.members.some((entry) => entry.userId === id));
		const parameters = { resource: 'permissionGroup', operation: 'addMembers', workspace: byId(main()), groupId: before.id, role: 'member', ...byItem };
		const { dry, real } = await dryThenReal(parameters, [{ userIds: [owner, member, n1] }, { userIds: [n2] }]);
		expect(dry.map((item) => item.unchanged)).toEqual([[member], []]);
		expect(dry.map(({ dryRun, unchanged, ...rest }) => ({ dryRun, ...rest }))).toEqual(real.map((item) => ({ dryRun: true, ...item })));
		expect(adminGroup().members).toEqual(expect.arrayContaining([owner, member, n1, n2].map((userId) => ({ userId, role: 'member' }))));
	});

	it('Permission Group → Remove Members: the dry run lists who would be removed and who is not a member, as the real run then does', async () => {
		const before = adminGroup();
		const [m1, m2] = before.members.map((entry) => entry.userId);
		const outsider = people().find((id) => !before.members.some((entry) => entry.userId === id))!;
		const parameters = { resource: 'permissionGroup', operation: 'removeMembers', workspace: byId(main()), groupId: before.id, ...byItem };
		const { dry, real } = await dryThenReal(parameters, [{ userIds: [m1, outsider] }, { userIds: [m2] }]);
		expect(dry).toEqual([
			{ workspaceId: main(), groupId: before.id, dryRun: true, removed: [m1], notMembers: [outsider] },
			{ workspaceId: main(), groupId: before.id, dryRun: true, removed: [m2], notMembers: [] },
		]);
		expect(dry.map(({ dryRun, ...rest }) => rest)).toEqual(real);
		expect(adminGroup().members.map((entry) => entry.userId)).not.toEqual(expect.arrayContaining([m1]));
		expect(adminGroup().members.map((entry) => entry.userId)).not.toEqual(expect.arrayContaining([m2]));
	});

	it('a SCIM-managed group, where Notion marks it so, fails the dry run as the real run fails', async () => {
		current().control.setBehaviours({ adminGroupFields: 'extended' });
		const scim = current().control.snapshot().groups.find((group) => group.memberIds.length > 0)!;
		for (const operation of ['addMembers', 'removeMembers']) {
			const parameters = { resource: 'permissionGroup', operation, workspace: byId(main()), groupId: scim.id, userIds: scim.memberIds[0] };
			const { dry, real } = await dryThenReal(parameters, [{}], { continueOnFail: true });
			expect(dry[0]).toMatchObject({ kind: 'refused', description: real[0].description });
			expect(real[0].kind).toBe('refused');
			expect(dry[0].error).toContain('is managed by SCIM');
		}
	});

	it('an unknown hold or group fails the dry run as not found; text for Dry Run fails naming the field before any request', async () => {
		const [a] = people();
		let result = await run({ resource: 'legalHold', operation: 'addUsers', legalHoldId: '0f0f0f0f-0000-4000-8000-000000000000', userIds: a, options: { dryRun: true } }, { continueOnFail: true });
		expect(json(result)[0]).toMatchObject({ kind: 'not_found' });
		result = await run({ resource: 'permissionGroup', operation: 'removeMembers', workspace: byId(main()), groupId: '0f0f0f0f-0000-4000-8000-000000000000', userIds: a, options: { dryRun: true } }, { continueOnFail: true });
		expect(json(result)[0]).toMatchObject({ kind: 'not_found' });
		expect(writes()).toEqual([]);

		current().control.resetLog();
		result = await run({ resource: 'legalHold', operation: 'removeUsers', legalHoldId: 'any', userIds: a, options: { dryRun: '={{ "true" }}' } });
		expect(result.status).toBe('error');
		expect(result.error?.message).toContain('Options → Dry Run');
		expect(current().control.requestLog()).toEqual([]);
	});
});
