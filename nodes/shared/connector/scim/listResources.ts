/**
 * SCIM index paging (RFC 7644 §3.4.2.4) made fast and honest: the first page tells the total,
 * then the remaining pages are fetched concurrently (the pacer keeps them inside the rate
 * budget). Index paging is not stable while the workspace changes, so the listing reports
 * `consistent: false` when the total moved, a page came back short, or a resource showed up
 * twice; it also reads past the first total when the total grew.
 */
import type { ApiCall, Requester } from '../http/requester';

export interface PageRequest {
	pageSize: number;
	concurrency: number;
	/** Stop once this many resources are collected. */
	limit?: number;
	deadline?: number;
}

export interface ResourceListing {
	resources: unknown[];
	pages: number;
	consistent: boolean;
}

interface Page {
	total: number | undefined;
	resources: unknown[];
}

export async function listResources(
	requester: Requester,
	pageCall: (startIndex: number, count: number) => ApiCall,
	request: PageRequest,
): Promise<ResourceListing> {
	const { pageSize, limit, deadline } = request;
	const seen = new Set<string>();
	const resources: unknown[] = [];
	let consistent = true;
	let pages = 0;
	const enough = () => limit !== undefined && resources.length >= limit;

	const fetchPage = async (startIndex: number): Promise<Page> => {
		const { json } = await requester.send({ ...pageCall(startIndex, pageSize), deadline });
		pages += 1;
		const body = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
		return {
			total: typeof body.totalResults === 'number' ? body.totalResults : undefined,
			resources: Array.isArray(body.Resources) ? body.Resources : [],
		};
	};
	const collect = (page: Page) => {
		for (const resource of page.resources) {
			const id = (resource as { id?: unknown } | null)?.id;
			const key = typeof id === 'string' ? id.toLowerCase() : undefined;
			if (key !== undefined && seen.has(key)) {
				consistent = false;
				continue;
			}
			if (key !== undefined) seen.add(key);
			resources.push(resource);
		}
	};

	const first = await fetchPage(1);
	collect(first);
	let total = first.total;
	let next = 1 + first.resources.length;
	// A server may return fewer than asked on every page (RFC 7644 §3.4.2.4): page by what it gives.
	const step = Math.max(1, Math.min(pageSize, first.resources.length));

	if (total !== undefined && first.resources.length > 0 && !enough()) {
		const firstTotal = total;
		const wanted = limit === undefined ? total : Math.min(total, limit);
		const starts: number[] = [];
		for (let start = 1 + step; start <= wanted; start += step) starts.push(start);
		const fetched = await inPool(starts, request.concurrency, fetchPage);
		starts.forEach((start, i) => {
			const page = fetched[i];
			if (page.total !== firstTotal) consistent = false;
			if (page.resources.length < Math.min(step, firstTotal - (start - 1))) consistent = false;
			if (page.total !== undefined) total = Math.max(total ?? 0, page.total);
			collect(page);
		});
		if (starts.length > 0) next = starts[starts.length - 1] + fetched[fetched.length - 1].resources.length;
	}

	// Sequential tail: when the server gives no total, or the total grew while we paged.
	let lastCount = first.resources.length;
	if (total !== undefined && total > 0 && lastCount === 0) consistent = false;
	const more = () => (total === undefined ? lastCount >= step : next <= total);
	while (!enough() && lastCount > 0 && more()) {
		if (total !== undefined) consistent = false;
		const page = await fetchPage(next);
		collect(page);
		lastCount = page.resources.length;
		next += lastCount;
		if (page.total !== undefined) total = page.total;
	}

	return { resources: limit === undefined ? resources : resources.slice(0, limit), pages, consistent };
}

/** Runs `work` over `items` with at most `concurrency` at a time; results keep the input order. */
async function inPool<T, R>(items: T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
	const results: R[] = new Array<R>(items.length);
	let cursor = 0;
	let failed = false;
	const worker = async () => {
		while (cursor < items.length && !failed) {
			const index = cursor++;
			try {
				results[index] = await work(items[index]);
			} catch (error) {
				// The listing is lost anyway: stop the other workers from spending more requests.
				failed = true;
				throw error;
			}
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
	return results;
}
