/**
 * Every parameter of every Notion Organization operation, given bad values through an expression
 * (the way bad data arrives from upstream nodes): each gives an error naming the item and the
 * field before any request; with continue-on-fail nothing stops the workflow; without it the run
 * stops with that error and nothing was sent.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Emulator } from '../../../tools/notion-emulator';
import { describeValue, VALUES, type Values } from '../../badInput/values';
import { adminRequests, byEmail, byId, runOrganization, startOrganization } from './support';

const V = '={{ $json.value }}';
const WS = '11111111-1111-4111-8111-111111111111';
const USER = '22222222-2222-4222-8222-222222222222';

interface Parameter {
	operation: string;
	field: string;
	values: Values;
	parameters: Record<string, unknown>;
}

const STATUSES: Values = { rejected: ['maybe', '', null, 42, ['active', 'gone']], accepted: [], either: [] };

/** Blank means none (Delete's Transfer To Owner ID). */
const OPTIONAL_ID: Values = { ...VALUES.id, rejected: VALUES.id.rejected.filter((value) => value !== '') };
const GROUP = '33333333-3333-4333-8333-333333333333';
const SECONDS: Values = { rejected: [-1, 'abc', '', null, true, 1e12], accepted: [], either: [] };
const ACTIVITIES: Values = { rejected: [['page.deleted'], 'page.edited', [], null, 42], accepted: [], either: [] };
const TIMES: Values = { rejected: ['tomorrow', '   ', 42, true, '2026-13-45T99:00:00Z'], accepted: [], either: [] };
const HOLD = { name: 'Case', userIds: USER, activities: ['page.edited'] };
const START = { workspace: byId(WS), onBehalfOf: 'ada@acme.test', format: 'html' };

const op = (resource: string, operation: string, extra: Record<string, unknown>) => ({ resource, operation, ...extra });

