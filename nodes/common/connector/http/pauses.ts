import type { Clock } from './pacer';

/**
 * Sleeps while requests on this key or the whole workspace are paused (a 429's Retry-After),
 * looking again after each sleep since a pause may grow meanwhile; returns the time then.
 */
export async function afterPauses(clock: Clock, pausedUntil: () => number): Promise<number> {
	for (;;) {
		const now = clock.now();
		const until = pausedUntil();
		if (now >= until) return now;
		await clock.sleep(until - now);
	}
}
