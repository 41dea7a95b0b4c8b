/**
 * Every parameter of every Notion Admin operation, given bad values through an expression (the
 * way bad data arrives from upstream nodes): each gives an error naming the item and the field
 * before any request, or the correct result; with continue-on-fail nothing stops the workflow.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Emulator } from '../../tools/notion-emulator';
import { apiRequests, byEmail, byId, byName, ids, runAdmin, startWorkspace } from '../nodes/NotionAdmin/support';
import { describeValue, VALUES, type Kind } from './values';

/** Where the bad value goes: n8n resolves it per item from the item's `value`. */
const V = '={{ $json.value }}';

type Check = (output: IDataObject[], emulator: Emulator, value: unknown) => string | undefined;

interface Parameter {
	operation: string;
	/** The field as the error must name it. */
	field: string;
	kind: Kind;
	parameters: Record<string, unknown>;
	/** For accepted values: what the correct result is. */
	accepted?: Check;
}

const text = (value: unknown) => String(value).trim();
const only = (output: IDataObject[]) => (output.length === 1 ? output[0] : undefined);

/** The one output item has `key` equal to the value (lower-cased for emails), and so has the workspace. */
function outputs(key: string, lower = false): Check {
	return (output, emulator, value) => {
		const want = lower ? text(value).toLowerCase() : text(value);
		const item = only(output);
		if (item?.[key] !== want) return `expected ${key} ${describeValue(want)}, got ${JSON.stringify(output).slice(0, 300)}`;
		const snapshot = emulator.control.snapshot();
		const stored = [...snapshot.members, ...snapshot.groups].find((entry) => entry.id === item.id) as
			| Record<string, unknown>
			| undefined;
		const storedKey = key === 'name' && 'displayName' in (stored ?? {}) ? 'displayName' : key;
		return stored?.[storedKey] === want ? undefined : `the workspace holds ${describeValue(stored?.[storedKey])}`;
	};
}

const notFound: Check = (output) =>
	only(output)?.kind === 'not_found' ? undefined : `expected not_found, got ${JSON.stringify(output).slice(0, 300)}`;
const nothing: Check = (output) => (output.length === 0 ? undefined : `expected no items, got ${output.length}`);
const notFoundRemoval: Check = (output) =>
	only(output)?.notFound === true && only(output)?.removed === false ? undefined : `got ${JSON.stringify(output)}`;

const user = (operation: string, extra: Record<string, unknown>) => ({ resource: 'user', operation, ...extra });
const group = (operation: string, extra: Record<string, unknown>) => ({ resource: 'group', operation, ...extra });
const newMember = { email: 'new@acme.test', role: 'member' };

