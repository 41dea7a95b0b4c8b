/**
 * Paging an Admin API list. Notion's lists answer `{results, has_more, next_cursor}` and take the
 * cursor back as `start_cursor` (most lists) or `cursor` (some); `page_size` only where documented.
 * Which one a list takes is not documented everywhere: a page in the public API's list shape
 * (`object: "list"`) is answered with `start_cursor`, whatever the call expected.
 * Tolerant of what the documentation leaves open: a page without `has_more` goes on while it gives
 * a `next_cursor`, which may be null or left out on the last page.
 */
import { NotionAdminError } from '../errors';
import { adminCall, isObject, type AdminCall, type AdminContext } from './adminRequest';

export interface ListCall extends Omit<AdminCall, 'method' | 'accepts'> {
	cursorParam: 'start_cursor' | 'cursor';
	/** Whether the endpoint takes `page_size` (1–100). */
	paged: boolean;
}

interface Page {
	results: unknown[];
	nextCursor?: string;
	/** The list said it is a P1 list, which takes its cursor back as `start_cursor`. */
	p1: boolean;
	/** `has_more: true`: there is more, whatever the cursor says. */
	hasMore: boolean;
}

function readPage(json: unknown): Page {
	const body = json as { object?: unknown; results: unknown[]; has_more?: unknown; next_cursor?: unknown };
	const cursor = typeof body.next_cursor === 'string' && body.next_cursor !== '' ? body.next_cursor : undefined;
	return { results: body.results, nextCursor: body.has_more === false ? undefined : cursor, p1: body.object === 'list', hasMore: body.has_more === true };
}

const isListPage = (json: unknown) => isObject(json) && Array.isArray(json.results);

/** Every page's results in order, one page at a time. */
export async function* pages(context: AdminContext, call: ListCall, limit?: number): AsyncGenerator<unknown[]> {
	const seen = new Set<string>();
	let cursor: string | undefined;
	let cursorParam = call.cursorParam;
	let taken = 0;
	for (;;) {
		const pageSize = Math.min(context.pageSize, limit === undefined ? context.pageSize : Math.max(1, limit - taken));
		const { json } = await adminCall(context, {
			...call,
			method: 'GET',
			query: { ...call.query, ...(call.paged ? { page_size: pageSize } : {}), [cursorParam]: cursor },
			accepts: isListPage,
		});
		const page = readPage(json);
		taken += page.results.length;
		yield page.results;
		if (limit !== undefined && taken >= limit) return;
		if (page.nextCursor === undefined && page.hasMore) {
			// Said to go on but gave no way there: taken as the end, a missing entry would read as absent.
			throw new NotionAdminError(
				'bad_response',
				`Notion's Admin API said there is more to list under ${call.path} but gave no cursor to read it`,
				'Notion sent a cut listing; try again later',
				{ api: 'organization' },
			);
		}
		if (page.nextCursor === undefined) return;
		if (seen.has(page.nextCursor)) {
			// The same cursor twice would page forever.
			throw new NotionAdminError(
				'bad_response',
				`Notion's Admin API gave the same cursor twice while listing ${call.path}`,
				'Notion sent a broken listing; try again later',
				{ api: 'organization' },
			);
		}
		seen.add(page.nextCursor);
		cursor = page.nextCursor;
		if (page.p1) cursorParam = 'start_cursor';
	}
}

/**
 * Up to `limit` mapped results (all without one). `map` returns undefined for an entry it cannot
 * read, which is then a bad answer: a listing silently missing entries would mislead.
 */
export async function collect<T>(
	context: AdminContext,
	call: ListCall,
	map: (raw: unknown) => T | undefined,
	limit?: number,
): Promise<T[]> {
	const out: T[] = [];
	for await (const results of pages(context, call, limit)) {
		for (const raw of results) {
			const value = map(raw);
			if (value === undefined) {
				throw new NotionAdminError(
					'bad_response',
					`Notion's Admin API listed an entry without an id under ${call.path}`,
					'Notion or a proxy in between sent a broken answer; try again later',
					{ api: 'organization' },
				);
			}
			out.push(value);
			if (limit !== undefined && out.length >= limit) return out;
		}
	}
	return out;
}
