/** SCIM index paging against a scripted server (see listingChecks.test.ts): totals that move, a total expected beforehand, and a listing resumed after its deadline. */
import { idOf, people, scimServer, list } from './scriptedScimServer';

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
