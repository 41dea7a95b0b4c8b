/** Virtual time: what one request costs of the poll budget, and the budget that lets a listing make `n` requests. */
export const REQUEST_COST_MS = 1000;

/** The trigger lists for 75% of its budget: the deadline falls half-way between the n-th request and the next. */
export function budgetFor(requests: number): number {
	return ((requests - 0.5) * REQUEST_COST_MS) / 0.75;
}

/** Members a page holds under virtual time (virtualDirectory.ts uses it): a budget of n requests reads at most n pages. */
export const VIRTUAL_PAGE_SIZE = 3;
