/** The floor of one listing case: the requests an exact, complete listing needs (bench/floor.ts), and their time. */
import { floorMs, pagesOf, scimListingRequests, sequentialFloorMs } from '../floor';
import type { BenchOptions } from '../options';

export interface Listing {
	via: 'scim' | 'api';
	members: number;
	plan: 'business' | 'other';
	/** Requests another connection spends from the workspace budget just before. */
	othersSpend?: number;
}

export const PLAN_BUDGET = { business: 600, other: 180 } as const;

export function listingFloor(listing: Listing, options: Pick<BenchOptions, 'latencyMs' | 'inFlight'>): { requests: number; ms: number } {
	const { via, members, plan, othersSpend } = listing;
	// The workspace budget is not published; the cases that share it set it to the connection's,
	// and another connection spends part of it first: what is left is this listing's budget.
	const budget = PLAN_BUDGET[plan] - (othersSpend ?? 0);
	if (via === 'api') {
		const requests = pagesOf(members);
		return { requests, ms: sequentialFloorMs(requests, budget, options.latencyMs) };
	}
	const requests = scimListingRequests(members);
	return { requests, ms: floorMs(requests, budget, options.latencyMs, options.inFlight) };
}
