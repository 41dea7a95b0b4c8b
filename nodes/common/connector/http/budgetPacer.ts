/**
 * Spends Notion's per-connection budget at full speed without crossing it: never more than B
 * requests in any 60 seconds, at most C in flight.
 *
 * A request counts from the moment it is sent until 60 s after its answer came back (or it
 * failed). Notion counts it when it arrives, which is somewhere in between, so any window of
 * Notion's (fixed or sliding) sees at most the B requests we count: the cost is one latency per
 * window.
 *
 * Automatic budget (`learn`): starts at the Business/Enterprise budget (600). At each lower plan
 * budget (180) the next request goes alone, as a probe: if it passes, the plan allows more and
 * pacing goes on at full speed; if Notion answers a per-connection 429, the budget becomes what
 * was observed for the rest of the process. So at most one per-connection 429 per credential and
 * process, wherever the plan's budget lies.
 *
 * Shared by P processes (n8n queue mode: the workers, and the main instance when it polls): Notion
 * counts one budget per token whatever process sends, and nothing is shared between processes, so
 * each keeps to its share — the budget, the probes and what a 429 teaches, each divided by P.
 * Without it every process starts at the whole budget and, together, they cross it.
 */
import type { Clock, Pacer, Release, WorkspaceGate } from './pacer';
import { afterPauses } from './pauses';

export interface Budget {
	/** Requests allowed in any 60 seconds (Notion: 600 Business/Enterprise, 180 other plans). */
	budgetPerMinute: number;
	/** Automatic: start at `budgetPerMinute` and keep the budget a per-connection 429 shows. */
	learn: boolean;
	/** Requests sent and not yet answered, at most. */
	maxInFlight: number;
	/** Processes spending this budget at once, each keeping to its share (default 1). */
	sharedBy?: number;
}

/** Notion's per-connection budgets by plan, largest first. */
export const PLAN_BUDGETS = [600, 180] as const;
export const WINDOW_MS = 60_000;

export class BudgetPacer implements Pacer {
	private budget: number;
	/** Lower plan budgets still to probe at, ascending (none once one passed or a 429 taught us). */
	private toProbe: number[];
	private learned = false;
	/** When each finished request stops counting (its end + 60 s), ascending. */
	private expiries: number[] = [];
	private inFlight = 0;
	private blockedUntil = 0;
	private waiters: Array<() => void> = [];

	constructor(
		private settings: Budget,
		readonly workspace: WorkspaceGate,
	) {
		this.budget = shareOf(settings.budgetPerMinute, settings);
		this.toProbe = probesBelow(settings);
	}

	/** The budget in force (learned or set). */
	get budgetPerMinute(): number {
		return this.budget;
	}

	retune(settings: Budget): void {
		const same =
			settings.budgetPerMinute === this.settings.budgetPerMinute &&
			settings.learn === this.settings.learn &&
			settings.maxInFlight === this.settings.maxInFlight &&
			(settings.sharedBy ?? 1) === (this.settings.sharedBy ?? 1);
		if (same) return;
		this.settings = settings;
		this.budget = shareOf(settings.budgetPerMinute, settings);
		this.toProbe = probesBelow(settings);
		this.learned = false;
	}

	async acquire(clock: Clock): Promise<Release> {
		for (;;) {
			const now = await afterPauses(clock, () => Math.max(this.blockedUntil, this.workspace.pausedUntil));
			this.prune(now);
			const used = this.expiries.length + this.inFlight;
			const probeAt = this.toProbe[0];
			const probing = probeAt !== undefined && used >= probeAt;
			const cap = probing ? 1 : this.settings.maxInFlight;
			if (this.inFlight >= cap) {
				await this.freed();
				continue;
			}
			if (used >= this.budget) {
				if (this.expiries.length === 0) await this.freed();
				else await clock.sleep(Math.max(1, this.expiries[0] - now));
				continue;
			}
			return this.take(clock, probing);
		}
	}

	/** A per-connection limit or an overload: nobody on this connection sends before then. */
	throttle(waitMs: number, clock: Clock): void {
		this.blockedUntil = Math.max(this.blockedUntil, clock.now() + waitMs);
	}

	/**
	 * A per-connection 429 came back (called before its request is released). Automatic budgets
	 * keep what Notion let through: the plan budget (this process's share of it) at or below the
	 * requests answered in the last 60 s. Those still in flight are not counted: when other
	 * processes spend the same token they are refused too, and a share counted with them would
	 * add up, across the processes, to more than the token's budget.
	 */
	connectionLimited(clock: Clock): void {
		if (!this.settings.learn || this.learned) return;
		this.learned = true;
		this.toProbe = [];
		this.prune(clock.now());
		const passed = Math.max(1, this.expiries.length);
		this.budget = PLAN_BUDGETS.map((b) => shareOf(b, this.settings)).find((b) => b <= passed) ?? passed;
	}

	private take(clock: Clock, probe: boolean): Release {
		this.inFlight++;
		let done = false;
		return (ok: boolean) => {
			if (done) return;
			done = true;
			this.inFlight--;
			this.expiries.push(clock.now() + WINDOW_MS);
			// A probe that passed shows the plan allows more than that budget.
			if (probe && ok) this.toProbe.shift();
			const waiters = this.waiters;
			this.waiters = [];
			for (const wake of waiters) wake();
		};
	}

	private freed(): Promise<void> {
		return new Promise((resolve) => this.waiters.push(resolve));
	}

	private prune(now: number): void {
		let drop = 0;
		while (drop < this.expiries.length && this.expiries[drop] <= now) drop++;
		if (drop > 0) this.expiries.splice(0, drop);
	}
}

function probesBelow(settings: Budget): number[] {
	if (!settings.learn) return [];
	return PLAN_BUDGETS.filter((b) => b < settings.budgetPerMinute)
		.map((b) => shareOf(b, settings))
		.sort((a, b) => a - b);
}

/** One process's share of a budget: at least one request a minute. */
function shareOf(budgetPerMinute: number, settings: Budget): number {
	return Math.max(1, Math.floor(budgetPerMinute / (settings.sharedBy ?? 1)));
}
