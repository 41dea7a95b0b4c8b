/**
 * n8n queue mode: W workers are W processes (queueWorker.ts), each with its own connector and so
 * its own pacer, all using one credential: one SCIM token, one budget at Notion (the emulator with
 * Notion's limits today, NOTION_LIMITS_TODAY). They run many short onboarding executions at once
 * (create a member, add it to two groups found by name), each worker 10 at a time as n8n's worker
 * concurrency does. For 1, 2 and 4 workers:
 * - `share`: each worker's budget set by the user, Custom = the plan's budget / W;
 * - `automatic`: every worker on the Automatic budget, learning from the 429s it meets;
 * - `sharing` (2 and 4 workers): Automatic with "Processes Sharing This Credential" = W, each
 *   worker starting at, probing at and learning its share.
 * And 2 workers on a plan of 180 a minute, Automatic and sharing, where the budget must be learned.
 * Measured at the emulator (requests, 429s, the workspace afterwards) and in the workers (retries,
 * failed executions, when each request was sent: the most accepted in any 60 s).
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { DirectoryTuning } from '../../nodes/common/connector/directoryOptions';
import { generateSeed, NOTION_LIMITS_TODAY } from '../../tools/notion-emulator';
import type { BenchCase } from '../benchCase';
import { startEmulatorProcess, type EmulatorProcess } from '../emulatorProcess';
import { floorMs } from '../floor';
import type { BenchOptions } from '../options';
import { progress } from '../progress';
import { ratio, round, type CaseResult } from '../result';
import { maxAcceptedPerWindow, refusalsPerMinute } from './queueWindows';
import type { QueueWorkerFigures, QueueWorkerJob } from './queueWorker';

export type QueuePolicy = 'share' | 'automatic' | 'sharing';

type Plan = 'business' | 'other';

const RUNS: Array<{ policy: QueuePolicy; workers: number[]; plan?: Plan }> = [
	{ policy: 'share', workers: [1, 2, 4] },
	{ policy: 'automatic', workers: [1, 2, 4] },
	// With one process the field changes nothing (the Automatic row).
	{ policy: 'sharing', workers: [2, 4] },
	{ policy: 'automatic', workers: [2], plan: 'other' },
	{ policy: 'sharing', workers: [2], plan: 'other' },
];
/** n8n's default worker concurrency (`--concurrency`, N8N_CONCURRENCY_PRODUCTION_LIMIT unset). */
const CONCURRENCY = 10;
const GROUPS = ['Design', 'Sales'];
/**
 * One execution without a 429: the create (two lookups of the email, then the POST), then per
 * group a lookup by name, a read of the group and the PATCH.
 */
export const REQUESTS_PER_EXECUTION = 3 + GROUPS.length * 3;
/** Notion's per-connection budgets by plan, as the emulator enforces them. */
const PLAN_BUDGETS: Record<Plan, number> = { business: 600, other: 180 };

export function queueModeCases(options: BenchOptions): BenchCase[] {
	return RUNS.flatMap(({ policy, workers, plan }) => workers.map((w) => queueCase(w, policy, plan ?? 'business', options)));
}

export function queueCaseName(workers: number, policy: QueuePolicy, plan: Plan = 'business'): string {
	const onPlan = plan === 'business' ? '' : `, ${PLAN_BUDGETS[plan]}/min plan`;
	return `queue mode ${workers} worker${workers > 1 ? 's' : ''}, ${policyText(workers, policy)}${onPlan}`;
}

function policyText(workers: number, policy: QueuePolicy): string {
	if (policy === 'share') return `Custom ${Math.floor(PLAN_BUDGETS.business / workers)}/min each`;
	if (policy === 'automatic') return 'Automatic each';
	return `Automatic, ${workers} processes sharing`;
}

