/**
 * Add K users to one group from K input items, through the Notion Admin node in n8n's real
 * engine: what is measured is the node's batching (items that target one group share PATCHes).
 */
import { generateSeed } from '../../tools/notion-emulator';
import type { LogEntry, Seed } from '../../tools/notion-emulator/types';
import { emulatorCredentials, packageNodeType, runNode } from '../../tools/engine-harness';
import type { BenchCase } from '../benchCase';
import { benchDirectory } from '../benchDirectory';
import { measureAgainstEmulator } from '../emulatorRun';
import { clientFigures, describeError } from '../figures';
import { floorMs, pagesOf } from '../floor';
import { NaiveClient } from '../naiveClient';
import type { BenchOptions } from '../options';
import { progress } from '../progress';
import type { CaseResult } from '../result';

const GROUP_ID = 'b0b0b0b0-0000-4000-8000-00000000be4c';

export function groupAddCase(options: BenchOptions): BenchCase {
	const k = options.sizes.groupAdd;
	const name = `group add K=${k.toLocaleString('en')}`;
	return {
		name,
		async run() {
			const seed = benchSeed(k);
			const userIds = seed.members.slice(1).map((member) => member.id as string);
			const patchFloor = pagesOf(k);
			const msFloor = floorMs(patchFloor, options.budgetPerMinute, options.latencyMs, options.inFlight);

			progress(`${name}: Notion Admin node, ${k} items → one group (floor ${patchFloor} PATCH, ${(msFloor / 1000).toFixed(1)} s)`);
			const node = await measureAgainstEmulator(seed, options, async (emulator) => {
				const run = await runNode({
					type: packageNodeType('notionAdmin'),
					parameters: {
						resource: 'group',
						operation: 'addMembers',
						group: { __rl: true, mode: 'id', value: GROUP_ID },
						users: '={{ $json.userId }}',
					},
					items: userIds.map((userId) => ({ userId })),
					// Request Budget: Automatic (the default).
					credentials: emulatorCredentials(emulator),
				});
				if (run.status !== 'success') throw run.error ?? new Error(`the workflow ended ${run.status}`);
				const inGroup = (await emulator.state()).groups.find((g) => g.id === GROUP_ID)?.memberIds ?? [];
				return { outputItems: run.items.length, inGroup: userIds.filter((id) => inGroup.includes(id)).length };
			});
			const ok = node.value?.outputItems === k && node.value.inGroup === k;
			const c = clientFigures(node, ok, msFloor);
			const patches = countPatches(node.log);
			progress(`${name}: node ${c.requests} requests (${patches} PATCH), ${c.met429} 429s, ${(c.wallMs / 1000).toFixed(2)} s`);

			progress(`${name}: previous pacing (3 req/s), same batching through the connector`);
			const previous = await measureAgainstEmulator(seed, options, async (emulator) => {
				const directory = benchDirectory(emulator, { scim: true, pacingKey: `bench:${name}:previous`, pacing: 'previous' });
				const change = await directory.addGroupMembers(GROUP_ID, userIds);
				return change.added.length;
			});
			const p = clientFigures(previous, previous.value === k, msFloor);
			progress(`${name}: previous ${p.requests} requests, ${p.met429} 429s, ${(p.wallMs / 1000).toFixed(2)} s`);

			progress(`${name}: naive client (one PATCH per item)`);
			const naive = await measureAgainstEmulator(seed, options, async (emulator) => {
				const client = new NaiveClient({ baseUrl: emulator.url, token: emulator.tokens.scim });
				for (const userId of userIds) await client.addGroupMember(GROUP_ID, userId);
				return (await emulator.state()).groups.find((g) => g.id === GROUP_ID)?.memberIds.length ?? 0;
			});
			const n = clientFigures(naive, naive.value === k, msFloor);
			progress(`${name}: naive ${n.requests} requests, ${n.met429} 429s, ${(n.wallMs / 1000).toFixed(2)} s`);

			return {
				case: name,
				description: `add ${k} users to one group from ${k} input items (Notion Admin → Group → Add Members, in n8n's engine)`,
				...c,
				floorRequests: patchFloor,
				floorMs: msFloor,
				details: {
					PATCH: patches,
					'output items': node.value?.outputItems ?? 0,
					'users in group': node.value?.inGroup ?? 0,
					...(node.error ? { error: describeError(node.error) } : {}),
				},
				budgetPerMinute: options.budgetPerMinute,
				inFlight: options.inFlight,
				naive: n,
				previous: p,
				targets: [
					{ target: `PATCH requests ≤ ${patchFloor}`, actual: String(patches), pass: patches <= patchFloor },
					{
						target: `0 failures, ${k} output items, all ${k} users in the group`,
						actual: node.error ? describeError(node.error) : `${node.value?.outputItems} items, ${node.value?.inGroup} in group`,
						pass: c.failures === 0,
					},
				],
			} satisfies CaseResult;
		},
	};
}

/** K members to add besides the token owner, and one empty group. */
function benchSeed(k: number): Seed {
	const seed = generateSeed({ members: k + 1, bots: 1, guests: 0, groups: 0, seed: 7 });
	seed.groups.push({ id: GROUP_ID, displayName: 'Bench', memberEmails: [] });
	return seed;
}

function countPatches(log: LogEntry[]): number {
	return log.filter((entry) => entry.method === 'PATCH').length;
}
