/**
 * The previous release's pacing, kept for credentials saved with an explicit "Requests per
 * Second": a token bucket that spaces requests evenly at that rate after a burst. A reservation
 * model: the bucket may go negative, and each caller sleeps until its own token would have
 * refilled, so concurrent callers are spaced evenly without polling.
 */
import type { Clock, Pacer, Release, WorkspaceGate } from './pacer';
import { afterPauses } from './pauses';

export interface EvenRate {
	requestsPerSecond: number;
	burst: number;
}

const nothing: Release = () => undefined;

export class EvenPacer implements Pacer {
	private tokens: number;
	private refilledAt: number | undefined;
	/** No request leaves before this time (set by a 429's Retry-After, for everyone on the key). */
	private blockedUntil = 0;
	/** Bumped when a 429 resets the bucket: reservations made before it are void. */
	private generation = 0;

	constructor(
		private settings: EvenRate,
		readonly workspace: WorkspaceGate,
	) {
		this.tokens = settings.burst;
	}

	retune(settings: EvenRate): void {
		this.settings = settings;
		this.tokens = Math.min(this.tokens, settings.burst);
	}

	/**
	 * A wait under a millisecond is not slept (the clock counts whole milliseconds, so it would
	 * round up to one): the request goes at once and its debt stays in the bucket, where later
	 * refills pay it back and later callers wait for it, so the average rate holds.
	 */
	async acquire(clock: Clock): Promise<Release> {
		for (;;) {
			const now = await afterPauses(clock, () => Math.max(this.blockedUntil, this.workspace.pausedUntil));
			this.refill(now);
			this.tokens -= 1;
			if (this.tokens >= 0) return nothing;
			const waitMs = (-this.tokens / this.settings.requestsPerSecond) * 1000;
			if (waitMs < 1) return nothing;
			const generation = this.generation;
			await clock.sleep(Math.ceil(waitMs));
			if (generation === this.generation) return nothing;
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

	/** An even rate learns nothing: the user chose it. */
	connectionLimited(): void {}

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
