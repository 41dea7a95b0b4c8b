/**
 * The floor Notion's documented limits set: R requests, a budget of B per 60-second window,
 * latency L, C requests in flight. Whole windows of B requests cost a minute each (the budget is
 * spent, the window must end); the last window's r requests take ceil(r / C) round trips:
 *   floor = (ceil(R/B) − 1) × 60 s + ceil(r / C) × L,  r = R − (ceil(R/B) − 1) × B.
 * Cursor paging (the standard API, the Admin API's lists) cannot overlap requests: its floor is
 * R × L (latency-bound) unless the budget binds first.
 *
 * R is what an exact, complete listing needs, not what would fit the members:
 * - SCIM index paging says nothing but a total, and a total may be short (members joined since):
 *   a listing is complete only at a page that comes back short of a full page. N members take
 *   floor(N / 100) + 1 requests: when N is a multiple of 100 the last full page is followed by
 *   one that must come back empty (without it a member past a short total would be missing, and
 *   a missing member is reported as removed);
 * - cursor paging's last page says there is no more (`has_more: false`): ceil(N / 100);
 * - PATCH batches of a group add: ceil(K / 100).
 */
export const PAGE_SIZE = 100;
export const WINDOW_MS = 60_000;

/** Pages of 100 for `records`, the last one saying it is the last (cursor paging, PATCH batches). */
export function pagesOf(records: number): number {
	return Math.ceil(records / PAGE_SIZE);
}

/** Requests of an exact SCIM listing of `records`: every page up to the first that is not full. */
export function scimListingRequests(records: number): number {
	return Math.floor(records / PAGE_SIZE) + 1;
}

export function floorMs(requests: number, budgetPerMinute: number, latencyMs: number, inFlight: number): number {
	const windows = Math.max(1, Math.ceil(requests / budgetPerMinute));
	const last = requests - (windows - 1) * budgetPerMinute;
	return (windows - 1) * WINDOW_MS + Math.ceil(last / inFlight) * latencyMs;
}

/**
 * One request after the other: the budget floor with one request in flight — unless a window's
 * budget takes longer than the window to send one at a time (600 at 150 ms: 90 s), when the
 * budget never binds and every request is a round trip: R × L.
 */
export function sequentialFloorMs(requests: number, budgetPerMinute: number, latencyMs: number): number {
	if (budgetPerMinute * latencyMs >= WINDOW_MS) return requests * latencyMs;
	return floorMs(requests, budgetPerMinute, latencyMs, 1);
}

/**
 * Workspace → Get License Report: the Admin API's member listing (cursor paging, ceil(N/100)
 * pages, one after the other), the report's create and its status reads, each waiting for the
 * one before; then one download of the file from the file host, which is outside the API budget
 * and adds no latency in the emulator (its transfer time is not in the floor either).
 */
export function licenseReportFloor(
	listed: number,
	options: { budgetPerMinute: number; latencyMs: number; statusReads: number },
): { apiRequests: number; requests: number; ms: number } {
	const apiRequests = pagesOf(listed) + 1 + options.statusReads;
	return { apiRequests, requests: apiRequests + 1, ms: sequentialFloorMs(apiRequests, options.budgetPerMinute, options.latencyMs) };
}
