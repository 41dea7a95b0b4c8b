/**
 * Plays one sequence of Notion Admin operations: a fresh workspace behind a relay, then for each
 * operation its fault armed, one run of the node in n8n's engine, and the verdicts: the oracle's
 * (judge.ts), no token in anything shown or logged, no request ever reaching the host a redirect
 * pointed to.
 */
import type { INodeParameters } from 'n8n-workflow';

import { packageNodeType, runNode, type TestCredentials } from '../../../../tools/engine-harness';
import { tokensReceived } from '../../../security/servers';
import { armFault, writeMethodOf, type Injected } from './arm';
import { leaksIn } from './echo';
import { judge, type Said } from './judge';
import { describeStep, type Operation, type WriteSequence } from './operations';
import { startWorld, type World } from './workspace';

export interface WritesOutcome {
	problems: string[];
	false: number;
	lost: number;
	writes: number;
	lookups: number;
	listings: number;
	faultKinds: Record<string, number>;
}

const byEmail = (value: string) => ({ __rl: true, mode: 'email', value });
const byName = (value: string) => ({ __rl: true, mode: 'name', value });

function parametersOf(operation: Operation): Record<string, unknown> {
	switch (operation.kind) {
		case 'createUser':
			return {
				resource: 'user',
				operation: 'create',
				email: operation.email,
				role: 'member',
				additionalFields: operation.name === undefined ? {} : { name: operation.name },
				options: { ifAlreadyMember: operation.ifAlreadyMember },
			};
		case 'removeUser':
			return { resource: 'user', operation: 'remove', user: byEmail(operation.email) };
		case 'updateUser': {
			const updateFields: Record<string, unknown> = {};
			if (operation.name !== undefined) updateFields.name = operation.name;
			if (operation.active !== undefined) updateFields.active = operation.active;
			return { resource: 'user', operation: 'update', user: byEmail(operation.email), updateFields };
		}
		case 'renameGroup':
			return { resource: 'group', operation: 'rename', group: byName(operation.group), newName: operation.name };
		case 'getUser':
			return { resource: 'user', operation: 'get', user: byEmail(operation.email) };
		case 'getGroup':
			return { resource: 'group', operation: 'get', group: byName(operation.name) };
		case 'addMembers':
		case 'removeMembers':
			return { resource: 'group', operation: operation.kind, group: byName(operation.group), users: operation.emails.join(',') };
		case 'listUsers':
			return { resource: 'user', operation: 'getAll', returnAll: true };
		case 'groupMembers':
			return { resource: 'group', operation: 'getMembers', group: byName(operation.group) };
	}
}

const COUNTED: Record<Operation['kind'], 'writes' | 'lookups' | 'listings'> = {
	createUser: 'writes',
	removeUser: 'writes',
	updateUser: 'writes',
	renameGroup: 'writes',
	addMembers: 'writes',
	removeMembers: 'writes',
	getUser: 'lookups',
	getGroup: 'lookups',
	listUsers: 'listings',
	groupMembers: 'listings',
};

function credentialsOf(world: World, sequence: WriteSequence): TestCredentials {
	return {
		notionAdminApi: { token: sequence.tokens.api, baseUrl: world.relay.url, requestsPerSecond: 1000 },
		notionAdminScimApi: { token: sequence.tokens.scim, baseUrl: world.relay.url },
	};
}

/** `logged` collects what the test's console and n8n logger spies caught; it is read and emptied per operation. */
export async function playWrites(sequence: WriteSequence, logged: string[]): Promise<WritesOutcome> {
	const outcome: WritesOutcome = { problems: [], false: 0, lost: 0, writes: 0, lookups: 0, listings: 0, faultKinds: {} };
	const world = await startWorld(sequence.tokens);
	try {
		for (const [index, step] of sequence.steps.entries()) {
			const label = `operation ${index + 1} ${describeStep(step)}`;
			const injected: Injected = { kinds: {} };
			const before = world.emulator.control.snapshot();
			const requestsBefore = world.relay.seen.length;
			logged.length = 0;
			const disarm = armFault(world, step.operation, step.fault, injected);
			let run: Awaited<ReturnType<typeof runNode>>;
			try {
				run = await runNode({
					type: packageNodeType('notionAdmin'),
					parameters: parametersOf(step.operation) as INodeParameters,
					credentials: credentialsOf(world, sequence),
					node: step.continueOnFail ? { onError: 'continueRegularOutput' } : undefined,
				});
			} finally {
				disarm();
			}
			const after = world.emulator.control.snapshot();
			outcome[COUNTED[step.operation.kind]] += 1;
			for (const [kind, count] of Object.entries(injected.kinds)) outcome.faultKinds[kind] = (outcome.faultKinds[kind] ?? 0) + count;

			const items = run.items.map((item) => item.json);
			const errorItem = items.find((json) => typeof json.error === 'string');
			const said: Said =
				run.status !== 'success'
					? { items: [], failure: { message: run.error?.message ?? `the run ended ${run.status}` } }
					: errorItem
						? { items: [], failure: { message: String(errorItem.error), kind: errorItem.kind as string | undefined, applied: errorItem.applied as Said['items'][number] | undefined } }
						: { items };
			for (const problem of judge(step.operation, step.fault, before, after, said)) {
				outcome[problem.kind] += 1;
				outcome.problems.push(`${label}: ${problem.text}`);
			}

			const sent = world.relay.seen.length - requestsBefore;
			// A write said to be refused must have been sent (a refused read before it is no refusal of it).
			const writeMethod = writeMethodOf(step.operation);
			const writesSent = world.relay.seen.slice(requestsBefore).filter((request) => request.method === writeMethod).length;
			if (said.failure !== undefined && /refused to (remove|deactivate|change the role of|delete)/.test(said.failure.message) && writesSent === 0) {
				outcome.false += 1;
				outcome.problems.push(`${label}: said a write was refused, but no ${writeMethod ?? 'write'} was sent: ${said.failure.message}`);
			}
			// Input refused by the node itself (not an answer of Notion's, which names its HTTP status).
			if (said.failure?.kind === 'invalid_input' && !/HTTP \d{3}/.test(said.failure.message) && sent > 0) {
				outcome.false += 1;
				outcome.problems.push(`${label}: refused its input only after ${sent} requests`);
			}

			const error = run.error as (Error & { description?: unknown }) | undefined;
			const shown = {
				'the output': JSON.stringify(run.items),
				'the error': error ? `${error.message} ${String(error.description)} ${error.stack} ${JSON.stringify(error)}` : '',
				'a log': logged.join('\n'),
			};
			for (const leak of leaksIn(shown, sequence.tokens)) {
				outcome.false += 1;
				outcome.problems.push(`${label}: TOKEN LEAK: ${leak}`);
			}
			if (world.elsewhere.seen.length > 0) {
				const tokens = tokensReceived(world.elsewhere, { 'API token': sequence.tokens.api, 'SCIM token': sequence.tokens.scim });
				outcome.false += 1;
				outcome.problems.push(`${label}: the host a redirect pointed to got ${world.elsewhere.seen.length} requests, with ${tokens.join(' and ') || 'no token'}`);
				world.elsewhere.seen.length = 0;
			}
		}
		return outcome;
	} finally {
		await world.stop();
	}
}
