/**
 * Virtual time for connector tests: `sleep` returns at once (after letting other work run) and
 * moves the clock to the moment the sleeper would have woken. Concurrent sleepers overlap, as in
 * real time, so the clock ends at the latest wake-up, not at the sum of all waits.
 */
export interface FakeClock {
	now: () => number;
	sleep: (ms: number) => Promise<void>;
	/** Every wait asked for, in order. */
	sleeps: number[];
	elapsed: () => number;
}

export function fakeClock(start = Date.UTC(2026, 0, 1)): FakeClock {
	let time = start;
	const sleeps: number[] = [];
	return {
		now: () => time,
		sleep: async (ms: number) => {
			sleeps.push(ms);
			const wake = time + ms;
			await new Promise<void>((resolve) => setImmediate(resolve));
			time = Math.max(time, wake);
		},
		sleeps,
		elapsed: () => time - start,
	};
}