const PARAMETERS: Parameter[] = [
	{ operation: 'Workspace → Get Many', field: 'Limit', values: VALUES.limit, parameters: op('workspace', 'getAll', { returnAll: false, limit: V }) },
	{ operation: 'Workspace → Get Many', field: 'Return All', values: VALUES.boolean, parameters: op('workspace', 'getAll', { returnAll: V, limit: 2 }) },

	{ operation: 'Member → Get Many', field: 'Workspace', values: VALUES.id, parameters: op('member', 'getAll', { workspace: byId(V), returnAll: true }) },
	{ operation: 'Member → Get Many', field: 'Limit', values: VALUES.limit, parameters: op('member', 'getAll', { workspace: byId(WS), returnAll: false, limit: V }) },
	{ operation: 'Member → Find in Every Workspace', field: 'Email', values: VALUES.email, parameters: op('member', 'findInEveryWorkspace', { email: V }) },

	{ operation: 'Session → Revoke', field: 'User (By ID)', values: VALUES.id, parameters: op('session', 'revoke', { user: byId(V) }) },
	{ operation: 'Session → Revoke', field: 'User (By Email)', values: VALUES.email, parameters: op('session', 'revoke', { user: byEmail(V) }) },

	{ operation: 'Personal Access Token → Get Many', field: 'Workspace', values: VALUES.id, parameters: op('personalAccessToken', 'getAll', { workspace: byId(V), returnAll: true }) },
	{ operation: 'Personal Access Token → Get Many', field: 'Filters → Owner', values: VALUES.email, parameters: op('personalAccessToken', 'getAll', { workspace: byId(WS), returnAll: true, filters: { owner: V } }) },
	{ operation: 'Personal Access Token → Get Many', field: 'Filters → Search', values: VALUES.name, parameters: op('personalAccessToken', 'getAll', { workspace: byId(WS), returnAll: true, filters: { search: V } }) },
	{ operation: 'Personal Access Token → Get Many', field: 'Filters → Status', values: STATUSES, parameters: op('personalAccessToken', 'getAll', { workspace: byId(WS), returnAll: true, filters: { status: V } }) },
	{ operation: 'Personal Access Token → Revoke', field: 'Workspace', values: VALUES.id, parameters: op('personalAccessToken', 'revoke', { workspace: byId(V), tokenId: USER }) },
	{ operation: 'Personal Access Token → Revoke', field: 'Token ID', values: VALUES.id, parameters: op('personalAccessToken', 'revoke', { workspace: byId(WS), tokenId: V }) },

	{ operation: 'MCP Connection → Get Many', field: 'Filters → User IDs', values: VALUES.optionalUsers, parameters: op('mcpConnection', 'getAll', { returnAll: true, filters: { userIds: V } }) },
	{ operation: 'MCP Connection → Get Many', field: 'Filters → Workspace IDs', values: VALUES.optionalUsers, parameters: op('mcpConnection', 'getAll', { returnAll: true, filters: { workspaceIds: V } }) },
	{ operation: 'MCP Connection → Revoke', field: 'Client Key', values: VALUES.name, parameters: op('mcpConnection', 'revoke', { clientKey: V, userId: USER, workspace: byId(WS) }) },
	{ operation: 'MCP Connection → Revoke', field: 'User ID', values: VALUES.id, parameters: op('mcpConnection', 'revoke', { clientKey: 'claude-code', userId: V, workspace: byId(WS) }) },
	{ operation: 'MCP Connection → Revoke', field: 'Workspace', values: VALUES.id, parameters: op('mcpConnection', 'revoke', { clientKey: 'claude-code', userId: USER, workspace: byId(V) }) },
	...(['denyManagedAccess', 'restoreManagedAccess'] as const).flatMap((operation): Parameter[] => [
		{ operation: `MCP Connection → ${operation}`, field: 'User ID', values: VALUES.id, parameters: op('mcpConnection', operation, { userId: V, workspace: byId(WS) }) },
		{ operation: `MCP Connection → ${operation}`, field: 'Workspace', values: VALUES.id, parameters: op('mcpConnection', operation, { userId: USER, workspace: byId(V) }) },
	]),

	{ operation: 'Permission Group → Get Many', field: 'Workspace', values: VALUES.id, parameters: op('permissionGroup', 'getAll', { workspace: byId(V), returnAll: true }) },
	{ operation: 'Permission Group → Get Many', field: 'Limit', values: VALUES.limit, parameters: op('permissionGroup', 'getAll', { workspace: byId(WS), returnAll: false, limit: V }) },
	{ operation: 'Permission Group → Get', field: 'Group ID', values: VALUES.id, parameters: op('permissionGroup', 'get', { workspace: byId(WS), groupId: V }) },
	{ operation: 'Permission Group → Get', field: 'Workspace', values: VALUES.id, parameters: op('permissionGroup', 'get', { workspace: byId(V), groupId: GROUP }) },
	{ operation: 'Permission Group → Create', field: 'Name', values: VALUES.name, parameters: op('permissionGroup', 'create', { workspace: byId(WS), name: V }) },
	{ operation: 'Permission Group → Rename', field: 'Name', values: VALUES.name, parameters: op('permissionGroup', 'rename', { workspace: byId(WS), groupId: GROUP, name: V }) },
	{ operation: 'Permission Group → Rename', field: 'Group ID', values: VALUES.id, parameters: op('permissionGroup', 'rename', { workspace: byId(WS), groupId: V, name: 'A' }) },
	{ operation: 'Permission Group → Delete', field: 'Group ID', values: VALUES.id, parameters: op('permissionGroup', 'delete', { workspace: byId(WS), groupId: V }) },
	{ operation: 'Permission Group → Delete', field: 'Options → Transfer To Owner ID', values: OPTIONAL_ID, parameters: op('permissionGroup', 'delete', { workspace: byId(WS), groupId: GROUP, options: { transferToOwnerId: V } }) },
	{ operation: 'Permission Group → Get Members', field: 'Limit', values: VALUES.limit, parameters: op('permissionGroup', 'getMembers', { workspace: byId(WS), groupId: GROUP, returnAll: false, limit: V }) },
	{ operation: 'Permission Group → Add Members', field: 'User IDs', values: VALUES.users, parameters: op('permissionGroup', 'addMembers', { workspace: byId(WS), groupId: GROUP, userIds: V }) },
	{ operation: 'Permission Group → Add Members', field: 'Role', values: VALUES.choice, parameters: op('permissionGroup', 'addMembers', { workspace: byId(WS), groupId: GROUP, userIds: USER, role: V }) },
	{ operation: 'Permission Group → Remove Members', field: 'User IDs', values: VALUES.users, parameters: op('permissionGroup', 'removeMembers', { workspace: byId(WS), groupId: GROUP, userIds: V }) },

	{ operation: 'Export → Start', field: 'Workspace', values: VALUES.id, parameters: op('export', 'start', { ...START, workspace: byId(V) }) },
	{ operation: 'Export → Start', field: 'On Behalf Of (Email)', values: VALUES.email, parameters: op('export', 'start', { ...START, onBehalfOf: V }) },
	{ operation: 'Export → Start', field: 'Format', values: VALUES.choice, parameters: op('export', 'start', { ...START, format: V }) },
	{ operation: 'Export → Start', field: 'Wait Until Done', values: VALUES.boolean, parameters: op('export', 'start', { ...START, waitUntilDone: V }) },
	{ operation: 'Export → Start', field: 'Timeout (Seconds)', values: SECONDS, parameters: op('export', 'start', { ...START, waitUntilDone: true, timeoutSeconds: V }) },
	{ operation: 'Export → Start', field: 'Options → Teamspace IDs', values: VALUES.optionalUsers, parameters: op('export', 'start', { ...START, options: { teamspaceIds: V } }) },
	{ operation: 'Export → Start', field: 'Options → Include Files', values: VALUES.boolean, parameters: op('export', 'start', { ...START, options: { includeFiles: V } }) },
	{ operation: 'Export → Start', field: 'Options → Database Views', values: VALUES.choice, parameters: op('export', 'start', { ...START, options: { databaseViews: V } }) },
	{ operation: 'Export → Get Status', field: 'Export Job ID', values: VALUES.name, parameters: op('export', 'getStatus', { workspace: byId(WS), exportJobId: V }) },

	{ operation: 'Legal Hold → Get Many', field: 'Limit', values: VALUES.limit, parameters: op('legalHold', 'getAll', { returnAll: false, limit: V }) },
	{ operation: 'Legal Hold → Get Many', field: 'Filters → User ID', values: VALUES.id, parameters: op('legalHold', 'getAll', { returnAll: true, filters: { userId: V } }) },
	{ operation: 'Legal Hold → Create', field: 'Name', values: VALUES.name, parameters: op('legalHold', 'create', { ...HOLD, name: V }) },
	{ operation: 'Legal Hold → Create', field: 'User IDs', values: VALUES.users, parameters: op('legalHold', 'create', { ...HOLD, userIds: V }) },
	{ operation: 'Legal Hold → Create', field: 'Activities', values: ACTIVITIES, parameters: op('legalHold', 'create', { ...HOLD, activities: V }) },
	{ operation: 'Legal Hold → Create', field: 'Options → Start Date', values: TIMES, parameters: op('legalHold', 'create', { ...HOLD, options: { startDate: V } }) },
	{ operation: 'Legal Hold → Create', field: 'Options → End Date', values: TIMES, parameters: op('legalHold', 'create', { ...HOLD, options: { endDate: V } }) },
	{ operation: 'Legal Hold → Add Users', field: 'Legal Hold ID', values: VALUES.name, parameters: op('legalHold', 'addUsers', { legalHoldId: V, userIds: USER }) },
	{ operation: 'Legal Hold → Add Users', field: 'User IDs', values: VALUES.users, parameters: op('legalHold', 'addUsers', { legalHoldId: 'hold', userIds: V }) },
	{ operation: 'Legal Hold → Remove Users', field: 'User IDs', values: VALUES.users, parameters: op('legalHold', 'removeUsers', { legalHoldId: 'hold', userIds: V }) },
	{ operation: 'Legal Hold → Release', field: 'Legal Hold ID', values: VALUES.name, parameters: op('legalHold', 'release', { legalHoldId: V }) },
];

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startOrganization();
});
afterAll(async () => {
	await emulator.stop();
});

