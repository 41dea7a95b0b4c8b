/**
 * `npm run test:queue`: the package in n8n 2.41.1's queue mode (docs/queue-mode.md). Redis and
 * PostgreSQL on free loopback ports, main and two workers, the emulator as Notion with Notion's
 * limits of today; a webhook burst, the budget at the emulator, the sync trigger across a restart
 * of main. Ends with one line of figures; exits non-zero when a check failed. Everything it
 * started is stopped, on failure and Ctrl-C too.
 */
import { buildPackage, log, N8nRest } from '../../scripts/n8n/runtime';
import { loadExamples, prepareN8n, startWorkspaces, stopWorkspaces, type Workspaces } from '../../scripts/n8n/setup';
import { QueueCluster } from '../../scripts/queue/cluster';
import { startQueueServices, type QueueServices } from '../../scripts/queue/services';
import { Checks } from '../e2e/checks';
import { budgetCheck, type BudgetFigures } from './budget';
import { burstCheck, type BurstFigures } from './burst';
import type { QueueContext } from './context';
import { N8nDatabase } from './database';
import { RequestClock } from './requestClock';
import { apiCredentialBudget, readSettings, WORKERS } from './settings';
import { triggerCheck, type TriggerFigures } from './trigger';
import { queueWorkflows } from './workflows';

/** The emulator answers after this long, as Notion does (see requestClock.ts for why it matters). */
const LATENCY_MS = 150;

const checks = new Checks();
const cleanups: Array<() => Promise<unknown>> = [];

async function cleanUp(): Promise<void> {
	while (cleanups.length > 0) await cleanups.pop()?.().catch((error: unknown) => log(`clean-up: ${String(error)}`));
}

/**
 * Ctrl-C: what runs is stopped at once; the run then fails fast, and the normal end stops what
 * was still starting (each piece is registered as soon as it exists, and `step` ends the run at
 * the next step). If that end does not come, the process exits anyway.
 */
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	// `on`, not `once`: Ctrl-C reaches this process twice (from the terminal and relayed by tsx),
	// and a second signal without a listener would kill it before the clean-up is done.
	process.on(signal, () => {
		if (interrupted) return;
		interrupted = true;
		log(`${signal}: stopping everything this run started`);
		void cleanUp();
		setTimeout(() => process.exit(130), 240_000).unref();
	});
}

function step(): void {
	if (interrupted) throw new Error('interrupted');
}

interface Figures {
	burst?: BurstFigures;
	budget?: BudgetFigures;
	trigger?: TriggerFigures;
}

function closingLine(figures: Figures, seconds: number): string {
	const { burst, budget, trigger } = figures;
	const parts = [
		burst
			? `${burst.executions} executions (${burst.perWorker.map((n, index) => `worker ${String.fromCharCode(65 + index)} ${n}`).join(', ')}), ${burst.created} members created, ${burst.duplicates} duplicates, ${burst.failed} failed`
			: 'burst not run',
		budget ? `${budget.tooMany} 429s met${budget.tooMany > 0 ? (burst?.failed === 0 ? ' (all retried)' : ' (not all retried)') : ''}, most in 60 s ${Object.values(budget.busiest).join('/')}` : 'budget not measured',
		trigger ? `events expected ${trigger.expected} / seen ${trigger.seen}, restart: expected ${trigger.restartExpected} / seen ${trigger.restartSeen}` : 'trigger not run',
	];
	const verdict = checks.failed === 0 && checks.passed > 0 ? 'passed' : `FAILED (${checks.failed} of ${checks.passed + checks.failed} checks)`;
	return `queue: ${parts.join(', ')} — ${verdict} in ${seconds} s`;
}

async function main(figures: Figures): Promise<void> {
	const settings = readSettings();
	const examples = loadExamples();
	const workflows = queueWorkflows(examples, settings);
	await buildPackage();
	step();
	const services: QueueServices = await startQueueServices(log);
	cleanups.push(() => services.stop());
	step();
	const workspaces: Workspaces = await startWorkspaces({ latencyMs: LATENCY_MS });
	cleanups.push(() => stopWorkspaces(workspaces));
	step();
	const home = await prepareN8n({
		label: 'queue-main',
		workspaces,
		workflows: Object.values(workflows),
		env: services.env,
		apiCredential: apiCredentialBudget(settings),
	});
	const cluster = await QueueCluster.prepare(home, WORKERS, services.env, log);
	cleanups.push(() => cluster.stop());
	step();
	await cluster.start();
	step();
	const db = await N8nDatabase.connect(services.postgres);
	cleanups.push(() => db.close());
	step();
	const clock = new RequestClock(workspaces.acme);
	cleanups.push(async () => clock.stop());
	const rest = new N8nRest(cluster.main.url);
	await rest.setupOwnerAndLogin();
	const context: QueueContext = { checks, cluster, db, rest, acme: workspaces.acme, clock, settings, workflows };

	console.log(`Queue mode: main + ${WORKERS} workers, ${settings.executions} onboarding calls${settings.breaks.size > 0 ? `, deliberately broken: ${[...settings.breaks].join(', ')}` : ''}`);
	const phase = async <T>(name: string, body: () => Promise<T>): Promise<T> => {
		const begun = Date.now();
		try {
			return await body();
		} finally {
			log(`${name}: ${Math.round((Date.now() - begun) / 1000)} s`);
		}
	};
	log(`started in ${Math.round((Date.now() - started) / 1000)} s`);
	await rest.activate(workflows.onboarding.id);
	figures.burst = await phase('burst', () => burstCheck(context));
	const failed = figures.burst.failed;
	try {
		figures.trigger = await phase('trigger', () => triggerCheck(context));
	} finally {
		figures.budget = await budgetCheck(context, failed);
	}
}

const started = Date.now();
const figures: Figures = {};
main(figures)
	.catch((error: unknown) => {
		checks.failed++;
		console.log(`  ✗ ${error instanceof Error ? error.message : String(error)}`);
	})
	.then(cleanUp)
	.finally(() => {
		console.log(closingLine(figures, Math.round((Date.now() - started) / 1000)));
		process.exit(checks.failed === 0 && checks.passed > 0 ? 0 : 1);
	});
