/**
 * SCIM index paging (RFC 7644 §3.4.2.4) made fast and honest: the first page tells the total,
 * then the remaining pages are fetched concurrently (the pacer keeps them inside the rate
 * budget). Index paging is not stable while the workspace changes, so the listing reports
 * `consistent: false` when the total moved, a page came back short, or a resource showed up
 * twice; it also reads past the first total when the total grew.
 *
 * A listing allowed to stop at its deadline returns the pages read without a gap and where to
 * go on (`next`); resumed there, a total other than the one seen before also makes it
 * inconsistent (members before `startIndex` joined or left, so indexes shifted).
 *
 * When the total can be guessed before the first page answers (a resumed listing's total, or
 * `expectedTotal` from the caller), the pages it implies go out with the first one, up to the
 * in-flight cap, so the total costs no round trip of its own. They pass the same checks as any
 * page; what they cost beyond need is bounded: at most `concurrency − 1` pages, asked only when
 * the guess was too high (the workspace shrank) or the server pages by fewer than asked.
 */
import type { DeadlineStop } from '../deadlineStop';
import { isDeadlineStop } from '../deadlineStop';
import type { ApiCall, Requester } from '../http/requester';

export interface PageRequest {
	pageSize: number;
	concurrency: number;
	/** Stop once this many resources are collected. */
	limit?: number;
	deadline?: number;
	/** Return at this deadline with `next` set instead of failing. */
	stop?: DeadlineStop;
	/** Where an earlier part of this listing stopped (default: the beginning). */
	from?: ResumePoint;
	/** The total the caller expects (e.g. from its previous listing): its pages go out with the first. */
	expectedTotal?: number;
}

export interface ResourceListing {
	resources: unknown[];
	pages: number;
	consistent: boolean;
	/** Set when the deadline cut the listing: where to go on. */
	next?: ResumePoint;
}

/** The startIndex to go on from, the total seen so far, and the id of the resource just before. */
export interface ResumePoint {
	startIndex: number;
	totalResults: number | null;
	lastId: string | null;
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
	const { pageSize, limit, deadline, stop } = request;
	const { from } = request;
	// Resuming reads the last resource listed again: if it moved, index paging shifted.
	const overlap = from !== undefined && from.startIndex > 1 && from.lastId !== null;
	const start = Math.max(1, (from?.startIndex ?? 1) - (overlap ? 1 : 0));
	const seen = new Set<string>();
	const resources: unknown[] = [];
	let consistent = true;
	let pages = 0;
	const enough = () => limit !== undefined && resources.length >= limit;

	const fetchPage = async (startIndex: number): Promise<Page> => {
		const { json } = await requester.send({ ...pageCall(startIndex, pageSize), deadline, accepts: isListResponse });
		pages += 1;
		const body = json as ListResponse;
		return { total: body.totalResults, resources: body.Resources ?? [] };
	};
	/** `undefined` when the deadline came before the page could be asked for. */
	const tryPage = async (startIndex: number): Promise<Page | undefined> => {
		try {
			return await fetchPage(startIndex);
		} catch (error) {
			if (isDeadlineStop(error, stop)) return undefined;
			throw error;
		}
	};
	const collect = (page: Page, startIndex: number) => {
		// More than the total leaves room for: the total is short, and members past it would be lost.
		if (page.total !== undefined && page.resources.length > Math.max(0, page.total - (startIndex - 1))) consistent = false;
		for (const resource of page.resources) {
			const key = idOf(resource);
			if (key !== undefined && seen.has(key)) {
				consistent = false;
				continue;
			}
			if (key !== undefined) seen.add(key);
			resources.push(resource);
		}
	};
	const cut = (startIndex: number, total: number | undefined): ResourceListing => ({
		resources,
		pages,
		consistent,
		next: {
			startIndex,
			totalResults: total ?? from?.totalResults ?? null,
			lastId: resources.length > 0 ? (idOf(resources[resources.length - 1]) ?? null) : (from?.lastId ?? null),
		},
	});

	// The first round: the first page and, when the total can be guessed, the pages it implies.
	const guessed = firstRound(start, request, from?.totalResults ?? request.expectedTotal);
	const round = await inPool(guessed, request.concurrency, tryPage);
	const speculative = new Map<number, Page | undefined>(guessed.slice(1).map((index, i) => [index, round[i + 1]]));
	const first = round[0];
	if (first === undefined) return from === undefined ? cut(start, undefined) : { resources, pages, consistent, next: from };
	if (overlap && idOf(first.resources[0]) === from.lastId?.toLowerCase()) {
		collect({ ...first, resources: first.resources.slice(1) }, start + 1);
	} else {
		if (overlap) consistent = false;
		collect(first, start);
	}
	if (from !== undefined && from.totalResults !== null && first.total !== from.totalResults) consistent = false;
	let total = first.total;
	let next = start + first.resources.length;
	let lastPageLength = first.resources.length;
	// A server may return fewer than asked on every page (RFC 7644 §3.4.2.4): page by what it gives.
	const step = Math.max(1, Math.min(pageSize, first.resources.length));

