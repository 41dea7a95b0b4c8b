/** What the workers' attempts say about the one budget they share at Notion. */
import type { Attempt } from './queueWorker';

const WINDOW_MS = 60_000;

/**
 * The most requests Notion accepted (anything but a 429) in any 60 seconds, counted by when they
 * were sent, across every worker. Notion publishes no window alignment, so this is the sliding
 * count: a fixed window of the emulator's holds at most the plan's budget by construction, while
 * a burst on both sides of its edge shows here as more than the budget.
 */
export function maxAcceptedPerWindow(attempts: readonly Attempt[]): number {
	const times = attempts
		.filter((a) => a.status !== 429)
		.map((a) => a.sentAt)
		.sort((a, b) => a - b);
	let max = 0;
	let first = 0;
	for (let last = 0; last < times.length; last++) {
		while (times[last] - times[first] >= WINDOW_MS) first++;
		max = Math.max(max, last - first + 1);
	}
	return max;
}

/** The 429s met in each minute from `start` (the first minute first): when the workers met them. */
export function refusalsPerMinute(attempts: readonly Attempt[], start: number): number[] {
	const minutes: number[] = [];
	for (const a of attempts) {
		if (a.status !== 429) continue;
		const minute = Math.floor((a.sentAt - start) / WINDOW_MS);
		while (minutes.length <= minute) minutes.push(0);
		minutes[minute]++;
	}
	return minutes;
}
