/**
 * The consistency checks of SCIM index paging, one by one, against a scripted in-memory server
 * (no HTTP): a total shorter than what the pages hold, the one probe past a full last page, a
 * page short of its share, a member shown twice, a page that is not a list (listingTotals.test.ts:
 * totals that move, expected totals, resuming at the deadline). Every answer here is
 * valid-looking; only these checks tell a wrong one from a right one.
 */
import { idOf, people, scimServer, list } from './scriptedScimServer';

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
