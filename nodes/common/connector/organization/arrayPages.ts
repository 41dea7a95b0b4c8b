/**
 * The legal-hold lists' paging (Notion's "P2" shape): `{"<key>": [...], "next_cursor": "…"}`, a
 * fixed page size, `start_cursor` back, and `next_cursor` left out (or null) on the last page —
 * no `object`, no `has_more`, so pages.ts's `results` lists do not apply.
 */
import { NotionAdminError } from '../errors';
import { adminCall, isObject, type AdminCall, type AdminContext } from './adminRequest';

export type ArrayListCall = Omit<AdminCall, 'method' | 'accepts'> & { key: string };

const broken = (why: string) =>
	new NotionAdminError('bad_response', `Notion's Admin API ${why}`, 'Notion or a proxy in between sent a broken listing; try again later', { api: 'organization' });

/** Up to `limit` entries read by `read` (undefined: a broken entry), every page without a limit. */
export async function collectArray<T>(context: AdminContext, call: ArrayListCall, read: (raw: unknown) => T | undefined, limit?: number): Promise<T[]> {
	const out: T[] = [];
	const cursors = new Set<string>();
	let cursor: string | undefined;
	do {
		const { json } = await adminCall(context, {
			...call,
			method: 'GET',
			query: { ...call.query, start_cursor: cursor },
			accepts: (body) => isObject(body) && Array.isArray(body[call.key]),
		});
		const page = json as Record<string, unknown>;
		for (const raw of page[call.key] as unknown[]) {
			const entry = read(raw);
			if (entry === undefined) throw broken(`listed an unreadable entry under ${call.path}`);
			out.push(entry);
			if (limit !== undefined && out.length >= limit) return out;
		}
		cursor = typeof page.next_cursor === 'string' && page.next_cursor !== '' ? page.next_cursor : undefined;
		// The same cursor twice would page forever.
		if (cursor !== undefined && cursors.has(cursor)) throw broken(`gave the same cursor twice while listing ${call.path}`);
		if (cursor !== undefined) cursors.add(cursor);
	} while (cursor !== undefined);
	return out;
}
