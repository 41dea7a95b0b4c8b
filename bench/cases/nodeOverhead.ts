/**
 * The Notion Admin node's own cost per item with the network taken out: a real engine run of
 * N items (User → Get by ID), where n8n's outbound HTTP service is replaced in n8n's DI
 * container by an in-process fake that answers from recorded emulator responses. Everything
 * else is the shipped path: engine, parameters, credentials, n8n's request helper, the
 * connector's pacing, retries and parsing, the node's output.
 */
import { createRequire } from 'node:module';
import { Container, type ServiceIdentifier } from '@n8n/di';
import type { IHttpRequestOptions } from 'n8n-workflow';
import { generateSeed, startEmulator } from '../../tools/notion-emulator';
import { packageNodeType, runNode } from '../../tools/engine-harness';
import type { BenchCase } from '../benchCase';
import { describeError } from '../figures';
import type { BenchOptions } from '../options';
import { progress } from '../progress';
import { round, type CaseResult } from '../result';

const TARGET_MS_PER_ITEM = 1;
/** Distinct users the items cycle through. */
const USERS = 100;
/** High enough that pacing never waits: only the node's own work is left. */
const UNPACED_RATE = 1_000_000;

/**
 * n8n-core's own copy of @n8n/backend-network (nested under it, another version than the
 * hoisted one): its OutboundHttp class is the DI token n8n's request helpers look up.
 */
const fromN8nCore = createRequire(require.resolve('n8n-core'));
const { OutboundHttp } = fromN8nCore('@n8n/backend-network') as { OutboundHttp: ServiceIdentifier };

interface Recorded {
	statusCode: number;
	headers: Record<string, string>;
	body: string;
}

export function nodeOverheadCase(options: BenchOptions): BenchCase {
	const n = options.sizes.overheadItems;
	const name = `node overhead N=${n.toLocaleString('en')}`;
	return {
		name,
		async run() {
			progress(`${name}: recording ${USERS} SCIM answers from the emulator`);
			const { ids, answers } = await recordAnswers();
			let answered = 0;
			const fake = {
				requests: () => ({
					request: async (request: IHttpRequestOptions) => {
						const answer = answers.get(`${request.method ?? 'GET'} ${new URL(request.url).pathname}`);
						if (!answer) throw new Error(`The fake has no answer for ${request.method} ${request.url}`);
						answered++;
						return { ...answer, headers: { ...answer.headers } };
					},
					requestLegacy: () => {
						throw new Error('requestLegacy is not used by this package');
					},
				}),
				transport: () => {
					throw new Error('transport is not used by this package');
				},
			};

			const real = Container.get(OutboundHttp);
			Container.set(OutboundHttp, fake);
			const items = Array.from({ length: n }, (_, i) => ({ userId: ids[i % ids.length] }));
			const run = (count: number) =>
				runNode({
					type: packageNodeType('notionAdmin'),
					parameters: {
						resource: 'user',
						operation: 'get',
						user: { __rl: true, mode: 'id', value: '={{ $json.userId }}' },
					},
					items: items.slice(0, count),
					credentials: {
						notionAdminApi: { token: 'secret_fake', baseUrl: 'http://fake.invalid', requestsPerSecond: UNPACED_RATE },
						notionAdminScimApi: { token: 'scim-fake', baseUrl: 'http://fake.invalid' },
					},
				});
			let error: unknown;
			let outputItems = 0;
			let wallMs = 0;
			let cpuMs = 0;
			try {
				progress(`${name}: warm-up run (loads the node and n8n's services)`);
				await run(Math.min(n, 50));
				answered = 0;
				progress(`${name}: ${n} items through the engine`);
				const started = performance.now();
				const cpuBefore = process.cpuUsage();
				const result = await run(n);
				const cpu = process.cpuUsage(cpuBefore);
				wallMs = performance.now() - started;
				cpuMs = (cpu.user + cpu.system) / 1000;
				if (result.status !== 'success') throw result.error ?? new Error(`the workflow ended ${result.status}`);
				outputItems = result.items.length;
			} catch (e) {
				error = e;
			} finally {
				Container.set(OutboundHttp, real);
			}
			const msPerItem = round(wallMs / n, 3);
			const ok = error === undefined && outputItems === n;
			return {
				case: name,
				description: `Notion Admin → User → Get by ID for ${n} items in n8n's engine, HTTP answered in-process`,
				requests: answered,
				met429: 0,
				unhandled429: 0,
				failures: ok ? 0 : 1,
				wallMs: round(wallMs),
				ratio: null,
				floorRequests: null,
				floorMs: null,
				msPerItem,
				cpuMs: round(cpuMs),
				details: { 'output items': outputItems, 'CPU ms/item': round(cpuMs / n, 3), ...(error ? { error: describeError(error) } : {}) },
				targets: [
					{ target: `≤ ${TARGET_MS_PER_ITEM} ms per item`, actual: `${msPerItem} ms`, pass: ok && msPerItem <= TARGET_MS_PER_ITEM },
				],
			} satisfies CaseResult;
		},
	};
}

/** Real emulator answers (status, headers, body) for the probe and each user, keyed "METHOD /path". */
async function recordAnswers(): Promise<{ ids: string[]; answers: Map<string, Recorded> }> {
	const seed = generateSeed({ members: USERS, bots: 1, guests: 0, groups: 0, seed: 8 });
	const emulator = await startEmulator({ seed, rateLimit: false, latencyMs: 0 });
	try {
		const ids = seed.members.map((member) => member.id as string);
		const answers = new Map<string, Recorded>();
		const paths = ['/scim/v2/Users?startIndex=1&count=1', ...ids.map((id) => `/scim/v2/Users/${id}`)];
		for (const path of paths) {
			const response = await fetch(`${emulator.url}${path}`, {
				headers: { authorization: `Bearer ${emulator.tokens.scim}` },
			});
			const headers: Record<string, string> = {};
			response.headers.forEach((value, key) => (headers[key] = value));
			answers.set(`GET ${new URL(path, emulator.url).pathname}`, { statusCode: response.status, headers, body: await response.text() });
		}
		return { ids, answers };
	} finally {
		await emulator.stop();
	}
}