/** The connector's tuning each worker gets (what its credential would say). */
function tuningOf(workers: number, policy: QueuePolicy): Partial<DirectoryTuning> | undefined {
	if (policy === 'share') return { budgetPerMinute: Math.floor(PLAN_BUDGETS.business / workers), learnBudget: false };
	if (policy === 'sharing') return { sharedBy: workers };
	return undefined;
}

function queueCase(workers: number, policy: QueuePolicy, plan: Plan, options: BenchOptions): BenchCase {
	const budget = PLAN_BUDGETS[plan];
	// 150 × 9 = 1,350 requests (bench/options.ts): three windows of the budget, so what each policy
	// settles on after its first window shows, in about two minutes a case.
	// On the 180 plan 60 × 9 = 540 requests: three windows, the later ones spent on what was learned.
	const executions = plan === 'business' ? options.sizes.queueExecutions : options.quick ? 20 : 60;
	const name = queueCaseName(workers, policy, plan);
	return {
		name,
		async run() {
			const seed = generateSeed({ members: 20, bots: 0, guests: 0, groups: 3, seed: 16 });
			const requestFloor = executions * REQUESTS_PER_EXECUTION;
			const msFloor = floorMs(requestFloor, budget, options.latencyMs, CONCURRENCY * workers);
			progress(`${name}: ${executions} onboarding executions over ${workers} worker processes (floor ${requestFloor} requests, ${(msFloor / 1000).toFixed(1)} s)`);
			const emails = Array.from({ length: executions }, (_, i) => `hire${String(i).padStart(4, '0')}@acme.test`);
			const tuning = tuningOf(workers, policy);
			const emulator = await startEmulatorProcess({ seed, rateLimit: { ...NOTION_LIMITS_TODAY, plan }, latencyMs: options.latencyMs });
			let figures: QueueWorkerFigures[];
			try {
				figures = await runWorkers(
					Array.from({ length: workers }, (_, w) => ({
						url: emulator.url,
						tokens: emulator.tokens,
						pacingKey: 'bench:queue-mode:one-credential',
						tuning,
						// n8n hands each job to whichever worker is free: about an equal share each.
						emails: emails.filter((_, i) => i % workers === w),
						groupNames: GROUPS,
						concurrency: CONCURRENCY,
					})),
				);
			} catch (error) {
				await emulator.stop();
				throw error;
			}
			const outcome = await workspaceOutcome(emulator, emails);
			const log = (await emulator.requestLog()).filter((entry) => entry.api !== 'control');
			await emulator.stop();

			const attempts = figures.flatMap((f) => f.attempts);
			const failed = figures.reduce((sum, f) => sum + f.failed, 0);
			const retries = figures.reduce((sum, f) => sum + f.retries, 0);
			const met429 = log.filter((entry) => entry.status === 429).length;
			const wallMs = Math.max(...figures.map((f) => f.endedAt)) - Math.min(...figures.map((f) => f.startedAt));
			const windowMax = maxAcceptedPerWindow(attempts);
			const budgets = figures.map((f) => f.budgetAtEnd ?? 0);
			const firstError = figures.find((f) => f.firstError)?.firstError;
			progress(
				`${name}: ${log.length} requests, ${met429} 429s, ${retries} retries, ${(wallMs / 1000).toFixed(1)} s, ` +
					`${windowMax} accepted in the busiest 60 s, ${failed} failed, budgets at the end ${budgets.join('/')}`,
			);
			const ok = failed === 0 && outcome.created === executions && outcome.inBothGroups === executions && outcome.duplicates === 0;
			return {
				case: name,
				description: `${workers} worker process(es), each with its own connector, ${CONCURRENCY} executions at once each, ${executions} onboarding executions (create + add to ${GROUPS.length} groups by name) through one SCIM token (${budget} a minute); ${policyText(workers, policy)}`,
				requests: log.length,
				met429,
				unhandled429: figures.reduce((sum, f) => sum + (f.firstError && /429|rate/i.test(f.firstError) ? 1 : 0), 0),
				failures: failed + (ok ? 0 : 1),
				wallMs: round(wallMs),
				ratio: ratio(wallMs, msFloor),
				floorRequests: requestFloor,
				floorMs: msFloor,
				budgetPerMinute: budget,
				inFlight: CONCURRENCY,
				details: {
					workers,
					policy,
					executions,
					retries,
					'most accepted in any 60 s': windowMax,
					'429s per minute from the start': refusalsPerMinute(attempts, Math.min(...figures.map((f) => f.startedAt))).join(' / ') || '0',
					'budget per worker at the end': budgets.join(' / '),
					'members created': outcome.created,
					'in both groups': outcome.inBothGroups,
					duplicates: outcome.duplicates,
					...(firstError ? { 'first error': firstError.slice(0, 300) } : {}),
				},
				targets: [
					{
						target: `0 failed executions; ${executions} members created, each in ${GROUPS.length} groups, none twice`,
						actual: `${failed} failed; ${outcome.created} created, ${outcome.inBothGroups} in both, ${outcome.duplicates} duplicates`,
						pass: ok,
					},
					// A share of a known plan meets no 429; learning costs one per worker and those in flight.
					...(policy !== 'automatic' && plan === 'business'
						? [
								{ target: `0 429s met at ${budget}/${workers} a minute per worker`, actual: String(met429), pass: met429 === 0 },
								{ target: `≤ ${budget} accepted in any 60 s`, actual: String(windowMax), pass: windowMax <= budget },
							]
						: [{ target: 'every 429 retried', actual: `${met429} 429s, ${retries} retries`, pass: retries >= met429 && failed === 0 }]),
				],
			} satisfies CaseResult;
		},
	};
}