const PARAMETERS: Parameter[] = [
	{ operation: 'User → Create', field: 'Email', kind: 'email', parameters: user('create', { email: V, role: 'member' }), accepted: outputs('email', true) },
	{ operation: 'User → Create', field: 'Role', kind: 'role', parameters: user('create', { email: 'new@acme.test', role: V }) },
	...(['Full Name', 'Given Name', 'Family Name'] as const).map((field): Parameter => {
		const key = { 'Full Name': 'name', 'Given Name': 'givenName', 'Family Name': 'familyName' }[field];
		return { operation: 'User → Create', field, kind: 'name', parameters: user('create', { ...newMember, additionalFields: { [key]: V } }), accepted: outputs(key) };
	}),
	{ operation: 'User → Create', field: 'If Already a Member', kind: 'choice', parameters: user('create', { email: 'grace@acme.test', role: 'member', options: { ifAlreadyMember: V } }) },

	{ operation: 'User → Get', field: 'User', kind: 'id', parameters: user('get', { user: byId(V) }) },
	{ operation: 'User → Get', field: 'User (By Email)', kind: 'email', parameters: user('get', { user: byEmail(V) }), accepted: notFound },
	{ operation: 'User → Get', field: 'Include Raw Resource', kind: 'boolean', parameters: user('get', { user: byId(ids.grace), options: { raw: V } }) },

	{ operation: 'User → Get Many', field: 'Limit', kind: 'limit', parameters: user('getAll', { returnAll: false, limit: V }) },
	{ operation: 'User → Get Many', field: 'Return All', kind: 'boolean', parameters: user('getAll', { returnAll: V, limit: 2 }) },
	{ operation: 'User → Get Many', field: 'Email', kind: 'email', parameters: user('getAll', { returnAll: true, filters: { email: V } }), accepted: nothing },
	{ operation: 'User → Get Many', field: 'Name Contains', kind: 'name', parameters: user('getAll', { returnAll: true, filters: { name: V } }), accepted: nothing },
	{ operation: 'User → Get Many', field: 'Include Deactivated', kind: 'boolean', parameters: user('getAll', { returnAll: true, options: { includeDeactivated: V } }) },
	{ operation: 'User → Get Many', field: 'Include Raw Resource', kind: 'boolean', parameters: user('getAll', { returnAll: true, options: { raw: V } }) },

	{ operation: 'User → Update', field: 'User', kind: 'id', parameters: user('update', { user: byId(V), updateFields: { role: 'member' } }) },
	{ operation: 'User → Update', field: 'Email', kind: 'email', parameters: user('update', { user: byId(ids.grace), updateFields: { email: V } }), accepted: outputs('email', true) },
	...(['Full Name', 'Given Name', 'Family Name'] as const).map((field): Parameter => {
		const key = { 'Full Name': 'name', 'Given Name': 'givenName', 'Family Name': 'familyName' }[field];
		return { operation: 'User → Update', field, kind: 'name', parameters: user('update', { user: byId(ids.grace), updateFields: { [key]: V } }), accepted: outputs(key) };
	}),
	{ operation: 'User → Update', field: 'Role', kind: 'role', parameters: user('update', { user: byId(ids.grace), updateFields: { role: V } }) },
	{ operation: 'User → Update', field: 'Active', kind: 'boolean', parameters: user('update', { user: byId(ids.grace), updateFields: { active: V } }) },

	{ operation: 'User → Remove From Workspace', field: 'User', kind: 'id', parameters: user('remove', { user: byId(V) }) },
	{ operation: 'User → Remove From Workspace', field: 'User (By Email)', kind: 'email', parameters: user('remove', { user: byEmail(V) }), accepted: notFoundRemoval },
	{ operation: 'User → Remove From Workspace', field: 'If Not Found', kind: 'choice', parameters: user('remove', { user: byId(ids.absent), options: { ifNotFound: V } }) },

	{ operation: 'Group → Create', field: 'Name', kind: 'name', parameters: group('create', { name: V }), accepted: outputs('name') },
	{
		operation: 'Group → Create',
		field: 'Members',
		kind: 'optionalUsers',
		parameters: group('create', { name: 'New Group', options: { members: V } }),
		accepted: (output) => (only(output)?.memberCount === 0 ? undefined : `expected an empty group, got ${JSON.stringify(output)}`),
	},

	{ operation: 'Group → Get', field: 'Group', kind: 'id', parameters: group('get', { group: byId(V) }) },
	{ operation: 'Group → Get', field: 'Group (By Name)', kind: 'name', parameters: group('get', { group: byName(V) }), accepted: notFound },
	{ operation: 'Group → Get', field: 'Include Raw Resource', kind: 'boolean', parameters: group('get', { group: byId(ids.engineering), options: { raw: V } }) },

	{ operation: 'Group → Get Many', field: 'Limit', kind: 'limit', parameters: group('getAll', { returnAll: false, limit: V }) },
	{ operation: 'Group → Get Many', field: 'Return All', kind: 'boolean', parameters: group('getAll', { returnAll: V, limit: 1 }) },
	{ operation: 'Group → Get Many', field: 'Name', kind: 'name', parameters: group('getAll', { returnAll: true, filters: { name: V } }), accepted: nothing },
	{ operation: 'Group → Get Many', field: 'Include Raw Resource', kind: 'boolean', parameters: group('getAll', { returnAll: true, options: { raw: V } }) },

	{ operation: 'Group → Get Members', field: 'Group', kind: 'id', parameters: group('getMembers', { group: byId(V) }) },
	{ operation: 'Group → Get Members', field: 'Group (By Name)', kind: 'name', parameters: group('getMembers', { group: byName(V) }), accepted: notFound },

	{ operation: 'Group → Rename', field: 'Group', kind: 'id', parameters: group('rename', { group: byId(V), newName: 'Renamed' }) },
	{ operation: 'Group → Rename', field: 'New Name', kind: 'name', parameters: group('rename', { group: byId(ids.engineering), newName: V }), accepted: outputs('name') },

	{ operation: 'Group → Delete', field: 'Group', kind: 'id', parameters: group('delete', { group: byId(V) }) },

	...([
		['addMembers', 'Add Members'],
		['removeMembers', 'Remove Members'],
		['setMembers', 'Set Members'],
	] as const).flatMap(([operation, label]): Parameter[] => [
		{ operation: `Group → ${label}`, field: 'Group', kind: 'id', parameters: group(operation, { group: byId(V), users: ids.grace }) },
		{ operation: `Group → ${label}`, field: 'Users', kind: 'users', parameters: group(operation, { group: byId(ids.engineering), users: V }) },
	]),
	{ operation: 'Group → Set Members', field: 'Dry Run', kind: 'boolean', parameters: group('setMembers', { group: byId(ids.engineering), users: ids.grace, dryRun: V }) },

	{ operation: 'Workspace → Get License Summary', field: 'Include Members', kind: 'boolean', parameters: { resource: 'workspace', operation: 'getLicenseSummary', options: { includeMembers: V } } },
];

