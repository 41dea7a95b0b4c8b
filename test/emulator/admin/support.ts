/** Admin API calls over loopback for the emulator's tests. */
import { ADMIN_API_VERSION, type Emulator } from '../../../tools/notion-emulator';
import type { Reply } from '../../../tools/notion-emulator/support';

export interface AdminCall {
	method?: string;
	body?: unknown;
	/** Replaces the default headers (token and version) where given; `null` leaves one out. */
	headers?: Record<string, string | null>;
}

export async function admin(emu: Emulator, path: string, call: AdminCall = {}): Promise<Reply> {
	const headers: Record<string, string> = {};
	const wanted: Record<string, string | null> = {
		authorization: `Bearer ${emu.tokens.admin}`,
		'notion-version': ADMIN_API_VERSION,
		...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
		...call.headers,
	};
	for (const [name, value] of Object.entries(wanted)) if (value !== null) headers[name] = value;
	const res = await fetch(`${emu.url}/admin/v1${path}`, {
		method: call.method ?? 'GET',
		headers,
		body: call.body === undefined ? undefined : JSON.stringify(call.body),
	});
	const text = await res.text();
	return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

/** Every result of a P1 list, page by page; also how many pages it took. */
export async function allPages(emu: Emulator, path: string, pageSize: number): Promise<{ results: Array<{ id: string }>; pages: number }> {
	const results: Array<{ id: string }> = [];
	let cursor: string | null = null;
	let pages = 0;
	do {
		const sep = path.includes('?') ? '&' : '?';
		const query: string = `${sep}page_size=${pageSize}${cursor ? `&start_cursor=${encodeURIComponent(cursor)}` : ''}`;
		const reply = await admin(emu, `${path}${query}`);
		if (reply.status !== 200) throw new Error(`page ${pages + 1}: ${reply.status} ${JSON.stringify(reply.body)}`);
		results.push(...reply.body.results);
		cursor = reply.body.has_more ? reply.body.next_cursor : null;
		pages++;
	} while (cursor);
	return { results, pages };
}
