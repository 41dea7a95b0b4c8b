/**
 * Request pacing under Notion's limits. One pacer per (pacingKey, api) in the process, so every
 * directory built from one credential spends one budget per connection (the API token and the
 * SCIM token are two connections), whoever holds it; and one workspace gate per pacingKey, which a
 * workspace-level 429 closes for every request of both connections.
 *
 * Two kinds: the budget pacer (budgetPacer.ts: never more than B requests in any 60 s, C in
 * flight; the default) and the even pacer (evenPacer.ts: the previous release's steady rate, kept
 * for credentials saved with an explicit requests-per-second value).
 *
 * Time comes from the caller (`now`/`sleep` are injected per call): the shipped code has no
 * timers of its own.
 *
 * Pacers live in this process only. In n8n's queue mode every worker has its own: see the
 * README's "Rate limits and n8n queue mode".
 */
import type { Api } from '../transport';
import { BudgetPacer, type Budget } from './budgetPacer';
import { EvenPacer, type EvenRate } from './evenPacer';

export interface Clock {
	now: () => number;
	sleep: (ms: number) => Promise<void>;
}

/** Called once when the request's answer is in (`ok`: a 2xx), or it failed. */
export type Release = (ok: boolean) => void;

export interface Pacer {
	readonly workspace: WorkspaceGate;
	/** Waits until one request may go out. */
	acquire(clock: Clock): Promise<Release>;
	/** Nobody on this connection sends before `waitMs` from now (a 429's or 529's Retry-After). */
	throttle(waitMs: number, clock: Clock): void;
	/** A per-connection 429 (`public_api_request_rate_limit`) came back. */
	connectionLimited(clock: Clock): void;
}

/** The pause a workspace-level 429 imposes on every connection of the workspace. */
export class WorkspaceGate {
	pausedUntil = 0;

	pause(waitMs: number, clock: Clock): void {
		this.pausedUntil = Math.max(this.pausedUntil, clock.now() + waitMs);
	}
}

export type PacerSettings = ({ kind: 'budget' } & Budget) | ({ kind: 'even' } & EvenRate);

const pacers = new Map<string, { kind: PacerSettings['kind']; pacer: BudgetPacer | EvenPacer }>();
const gates = new Map<string, WorkspaceGate>();

function build(settings: PacerSettings, gate: WorkspaceGate): BudgetPacer | EvenPacer {
	return settings.kind === 'budget' ? new BudgetPacer(settings, gate) : new EvenPacer(settings, gate);
}

/**
 * The process-wide pacer for a key and API; later directories on the same key retune it (a user
 * changed the budget). Without a key a directory gets its own pacer and gate (it paces only
 * itself).
 */
export function pacerFor(pacingKey: string | undefined, api: Api, settings: PacerSettings): Pacer {
	if (pacingKey === undefined) return build(settings, new WorkspaceGate());
	let gate = gates.get(pacingKey);
	if (!gate) {
		gate = new WorkspaceGate();
		gates.set(pacingKey, gate);
	}
	const key = `${pacingKey}\u0000${api}`;
	const existing = pacers.get(key);
	if (existing && existing.kind === settings.kind) {
		if (existing.pacer instanceof BudgetPacer && settings.kind === 'budget') existing.pacer.retune(settings);
		if (existing.pacer instanceof EvenPacer && settings.kind === 'even') existing.pacer.retune(settings);
		return existing.pacer;
	}
	const pacer = build(settings, gate);
	pacers.set(key, { kind: settings.kind, pacer });
	return pacer;
}

/** Pacers for every API that share one workspace gate (no key: fresh ones). */
export function pacersFor(pacingKey: string | undefined, settings: PacerSettings): Record<Api, Pacer> {
	if (pacingKey !== undefined) {
		return {
			scim: pacerFor(pacingKey, 'scim', settings),
			standard: pacerFor(pacingKey, 'standard', settings),
			organization: pacerFor(pacingKey, 'organization', settings),
		};
	}
	const gate = new WorkspaceGate();
	return { scim: build(settings, gate), standard: build(settings, gate), organization: build(settings, gate) };
}