/** What is wrong with one run, or undefined. */
async function tryValue(parameter: Parameter, value: unknown, expect: 'rejected' | 'accepted' | 'either'): Promise<string | undefined> {
	const emulator = await startWorkspace();
	try {
		const run = await runAdmin(emulator, parameter.parameters, { items: [{ value }], continueOnFail: true });
		if (run.status !== 'success') return `the workflow stopped with continue-on-fail on: ${run.error?.message}`;
		const output = run.items.map((item) => item.json);
		const error = output.length === 1 && typeof output[0].error === 'string' ? output[0] : undefined;
		const clear =
			error !== undefined &&
			String(error.error).includes(parameter.field) &&
			String(error.error).includes('[item 0]') &&
			String(error.error).length + String(error.description ?? '').length < 600 &&
			apiRequests(emulator).length === 0;
		if (clear) return expect === 'accepted' ? 'refused a valid value' : undefined;
		if (expect === 'rejected') {
			if (error === undefined) return `accepted (${JSON.stringify(output).slice(0, 200)}; ${apiRequests(emulator).length} requests)`;
			return `unclear error after ${apiRequests(emulator).length} requests: ${String(error.error).slice(0, 200)}`;
		}
		if (error !== undefined && error.kind !== 'not_found') {
			return `refused after ${apiRequests(emulator).length} requests without naming the field: ${String(error.error).slice(0, 200)}`;
		}
		if (parameter.accepted === undefined) return `accepted (${JSON.stringify(output).slice(0, 200)})`;
		return parameter.accepted(output, emulator, value);
	} finally {
		await emulator.stop();
	}
}

describe.each(PARAMETERS)('$operation, $field', (parameter) => {
	const values = VALUES[parameter.kind];
	it(`${parameter.kind}: bad values are refused naming the item and the field, before any request`, async () => {
		const problems: string[] = [];
		for (const value of values.rejected) {
			const problem = await tryValue(parameter, value, 'rejected');
			if (problem) problems.push(`${describeValue(value)}: ${problem}`);
		}
		for (const value of values.either) {
			const problem = await tryValue(parameter, value, 'either');
			if (problem) problems.push(`${describeValue(value)}: ${problem}`);
		}
		expect(problems).toEqual([]);
	});

	if (parameter.accepted && values.accepted.length > 0) {
		it(`${parameter.kind}: unusual valid values give the correct result`, async () => {
			const problems: string[] = [];
			for (const value of values.accepted) {
				const problem = await tryValue(parameter, value, 'accepted');
				if (problem) problems.push(`${describeValue(value)}: ${problem}`);
			}
			expect(problems).toEqual([]);
		});
	}

	it('without continue-on-fail, the run stops with the same error and nothing was sent', async () => {
		const emulator = await startWorkspace();
		try {
			const run = await runAdmin(emulator, parameter.parameters, { items: [{ value: 'ok' }, { value: values.rejected[1] }] });
			expect(run.status).toBe('error');
			expect(run.error?.message).toContain(parameter.field);
			expect(run.error?.message).toMatch(/\[item [01]\]/);
			expect(apiRequests(emulator)).toEqual([]);
		} finally {
			await emulator.stop();
		}
	});
});
