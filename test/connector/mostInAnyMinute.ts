/** The most of `times` (milliseconds) that fall in any 60 s: what a per-minute budget must bound. */
export function mostInAnyMinute(times: number[]): number {
	const sorted = [...times].sort((a, b) => a - b);
	let most = 0;
	for (let i = 0, j = 0; i < sorted.length; i++) {
		while (sorted[i] - sorted[j] >= 60_000) j++;
		most = Math.max(most, i - j + 1);
	}
	return most;
}
