/**
 * What a run of `npm run test:queue` is asked to do, from the environment:
 * - QUEUE_EXECUTIONS: onboarding webhook calls in the burst (default 200);
 * - QUEUE_BUDGET: `divided` (default: the credential's Custom budget, Notion's 600 a minute
 *   divided by the processes that use it: the workers and main, which runs the trigger's polls)
 *   or `automatic` (each process starts at 600 and learns from 429s);
 * - QUEUE_BREAK: comma-separated deliberate breaks, to watch the checks fail:
 *   `create-twice` (the workflow creates each hire twice), `static-data` (the trigger's stored
 *   static data is lost while main is down), `budget` (each process gets the whole 600).
 */
export const WORKERS = 2;
/** Every process that sends with the credential: the workers, and main for the polls. */
export const PROCESSES = WORKERS + 1;
/** Notion's per-connection budget on Business and Enterprise (the emulator's NOTION_LIMITS_TODAY). */
export const NOTION_BUDGET = 600;

const BREAKS = ['create-twice', 'static-data', 'budget'] as const;
export type Break = (typeof BREAKS)[number];

export interface QueueSettings {
	executions: number;
	budget: 'divided' | 'automatic';
	breaks: Set<Break>;
	/** Requests per minute each process may send per token; undefined for automatic. */
	perProcess: number | undefined;
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): QueueSettings {
	const executions = Number(env.QUEUE_EXECUTIONS ?? 200);
	if (!Number.isInteger(executions) || executions < 1) {
		throw new Error(`QUEUE_EXECUTIONS must be a whole number of at least 1, not "${env.QUEUE_EXECUTIONS}"`);
	}
	const budget = env.QUEUE_BUDGET ?? 'divided';
	if (budget !== 'divided' && budget !== 'automatic') {
		throw new Error(`QUEUE_BUDGET must be "divided" or "automatic", not "${budget}"`);
	}
	const breaks = new Set<Break>();
	for (const name of (env.QUEUE_BREAK ?? '').split(',').map((part) => part.trim()).filter(Boolean)) {
		if (!(BREAKS as readonly string[]).includes(name)) {
			throw new Error(`QUEUE_BREAK: unknown break "${name}" (known: ${BREAKS.join(', ')})`);
		}
		breaks.add(name as Break);
	}
	let perProcess: number | undefined;
	if (breaks.has('budget')) perProcess = NOTION_BUDGET;
	else if (budget === 'divided') perProcess = Math.floor(NOTION_BUDGET / PROCESSES);
	return { executions, budget, breaks, perProcess };
}

/** The Notion Admin API credential's budget fields for these settings. */
export function apiCredentialBudget(settings: QueueSettings): Record<string, string | number> {
	return settings.perProcess === undefined
		? { requestBudget: 'automatic' }
		: { requestBudget: 'custom', requestsPerMinute: settings.perProcess };
}
