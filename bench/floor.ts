/**
 * The floor Notion's documented limits set: R requests, a budget of B per 60-second window,
 * latency L, C requests in flight. Whole windows of B requests cost a minute each (the budget is
 * spent, the window must end); the last window's r requests take ceil(r / C) round trips:
 *   floor = (ceil(R/B) − 1) × 60 s + ceil(r / C) × L,  r = R − (ceil(R/B) − 1) × B.
 * Cursor paging (the standard API) cannot overlap requests: its floor is R × L (latency-bound)
 * unless the budget binds first.
 */
export const PAGE_SIZE = 100;
export const WINDOW_MS = 60_000;

export function floorRequests(records: number): number {
	return Math.ceil(records / PAGE_SIZE);
}

export function floorMs(requests: number, budgetPerMinute: number, latencyMs: number, inFlight: number): number {
	const windows = Math.max(1, Math.ceil(requests / budgetPerMinute));
	const last = requests - (windows - 1) * budgetPerMinute;
	return (windows - 1) * WINDOW_MS + Math.ceil(last / inFlight) * latencyMs;
}

/** One request after the other: the budget floor with one request in flight. */
export function sequentialFloorMs(requests: number, budgetPerMinute: number, latencyMs: number): number {
	return floorMs(requests, budgetPerMinute, latencyMs, 1);
}
