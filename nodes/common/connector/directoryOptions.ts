/**
 * What a NotionDirectory is built from: where Notion is, how requests travel, and the tuning of
 * pacing, retries and paging with its defaults.
 */
import type { PacerSettings } from './http/pacer';
import type { HttpTransport } from './transport';

export interface NotionDirectoryOptions {
	/** Standard API base URL, e.g. https://api.notion.com (no trailing /v1). */
	apiBaseUrl: string;
	/** SCIM base URL (e.g. https://api.notion.com); absent when no SCIM credential is configured. */
	scimBaseUrl?: string;
	transport: HttpTransport;
	/** Injected so tests control time and shipped code uses no timers (n8n passes its `sleep`). */
	sleep: (ms: number) => Promise<void>;
	now: () => number;
	random?: () => number;
	/**
	 * Key under which request pacing is shared: everything in one process that uses the same
	 * key shares one rate budget (one credential = one workspace = one Notion limit).
	 */
	pacingKey?: string;
	/** Override the defaults (tests shorten them; users may lower the rate in queue mode). */
	tuning?: Partial<DirectoryTuning>;
}

export interface DirectoryTuning {
	/**
	 * Requests per connection in any 60 seconds (Notion: 600 on Business and Enterprise, 180 on
	 * other plans, per token; the workspace has a further budget shared by all its connections).
	 */
	budgetPerMinute: number;
	/** Automatic budget: start at `budgetPerMinute` and keep what a per-connection 429 shows. */
	learnBudget: boolean;
	/** Requests sent and not yet answered, per connection, at most. */
	maxInFlight: number;
	/**
	 * Processes spending this credential's budget at once (n8n queue mode: the workers, and the
	 * main instance when it polls). Pacers live in one process each, so each keeps to
	 * budgetPerMinute / sharedBy (the automatic budget's probes and lessons divided alike).
	 */
	sharedBy: number;
	/**
	 * The previous release's pacing: when set, requests are spaced evenly at this average rate
	 * (after `burst` at once) instead of spending the budget (credentials saved with an explicit
	 * "Requests per Second").
	 */
	requestsPerSecond?: number;
	/** With `requestsPerSecond`: requests that may go out at once before pacing applies. */
	burst?: number;
	/** The longest workspace-level Retry-After waited out (it may exceed a minute). */
	maxWorkspaceWaitMs: number;
	/** Attempts per request including the first. */
	maxAttempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
	timeoutMs: number;
	/** Page size for listings (Notion's maximum is 100). */
	pageSize: number;
	/** Parallel SCIM page fetches once the total is known (default: `maxInFlight`; 3 with `requestsPerSecond`). */
	listConcurrency: number;
}

const DEFAULT_TUNING: Omit<DirectoryTuning, 'listConcurrency'> = {
	// Notion's Business/Enterprise budget; automatic: a per-connection 429 teaches a lower one.
	budgetPerMinute: 600,
	learnBudget: true,
	maxInFlight: 10,
	sharedBy: 1,
	maxAttempts: 5,
	baseDelayMs: 1000,
	maxDelayMs: 60_000,
	maxWorkspaceWaitMs: 300_000,
	timeoutMs: 60_000,
	pageSize: 100,
};

/** Tuning with its defaults; list pages go as concurrently as the pacing lets requests fly. */
export function resolveTuning(given: Partial<DirectoryTuning> | undefined): DirectoryTuning {
	const tuning = { ...DEFAULT_TUNING, ...given };
	const even = tuning.requestsPerSecond !== undefined;
	return { ...tuning, listConcurrency: given?.listConcurrency ?? (even ? 3 : tuning.maxInFlight) };
}

export function pacingOf(tuning: DirectoryTuning): PacerSettings {
	if (tuning.requestsPerSecond !== undefined) {
		return { kind: 'even', requestsPerSecond: tuning.requestsPerSecond, burst: tuning.burst ?? 3 };
	}
	return {
		kind: 'budget',
		budgetPerMinute: tuning.budgetPerMinute,
		learn: tuning.learnBudget,
		maxInFlight: tuning.maxInFlight,
		sharedBy: tuning.sharedBy,
	};
}
