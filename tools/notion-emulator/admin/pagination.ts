/**
 * Admin API list paging. Lists are ordered by a key (an id); a cursor names the key of the next
 * page's first item and the list it belongs to, so it stays valid when items come and go, and a
 * cursor from another list (or made up) is recognised as unknown. P1 is the public API's list
 * envelope; P3 (the agents' and, by the reference's guess, MCP's) has no object/type and leaves
 * next_cursor out at the end; P2 (legal holds') is a bare named array with a fixed page size.
 */
import type { RequestContext } from '../context';
import { validationError } from './errors';
import { adminSwitch } from './types';

const MAX_PAGE = 100;

export interface PageRequest {
	size: number;
	/** The key the page starts at (inclusive); undefined = the list's start. */
	fromKey?: string;
}

function encodeCursor(list: string, key: string): string {
	return Buffer.from(`${list}|${key}`, 'utf8').toString('base64url');
}

function decodeCursor(list: string, cursor: string): string | undefined {
	if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
	const text = Buffer.from(cursor, 'base64url').toString('utf8');
	const prefix = `${list}|`;
	return text.startsWith(prefix) && text.length > prefix.length ? text.slice(prefix.length) : undefined;
}

/** `page_size` (1–100, default 100) and the cursor parameter; 400 `validation_error` on bad ones. */
export function pageRequest(ctx: RequestContext, list: string, cursorParam: 'start_cursor' | 'cursor'): PageRequest {
	const rawSize = ctx.query.get('page_size');
	let size = MAX_PAGE;
	if (rawSize !== null) {
		size = Number(rawSize);
		if (rawSize.trim() === '' || !Number.isInteger(size)) {
			throw validationError(`query failed validation: page_size should be an integer, instead was \`${JSON.stringify(rawSize)}\`.`);
		}
		if (size < 1 || size > MAX_PAGE) {
			if (ctx.behaviours.pageSizeOutOfRange === 'error') {
				throw validationError(`query failed validation: page_size should be ≤ \`${MAX_PAGE}\` and ≥ \`1\`, instead was \`${size}\`.`);
			}
			size = Math.min(MAX_PAGE, Math.max(1, size));
		}
	}
	return { size, fromKey: cursorKey(ctx, list, cursorParam) };
}

/** The key a cursor names (undefined: from the start); 400 for one this list did not hand out. */
function cursorKey(ctx: RequestContext, list: string, cursorParam: string): string | undefined {
	const cursor = ctx.query.get(cursorParam);
	if (cursor === null || cursor === '') return undefined;
	const fromKey = decodeCursor(list, cursor);
	if (fromKey === undefined && adminSwitch(ctx.behaviours, 'adminUnknownCursor') === 'error') {
		throw validationError(`query failed validation: ${cursorParam} is not a cursor this list handed out.`);
	}
	return fromKey;
}

/** P2 (legal holds): `start_cursor` only, a fixed page size (`adminLegalHoldPageSize`). */
export function p2Request(ctx: RequestContext, list: string): PageRequest {
	return { size: Math.max(1, adminSwitch(ctx.behaviours, 'adminLegalHoldPageSize')), fromKey: cursorKey(ctx, list, 'start_cursor') };
}

/** P2: `{<key>: [...], next_cursor?}`, no object, no has_more; next_cursor left out on the last page. */
export function p2List(key: string, results: unknown[], next: string | undefined): object {
	return { [key]: results, ...(next === undefined ? {} : { next_cursor: next }) };
}

/** One page of items sorted by key; `next` is the cursor of the following page, if any. */
export function pageOf<T>(items: readonly T[], key: (item: T) => string, list: string, request: PageRequest): { results: T[]; next?: string } {
	let start = 0;
	if (request.fromKey !== undefined) {
		const fromKey = request.fromKey;
		start = items.findIndex((item) => key(item) >= fromKey);
		if (start < 0) start = items.length;
	}
	const results = items.slice(start, start + request.size);
	const following = items[start + request.size];
	return { results, next: following === undefined ? undefined : encodeCursor(list, key(following)) };
}

/** P1: `{object:"list",type,results,has_more,next_cursor}` (`adminLastPageCursor` on the last page). */
export function p1List(ctx: RequestContext, type: string, results: unknown[], next: string | undefined): object {
	const end = next === undefined;
	return {
		object: 'list',
		type,
		results,
		has_more: !end,
		...(end && adminSwitch(ctx.behaviours, 'adminLastPageCursor') === 'omitted' ? {} : { next_cursor: next ?? null }),
	};
}

/** P3: `{results,has_more,next_cursor?}`. */
export function p3List(results: unknown[], next: string | undefined): object {
	return { results, has_more: next !== undefined, ...(next === undefined ? {} : { next_cursor: next }) };
}