/** What is wrong with one run of a bad value, or undefined. */
async function tryRejected(parameter: Parameter, value: unknown): Promise<string | undefined> {
	emulator.control.resetLog();
	const run = await runOrganization(emulator, parameter.parameters, { items: [{ value }], continueOnFail: true });
	if (run.status !== 'success') return `the workflow stopped with continue-on-fail on: ${run.error?.message}`;
	const output = run.items.map((item) => item.json as IDataObject);
	const error = output.length === 1 && typeof output[0].error === 'string' ? output[0] : undefined;
	if (error === undefined) return `accepted (${JSON.stringify(output).slice(0, 200)}; ${adminRequests(emulator).length} requests)`;
	const message = String(error.error);
	if (!message.includes(parameter.field) || !message.includes('[item 0]')) return `unclear error: ${message.slice(0, 200)}`;
	if (error.kind !== 'invalid_input') return `kind ${String(error.kind)}`;
	if (message.length + String(error.description ?? '').length >= 600) return 'a very long error';
	if (adminRequests(emulator).length > 0) return `${adminRequests(emulator).length} requests were sent`;
	return undefined;
}

describe.each(PARAMETERS)('$operation, $field', (parameter) => {
	it('bad values are refused naming the item and the field, before any request', async () => {
		const problems: string[] = [];
		for (const value of parameter.values.rejected) {
			const problem = await tryRejected(parameter, value);
			if (problem) problems.push(`${describeValue(value)}: ${problem}`);
		}
		expect(problems).toEqual([]);
	});

	it('without continue-on-fail, the run stops with that error and nothing was sent', async () => {
		emulator.control.resetLog();
		const run = await runOrganization(emulator, parameter.parameters, { items: [{ value: 'ok' }, { value: parameter.values.rejected[1] }] });
		expect(run.status).toBe('error');
		expect(run.error?.message).toContain(parameter.field);
		expect(run.error?.message).toMatch(/\[item [01]\]/);
		expect(adminRequests(emulator)).toEqual([]);
	});
});
