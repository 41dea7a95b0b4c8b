/**
 * The consistency checks of SCIM index paging, one by one, against a scripted in-memory server
 * (no HTTP): a total shorter than what the pages hold, the one probe past a full last page, a
 * page short of its share, a total that moves, a member shown twice, a resumed listing whose
 * overlap moved, a page that is not a list, and where a listing cut at its deadline goes on.
 * Every answer here is valid-looking; only these checks tell a wrong one from a right one.
 */
import { NotionAdminError } from '../../nodes/common/connector/errors';
import type { ApiCall, ApiResult, Requester } from '../../nodes/common/connector/http/requester';
import { RequestFailure } from '../../nodes/common/connector/http/responseError';
import { listResources, type PageRequest } from '../../nodes/common/connector/scim/listResources';

const idOf = (n: number) => `u-${String(n).padStart(4, '0')}`;
const people = (count: number, from = 1) => Array.from({ length: count }, (_, index) => idOf(from + index));

interface ListBody {
	totalResults?: unknown;
	Resources?: unknown[];
}

interface ServerScript {
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
function scimServer(initial: string[], script: ServerScript = {}) {
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

async function list(server: ReturnType<typeof scimServer>, request: Partial<PageRequest> = {}) {
	const listing = await listResources(
		server.requester,
		(startIndex, count) => ({ api: 'scim', method: 'GET', url: `https://scim.test/Users?startIndex=${startIndex}&count=${count}` }),
		{ pageSize: 100, concurrency: 3, ...request },
	);
	return { ...listing, ids: listing.resources.map((resource) => (resource as { id?: string } | null)?.id) };
}

describe('a stable workspace', () => {
	it('lists everyone once, in order, consistent, one request a page', async () => {
		const server = scimServer(people(250));
		const listing = await list(server);
		expect(listing).toMatchObject({ ids: people(250), pages: 3, consistent: true });
		expect(listing.next).toBeUndefined();
		expect([...server.asked].sort((a, b) => a - b)).toEqual([1, 101, 201]);
	});

	it('a total that ends on a full page costs one probe past it, which must come back empty', async () => {
		const server = scimServer(people(200));
		const listing = await list(server);
		expect(listing).toMatchObject({ ids: people(200), pages: 3, consistent: true });
		expect([...server.asked].sort((a, b) => a - b)).toEqual([1, 101, 201]);
	});

	it('a total that fits one page has no probe unless the page is full', async () => {
		const few = scimServer(people(7));
		expect(await list(few)).toMatchObject({ ids: people(7), pages: 1, consistent: true });
		const full = scimServer(people(100));
		expect(await list(full)).toMatchObject({ ids: people(100), pages: 2, consistent: true });
		expect(full.asked).toEqual([1, 101]);
	});

	it('an empty workspace: a total of 0, with or without Resources', async () => {
		expect(await list(scimServer([]))).toMatchObject({ ids: [], pages: 1, consistent: true });
		const bare = scimServer([], { answer: () => ({ totalResults: 0 }) });
		expect(await list(bare)).toMatchObject({ ids: [], pages: 1, consistent: true });
	});

	it('a server that pages by fewer than asked is paged by what it gives, with no probe', async () => {
		const server = scimServer(people(120), { maxPage: 50 });
		const listing = await list(server);
		expect(listing).toMatchObject({ ids: people(120), pages: 3, consistent: true });
		expect([...server.asked].sort((a, b) => a - b)).toEqual([1, 51, 101]);
	});

	it('a server paging by fewer, ending at the total on a full page of its own, is not probed', async () => {
		const server = scimServer(people(100), { maxPage: 50 });
		expect(await list(server)).toMatchObject({ ids: people(100), pages: 2, consistent: true });
	});

	it('a limit reads only the pages it needs and cuts the rest', async () => {
		const server = scimServer(people(450));
		const listing = await list(server, { limit: 150 });
		expect(listing).toMatchObject({ ids: people(150), consistent: true });
		expect([...server.asked].sort((a, b) => a - b)).toEqual([1, 101]);
		const exact = scimServer(people(450));
		expect(await list(exact, { limit: 200 })).toMatchObject({ ids: people(200) });
		expect([...exact.asked].sort((a, b) => a - b)).toEqual([1, 101]);
		const small = scimServer(people(450));
		expect(await list(small, { limit: 100 })).toMatchObject({ ids: people(100), pages: 1 });
	});

	it('respects the concurrency cap', async () => {
		let inFlight = 0;
		let most = 0;
		const server = scimServer(people(1000));
		const send = server.requester.send.bind(server.requester);
		server.requester.send = async (call) => {
			inFlight += 1;
			most = Math.max(most, inFlight);
			try {
				return await send(call);
			} finally {
				inFlight -= 1;
			}
		};
		await list(server, { concurrency: 2 });
		expect(most).toBe(2);
	});

	it('resources without an id are kept, never taken for duplicates', async () => {
		const server = scimServer(people(3), { answer: (body) => ({ ...body, Resources: [{ name: 'a' }, { name: 'b' }, null] }) });
		expect(await list(server)).toMatchObject({ ids: [undefined, undefined, undefined], consistent: true });
	});
});

describe('valid-looking answers that are wrong', () => {
	it('a total shorter than what the pages hold makes the listing inconsistent', async () => {
		const server = scimServer(people(250), { answer: (body) => ({ ...body, totalResults: 150 }) });
		const listing = await list(server);
		expect(listing.consistent).toBe(false);
		expect(listing.ids).toEqual(people(200));
	});

	it('a first page holding more than its total is inconsistent', async () => {
		const server = scimServer(people(30), { answer: (body) => ({ ...body, totalResults: 29 }) });
		expect((await list(server)).consistent).toBe(false);
		const exact = scimServer(people(30), { answer: (body) => ({ ...body, totalResults: 30 }) });
		expect((await list(exact)).consistent).toBe(true);
	});

	it('a page beyond a total of 0 that holds members is inconsistent', async () => {
		const server = scimServer(people(3), { answer: (body) => ({ ...body, totalResults: 0 }) });
		expect(await list(server)).toMatchObject({ ids: people(3), consistent: false });
	});

	it('a short total that ends on a full page: the probe finds more, and they are listed', async () => {
		const server = scimServer(people(250), { answer: (body) => ({ ...body, totalResults: 200 }) });
		const listing = await list(server);
		expect(listing.consistent).toBe(false);
		expect(listing.ids).toEqual(people(250));
	});

	it('a full probe page is listed, and the listing is inconsistent', async () => {
		const server = scimServer(people(420), { answer: (body) => ({ ...body, totalResults: 200 }) });
		const listing = await list(server);
		expect(listing.consistent).toBe(false);
		expect(listing.ids).toEqual(people(420));
	});

	it('a page short of its share of the total is inconsistent', async () => {
		const server = scimServer(people(250), { answer: (body, startIndex) => (startIndex === 101 ? { ...body, Resources: body.Resources?.slice(0, 99) } : body) });
		const listing = await list(server);
		expect(listing.consistent).toBe(false);
		expect(listing.ids).toHaveLength(249);
	});

	it('a last page exactly its share is consistent; one short of it is not', async () => {
		const exact = scimServer(people(250));
		expect((await list(exact)).consistent).toBe(true);
		const short = scimServer(people(250), { answer: (body, startIndex) => (startIndex === 201 ? { ...body, Resources: body.Resources?.slice(0, 49) } : body) });
		const listing = await list(short);
		expect(listing.consistent).toBe(false);
		// The page short by one leaves the next index at the total: it is read.
		expect(listing.ids).toEqual(people(250));
	});

	it('a total with members but an empty first page is inconsistent', async () => {
		const server = scimServer(people(5), { answer: (body) => ({ ...body, Resources: [] }) });
		expect(await list(server)).toMatchObject({ ids: [], pages: 1, consistent: false });
		expect(server.asked).toEqual([1]);
	});

	it('a later page with another total is inconsistent, and a grown total is read to its end', async () => {
		const shrunk = scimServer(people(250), { before: (n, _start, members) => (n === 2 ? members.splice(250 - 1, 1) : undefined) });
		expect((await list(shrunk, { concurrency: 1 })).consistent).toBe(false);
		const grown = scimServer(people(250), { before: (n, _start, members) => (n === 2 ? members.push(...people(60, 5000)) : undefined) });
		const listing = await list(grown, { concurrency: 1 });
		expect(listing.consistent).toBe(false);
		expect(listing.ids).toEqual([...people(250), ...people(60, 5000)]);
	});

	it('a member joining at the start between pages shows one twice: inconsistent, and listed once', async () => {
		const server = scimServer(people(250), { before: (n, _start, members) => (n === 2 ? members.unshift('u-new') : undefined) });
		const listing = await list(server, { concurrency: 1 });
		expect(listing.consistent).toBe(false);
		expect(new Set(listing.ids).size).toBe(listing.ids.length);
		expect(listing.ids.filter((id) => id === idOf(100))).toHaveLength(1);
	});

	it('the same id in another case is the same member', async () => {
		const server = scimServer(people(3), { answer: (body) => ({ ...body, Resources: [{ id: 'ABC' }, { id: 'abc' }, { id: 'x' }] }) });
		expect(await list(server)).toMatchObject({ ids: ['ABC', 'x'], consistent: false });
	});

	it.each([
		['null', null],
		['a list', []],
		['no total', { Resources: [] }],
		['a total as text', { totalResults: '3', Resources: [] }],
		['a fractional total', { totalResults: 2.5, Resources: [] }],
		['a negative total', { totalResults: -1, Resources: [] }],
		['no Resources with a total above 0', { totalResults: 3 }],
		['Resources that are no list', { totalResults: 3, Resources: { 0: { id: 'a' } } }],
		['a total of 0 with Resources that are no list', { totalResults: 0, Resources: {} }],
	])('a page that is not a list (%s) is never taken for an empty listing', async (_name, body) => {
		const server = scimServer(people(3), { answer: () => body });
		await expect(list(server)).rejects.toMatchObject({ kind: 'bad_response' });
	});
});

describe('totals that move, and the tail', () => {
	it('a later page that claims a smaller total (someone left) is inconsistent, even with its page full', async () => {
		const server = scimServer(people(250), { answer: (body, startIndex) => (startIndex === 101 ? { ...body, totalResults: 249 } : body) });
		expect(await list(server)).toMatchObject({ ids: people(250), consistent: false });
	});

	it('the largest total any page claimed decides how far the listing reads', async () => {
		// Page 201 holds what a total of 250 leaves room for; the ten past it show only to a tail read.
		const server = scimServer(people(260), {
			answer: (body, startIndex) => ({ totalResults: startIndex === 101 ? 260 : 250, Resources: startIndex === 201 ? body.Resources?.slice(0, 50) : body.Resources }),
		});
		const listing = await list(server, { concurrency: 1 });
		expect(listing.consistent).toBe(false);
		expect(listing.ids).toEqual(people(260));
	});

	it('the tail reads on as far as the latest total says', async () => {
		const totals: Record<number, number> = { 1: 250, 101: 250, 201: 260, 251: 400, 291: 400, 331: 400 };
		const sizes: Record<number, number> = { 201: 50, 251: 40, 291: 40 };
		const server = scimServer(people(330), {
			answer: (body, startIndex) => ({ totalResults: totals[startIndex], Resources: sizes[startIndex] === undefined ? body.Resources : body.Resources?.slice(0, sizes[startIndex]) }),
		});
		const listing = await list(server, { concurrency: 1 });
		expect(listing.consistent).toBe(false);
		expect(listing.ids).toEqual(people(330));
	});

	it('a resumed listing whose short total ends on a full page is probed too, and what the probe finds is listed', async () => {
		const server = scimServer(people(320), { answer: (body) => ({ ...body, totalResults: 299 }) });
		const listing = await list(server, { concurrency: 2, from: { startIndex: 101, totalResults: 299, lastId: idOf(100) } });
		expect(listing.consistent).toBe(false);
		expect(listing.ids).toEqual(people(220, 101));
	});

	it('a resumed listing whose first page holds more than the total leaves room for is inconsistent', async () => {
		const server = scimServer(people(151), { answer: (body) => ({ ...body, totalResults: 150 }) });
		const listing = await list(server, { from: { startIndex: 101, totalResults: 150, lastId: idOf(100) } });
		expect(listing.consistent).toBe(false);
		const exact = scimServer(people(150));
		expect(await list(exact, { from: { startIndex: 101, totalResults: 150, lastId: idOf(100) } })).toMatchObject({ ids: people(50, 101), consistent: true });
	});

	it('after a failed page, no further pages are asked for', async () => {
		const server = scimServer(people(1000), { answer: (body, startIndex) => (startIndex === 101 ? {} : body) });
		await expect(list(server, { concurrency: 2 })).rejects.toMatchObject({ kind: 'bad_response' });
		for (let tick = 0; tick < 20; tick++) await new Promise((resolve) => setImmediate(resolve));
		expect(server.asked.length).toBeLessThanOrEqual(3);
	});
});

describe('a listing whose total is expected: its pages go out with the first one', () => {
	it('the expected pages are asked at once, up to the in-flight cap, and the listing is the same', async () => {
		const server = scimServer(people(250));
		expect(await list(server, { expectedTotal: 250 })).toMatchObject({ ids: people(250), pages: 3, consistent: true });
		expect(server.round.first).toBe(3);
		const capped = scimServer(people(450));
		expect(await list(capped, { expectedTotal: 450, concurrency: 2 })).toMatchObject({ ids: people(450), consistent: true });
		expect(capped.round.first).toBe(2);
	});

	it('no guess from a total that is not a whole number, or with none', async () => {
		const odd = scimServer(people(250));
		await list(odd, { expectedTotal: 250.5 });
		expect(odd.round.first).toBe(1);
		const none = scimServer(people(250));
		await list(none);
		expect(none.round.first).toBe(1);
	});

	it('an expected total ending on a full page sends its probe with the first round when the cap allows, not beyond it', async () => {
		const roomy = scimServer(people(200));
		expect(await list(roomy, { expectedTotal: 200, concurrency: 3 })).toMatchObject({ ids: people(200), pages: 3, consistent: true });
		expect(roomy.round.first).toBe(3);
		const tight = scimServer(people(200));
		expect(await list(tight, { expectedTotal: 200, concurrency: 2 })).toMatchObject({ ids: people(200), pages: 3, consistent: true });
		expect(tight.round.first).toBe(2);
	});

	it('with a limit, only the pages within it are guessed, and no probe', async () => {
		const server = scimServer(people(450));
		expect(await list(server, { expectedTotal: 450, limit: 200, concurrency: 5 })).toMatchObject({ ids: people(200) });
		expect(server.round.first).toBe(2);
		expect([...server.asked].sort((a, b) => a - b)).toEqual([1, 101]);
	});

	it('a guess too high costs the empty pages past the total, and the listing stays consistent', async () => {
		const server = scimServer(people(250));
		expect(await list(server, { expectedTotal: 450, concurrency: 5 })).toMatchObject({ ids: people(250), pages: 5, consistent: true });
	});

	it('a guessed page past the total that claims another total is inconsistent', async () => {
		const server = scimServer(people(250), { answer: (body, startIndex) => (startIndex === 401 ? { ...body, totalResults: 260 } : body) });
		expect(await list(server, { expectedTotal: 450, concurrency: 5 })).toMatchObject({ ids: people(250), consistent: false });
	});

	it('a guessed page past a short total that holds members: they are listed, and the listing is inconsistent', async () => {
		const server = scimServer(people(320), { answer: (body) => ({ ...body, totalResults: 250 }) });
		const listing = await list(server, { expectedTotal: 450, concurrency: 5 });
		expect(listing.consistent).toBe(false);
		expect(listing.ids).toEqual(people(320));
	});

	it('guessed pages a server paging by fewer makes misaligned are left out, and the listing is consistent', async () => {
		const server = scimServer(people(120), { maxPage: 30 });
		expect(await list(server, { expectedTotal: 120, concurrency: 3 })).toMatchObject({ ids: people(120), consistent: true });
	});

	it('a guessed page past the total cut by the deadline is no gap', async () => {
		const server = scimServer(people(250), { pastDeadline: (_n, startIndex) => startIndex >= 301 });
		const listing = await list(server, { expectedTotal: 450, concurrency: 5, stop: server.stop });
		expect(listing).toMatchObject({ ids: people(250), consistent: true });
		expect(listing.next).toBeUndefined();
	});
});

describe('resuming and stopping at the deadline', () => {
	it('a resumed listing reads the last member again; where it still is, the listing is consistent', async () => {
		const server = scimServer(people(250));
		const listing = await list(server, { from: { startIndex: 101, totalResults: 250, lastId: idOf(100) } });
		expect(listing).toMatchObject({ ids: people(150, 101), consistent: true });
		expect(Math.min(...server.asked)).toBe(100);
	});

	it('the overlap matches in any case', async () => {
		const server = scimServer(people(250));
		expect(await list(server, { from: { startIndex: 101, totalResults: 250, lastId: idOf(100).toUpperCase() } })).toMatchObject({ ids: people(150, 101), consistent: true });
	});

	it('a resumed listing whose overlap moved is inconsistent, and keeps what it read', async () => {
		const server = scimServer(people(250));
		const listing = await list(server, { from: { startIndex: 101, totalResults: 250, lastId: idOf(99) } });
		expect(listing.consistent).toBe(false);
		expect(listing.ids).toEqual(people(151, 100));
	});

	it('a resumed listing whose total changed is inconsistent', async () => {
		const server = scimServer(people(250));
		expect((await list(server, { from: { startIndex: 101, totalResults: 251, lastId: idOf(100) } })).consistent).toBe(false);
	});

	it('a resumed listing with no total seen or no last id reads from where it stopped', async () => {
		const noTotal = scimServer(people(250));
		expect(await list(noTotal, { from: { startIndex: 101, totalResults: null, lastId: idOf(100) } })).toMatchObject({ ids: people(150, 101), consistent: true });
		const noLast = scimServer(people(250));
		expect(await list(noLast, { from: { startIndex: 101, totalResults: 250, lastId: null } })).toMatchObject({ ids: people(150, 101), consistent: true });
		expect(Math.min(...noLast.asked)).toBe(101);
		const atStart = scimServer(people(50));
		expect(await list(atStart, { from: { startIndex: 1, totalResults: 50, lastId: idOf(7) } })).toMatchObject({ ids: people(50), consistent: true });
	});

	it('a listing cut at its deadline returns the unbroken run it read and where to go on', async () => {
		const server = scimServer(people(450), { pastDeadline: (_n, startIndex) => startIndex >= 201 });
		const listing = await list(server, { stop: server.stop, concurrency: 1 });
		expect(listing.ids).toEqual(people(200));
		expect(listing.next).toEqual({ startIndex: 201, totalResults: 450, lastId: idOf(200) });
		expect(listing.consistent).toBe(true);
	});

	it('cut before its first page, a new listing goes on from the start; a resumed one from where it was', async () => {
		const fresh = scimServer(people(50), { pastDeadline: () => true });
		expect(await list(fresh, { stop: fresh.stop })).toMatchObject({ ids: [], pages: 0, consistent: true, next: { startIndex: 1, totalResults: null, lastId: null } });
		const resumed = scimServer(people(250), { pastDeadline: () => true });
		const from = { startIndex: 101, totalResults: 250, lastId: idOf(100) };
		expect(await list(resumed, { stop: resumed.stop, from })).toMatchObject({ ids: [], next: from });
	});

	it('a resumed listing cut before it read anyone new keeps the last id it had', async () => {
		const server = scimServer(people(250), { maxPage: 1, pastDeadline: (_n, startIndex) => startIndex >= 101 });
		const listing = await list(server, { stop: server.stop, concurrency: 1, from: { startIndex: 101, totalResults: 250, lastId: idOf(100) } });
		expect(listing.ids).toEqual([]);
		expect(listing.next).toEqual({ startIndex: 101, totalResults: 250, lastId: idOf(100) });
	});

	it('a cut during the tail says where the tail was', async () => {
		const server = scimServer(people(250), {
			// The last page says the total grew, and the tail must read on.
			answer: (body, startIndex) => (startIndex === 201 ? { ...body, totalResults: 280 } : body),
			pastDeadline: (n) => n >= 4,
		});
		const listing = await list(server, { stop: server.stop, concurrency: 1 });
		expect(listing.next).toEqual({ startIndex: 251, totalResults: 280, lastId: idOf(250) });
	});

	it('without a stop, the deadline\'s timeout is thrown', async () => {
		const server = scimServer(people(250), { pastDeadline: (n) => n === 2 });
		await expect(list(server)).rejects.toMatchObject({ kind: 'timeout' });
	});

	it('any other failure is thrown, also with a stop', async () => {
		const server = scimServer(people(250), { answer: (body, startIndex) => (startIndex === 101 ? {} : body) });
		await expect(list(server, { stop: server.stop })).rejects.toMatchObject({ kind: 'bad_response' });
	});
});
