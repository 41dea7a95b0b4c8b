/**
 * Token-bucket pacing under Notion's rate limit. One bucket per (pacingKey, api) in the process,
 * so every directory built from one credential spends one budget, whoever holds it.
 *
 * Time comes from the caller (`now`/`sleep` are injected per call): the shipped code has no
 * timers of its own.
 *
 * The bucket lives in this process only. In n8n's queue mode every worker has its own, so N
 * workers may together send N × requestsPerSecond: lower the rate to about 3 / N there (a 429
 * still slows the worker that meets it, honouring Retry-After).
 */
import type { Api } from '../transport';

export interface PacerSettings {
	requestsPerSecond: number;
	burst: number;
}

export interface Clock {
	now: () => number;
	sleep: (ms: number) => Promise<void>;
}

export class Pacer {
	private tokens: number;
	private refilledAt: number | undefined;
	/** No request leaves before this time (set by a 429's Retry-After, for everyone on the key). */
	private blockedUntil = 0;
	/** Bumped when a 429 resets the bucket: reservations made before it are void. */
	private generation = 0;

	constructor(private settings: PacerSettings) {
		this.tokens = settings.burst;
	}

	/** Later directories on the same key may retune it (e.g. a user lowered the rate). */
	retune(settings: PacerSettings): void {
		this.settings = settings;
		this.tokens = Math.min(this.tokens, settings.burst);
	}

	/**
	 * Waits until one request may go out. A reservation model: the bucket may go negative, and
	 * each caller sleeps until its own token would have refilled, so concurrent callers are
	 * spaced evenly without polling. A wait under a millisecond is not slept (the clock counts
	 * whole milliseconds, so it would round up to one): the request goes at once and its debt stays
	 * in the bucket, where later refills pay it back and later callers wait for it, so the
	 * average rate holds.
	 */
	async acquire(clock: Clock): Promise<void> {
		for (;;) {
			const now = clock.now();
			if (now < this.blockedUntil) {
				await clock.sleep(this.blockedUntil - now);
				continue;
			}
			this.refill(now);
			this.tokens -= 1;
			if (this.tokens >= 0) return;
			const waitMs = (-this.tokens / this.settings.requestsPerSecond) * 1000;
			if (waitMs < 1) return;
			const generation = this.generation;
			await clock.sleep(Math.ceil(waitMs));
			if (generation === this.generation) return;
		}
	}

	/** A 429 told us to wait: nobody on this key sends before then, and no burst follows it. */
	throttle(waitMs: number, clock: Clock): void {
		const until = clock.now() + waitMs;
		if (until <= this.blockedUntil) return;
		this.blockedUntil = until;
		// One request may go at `until` (the retry); the rest follow at the average rate.
		this.tokens = Math.min(1, this.settings.burst);
		this.refilledAt = until;
		this.generation += 1;
	}

	private refill(now: number): void {
		if (this.refilledAt === undefined) {
			this.refilledAt = now;
			return;
		}
		const elapsed = now - this.refilledAt;
		if (elapsed <= 0) return;
		this.tokens = Math.min(
			this.settings.burst,
			this.tokens + (elapsed / 1000) * this.settings.requestsPerSecond,
		);
		this.refilledAt = now;
	}
}

const shared = new Map<string, Pacer>();

/**
 * The process-wide pacer for a key and API. Without a key a directory gets its own pacer (it
 * then paces only itself).
 */
export function pacerFor(pacingKey: string | undefined, api: Api, settings: PacerSettings): Pacer {
	if (pacingKey === undefined) return new Pacer(settings);
	const key = `${pacingKey}\u0000${api}`;
	const existing = shared.get(key);
	if (existing) {
		existing.retune(settings);
		return existing;
	}
	const pacer = new Pacer(settings);
	shared.set(key, pacer);
	return pacer;
}
