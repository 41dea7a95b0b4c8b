/** A scripted in-memory SCIM /Users for the listing checks: changes before a request, rewritten answers, short pages, a deadline. */
import { NotionAdminError } from '../../nodes/common/connector/errors';
import type { ApiCall, ApiResult, Requester } from '../../nodes/common/connector/http/requester';
import { RequestFailure } from '../../nodes/common/connector/http/responseError';
import { listResources, type PageRequest } from '../../nodes/common/connector/scim/listResources';

export const idOf = (n: number) => `u-${String(n).padStart(4, '0')}`;
export const people = (count: number, from = 1) => Array.from({ length: count }, (_, index) => idOf(from + index));

export interface ListBody {
	totalResults?: unknown;
	Resources?: unknown[];
}

export interface ServerScript {
	/** Runs before request number `n` (from 1) is answered; may change `members`. */
	before?: (n: number, startIndex: number, members: string[]) => void;
	/** Rewrites an answer. */
	answer?: (body: ListBody, startIndex: number, n: number) => unknown;
	/** Answers at most this many per page (a server paging by fewer than asked). */
	maxPage?: number;
	/** Request numbers refused as past the deadline (the requester's timeout). */
	pastDeadline?: (n: number, startIndex: number) => boolean;
}

/** A SCIM /Users over `members`, in order; a fake requester that checks `accepts` as the real one does. */
export function scimServer(initial: string[], script: ServerScript = {}) {
	const members = [...initial];
	const asked: number[] = [];
	const clock = { now: 0 };
	/** How many requests were out when the first answer came: the first round. */
	const round = { first: 0 };
	const requester = {
		send: async (call: ApiCall): Promise<ApiResult> => {
			const url = new URL(call.url);
			const startIndex = Number(url.searchParams.get('startIndex'));
			const count = Math.min(Number(url.searchParams.get('count')), script.maxPage ?? Infinity);
			asked.push(startIndex);
			const n = asked.length;
			// Let concurrent requests interleave as they would over a network.
			await Promise.resolve();
			if (round.first === 0) round.first = asked.length;
			if (script.pastDeadline?.(n, startIndex)) {
				clock.now = 1000;
				throw new NotionAdminError('timeout', 'past its time limit', 'hint', { api: 'scim' });
			}
			script.before?.(n, startIndex, members);
			const body: ListBody = { totalResults: members.length, Resources: members.slice(startIndex - 1, startIndex - 1 + count).map((id) => ({ id })) };
			const json = script.answer ? script.answer(body, startIndex, n) : body;
			if (call.accepts !== undefined && !call.accepts(json)) throw new RequestFailure('bad_response', 'not a list', 'hint', { api: 'scim' });
			return { status: 200, headers: {}, json, text: JSON.stringify(json) };
		},
	} as unknown as Requester;
	const stop = { deadline: 500, now: () => clock.now };
	return { requester, members, asked, stop, round };
}

export async function list(server: ReturnType<typeof scimServer>, request: Partial<PageRequest> = {}) {
	const listing = await listResources(
		server.requester,
		(startIndex, count) => ({ api: 'scim', method: 'GET', url: `https://scim.test/Users?startIndex=${startIndex}&count=${count}` }),
		{ pageSize: 100, concurrency: 3, ...request },
	);
	return { ...listing, ids: listing.resources.map((resource) => (resource as { id?: string } | null)?.id) };
}