	// A last page that is full and ends right at the total cannot tell a true total from a short
	// one: one more page must come back empty. Asked only then, beside the other pages.
	let probed = false;
	if (total !== undefined && first.resources.length > 0 && !enough()) {
		const firstTotal = total;
		const wanted = limit === undefined ? total : Math.min(total, start - 1 + limit);
		const starts: number[] = [];
		for (let index = start + step; index <= wanted; index += step) starts.push(index);
		if (limit === undefined && step === pageSize && (wanted - (start - 1)) % step === 0) {
			starts.push(wanted + 1);
			probed = true;
		}
		// Pages are judged in order once no page is left to send, each as soon as every page before
		// it is in: the work is done while the last pages are still out, not all of it after the
		// last answer, and never before a request that could go out (it would wait behind it).
		const fetched: Array<Page | undefined> = [];
		const arrived: boolean[] = [];
		let judged = 0;
		let cutAt: number | undefined;
		const judge = () => {
			while (cutAt === undefined && judged < starts.length && arrived[judged]) {
				const i = judged++;
				const page = fetched[i];
				// Pages after a gap are read again on resuming: only an unbroken run counts.
				if (page === undefined) {
					cutAt = starts[i];
					return;
				}
				if (page.total !== firstTotal) consistent = false;
				if (page.resources.length < Math.min(step, firstTotal - (starts[i] - 1))) consistent = false;
				if (page.total !== undefined) total = Math.max(total ?? 0, page.total);
				collect(page, starts[i]);
				next = starts[i] + page.resources.length;
				lastPageLength = page.resources.length;
			}
		};
		await inPool(
			starts,
			request.concurrency,
			async (index, i) => {
				fetched[i] = speculative.has(index) ? take(speculative, index) : await tryPage(index);
				arrived[i] = true;
			},
			(allStarted) => {
				if (allStarted) judge();
			},
		);
		judge();
		if (cutAt !== undefined) return cut(cutAt, total);
	}

	// Guessed pages no run above used: misaligned (the server pages by fewer) or past the total
	// (the guess was high). One past the total that holds members says the total was short.
	for (const [index, page] of speculative) {
		if (page === undefined || total === undefined || index <= total) continue;
		if (page.total !== total) consistent = false;
		if (page.resources.length === 0) continue;
		consistent = false;
		collect(page, index);
	}

	// Sequential tail: when the total grew while we paged, or the probe found more.
	let lastCount = lastPageLength;
	if (total !== undefined && total > 0 && lastCount === 0 && !probed) consistent = false;
	// Past the total, only a full page says there is more: members joining at every request would
	// otherwise keep the tail going for ever.
	const more = () => total === undefined || next <= total || (probed && lastCount >= step);
	while (!enough() && lastCount > 0 && more()) {
		consistent = false;
		const page = await tryPage(next);
		if (page === undefined) return cut(next, total);
		collect(page, next);
		lastCount = page.resources.length;
		next += lastCount;
		if (page.total !== undefined) total = page.total;
	}

	return { resources: limit === undefined ? resources : resources.slice(0, limit), pages, consistent };
}

/**
 * The first page's index and, from a guessed total, the further pages it implies (the probe past
 * a total that ends on a full page included), up to the in-flight cap. A guess only within the
 * limit: pages past a limit are never asked.
 */
function firstRound(start: number, request: PageRequest, guess: number | undefined): number[] {
	const { pageSize, limit, concurrency } = request;
	const starts = [start];
	if (guess === undefined || !Number.isInteger(guess) || guess < start) return starts;
	const wanted = limit === undefined ? guess : Math.min(guess, start - 1 + limit);
	for (let index = start + pageSize; index <= wanted && starts.length < concurrency; index += pageSize) starts.push(index);
	const endsFull = (wanted - (start - 1)) % pageSize === 0;
	if (limit === undefined && endsFull && starts.length < concurrency && starts.at(-1) === wanted + 1 - pageSize) starts.push(wanted + 1);
	return starts;
}

/** A guessed page, handed out once (a page is collected at most once). */
function take(pages: Map<number, Page | undefined>, index: number): Page | undefined {
	const page = pages.get(index);
	pages.delete(index);
	return page;
}

interface ListResponse {
	totalResults: number;
	Resources?: unknown[];
}

/** RFC 7644 §3.4.2: `totalResults` always; `Resources` whenever there is anything to list. */
function isListResponse(json: unknown): json is ListResponse {
	if (typeof json !== 'object' || json === null) return false;
	const { totalResults, Resources } = json as Record<string, unknown>;
	if (typeof totalResults !== 'number' || !Number.isInteger(totalResults) || totalResults < 0) return false;
	return Array.isArray(Resources) || (Resources === undefined && totalResults === 0);
}

function idOf(resource: unknown): string | undefined {
	const id = (resource as { id?: unknown } | null)?.id;
	return typeof id === 'string' ? id.toLowerCase() : undefined;
}

/**
 * Runs `work` over `items` (with each one's position) with at most `concurrency` at a time; results
 * keep the input order. `done` runs after each item, told whether every item has been started.
 */
async function inPool<T, R>(
	items: T[],
	concurrency: number,
	work: (item: T, index: number) => Promise<R>,
	done?: (allStarted: boolean) => void,
): Promise<R[]> {
	const results: R[] = new Array<R>(items.length);
	let cursor = 0;
	let failed = false;
	const worker = async () => {
		while (cursor < items.length && !failed) {
			const index = cursor++;
			try {
				results[index] = await work(items[index], index);
				done?.(cursor >= items.length);
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