/** Starts every worker, waits until all have their connections open, then lets them go at once. */
async function runWorkers(jobs: QueueWorkerJob[]): Promise<QueueWorkerFigures[]> {
	const ready: Array<Promise<void>> = [];
	const done: Array<Promise<QueueWorkerFigures>> = [];
	const children = jobs.map((job) => {
		// execArgv carries tsx's loader over to the child.
		const child = fork(join(__dirname, 'queueWorker.ts'), [], { execArgv: process.execArgv });
		let answer: { figures?: QueueWorkerFigures; error?: string } | undefined;
		ready.push(
			new Promise((resolve, reject) => {
				child.on('message', (message: { ready?: boolean; figures?: QueueWorkerFigures; error?: string }) => {
					if (message.ready) resolve();
					else answer = message;
				});
				child.once('exit', () => reject(new Error(`queue worker exited before it was ready: ${answer?.error ?? 'no message'}`)));
			}),
		);
		done.push(
			new Promise((resolve, reject) => {
				child.once('error', reject);
				child.once('exit', (code) => {
					if (answer?.figures) resolve(answer.figures);
					else reject(new Error(`queue worker exited with code ${code}: ${answer?.error ?? 'no figures'}`));
				});
			}),
		);
		child.send({ job });
		return child;
	});
	// A worker that fails before it is ready must not leave its figures' promise unwatched.
	for (const figures of done) figures.catch(() => undefined);
	await Promise.all(ready);
	for (const child of children) child.send({ go: true });
	return Promise.all(done);
}

/** Members created from the hires' emails, in both groups, and any email seen twice. */
async function workspaceOutcome(
	emulator: EmulatorProcess,
	emails: string[],
): Promise<{ created: number; inBothGroups: number; duplicates: number }> {
	const state = await emulator.state();
	const wanted = new Set(emails);
	const hires = state.members.filter((m) => wanted.has(m.email));
	const groups = state.groups.filter((g) => GROUPS.includes(g.displayName));
	const inBoth = hires.filter((m) => groups.every((g) => g.memberIds.includes(m.id)));
	return { created: new Set(hires.map((m) => m.email)).size, inBothGroups: inBoth.length, duplicates: hires.length - new Set(hires.map((m) => m.email)).size };
}
