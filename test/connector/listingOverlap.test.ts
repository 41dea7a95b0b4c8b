/**
 * How a SCIM listing spends its round trips, on a requester whose answers the test releases one by
 * one (no clock, no timing): after page 1, every page left and the probe past a full last page are
 * out together, and once every page is sent the pages are judged and collected in order while
 * later ones are still out — not all after the last answer.
 */
import type { ApiCall, ApiResult, Requester } from '../../nodes/common/connector/http/requester';
import { listResources } from '../../nodes/common/connector/scim/listResources';

const idOf = (n: number) => `u-${String(n).padStart(4, '0')}`;

/** A SCIM /Users over `total` members whose answers wait until the test releases them. */
function heldServer(total: number) {
	const pending = new Map<number, () => void>();
	/** Ids the listing has looked at (each resource's `id` is read when it is collected). */
	const looked = new Set<string>();
	const resource = (n: number) => ({
		get id() {
			looked.add(idOf(n));
			return idOf(n);
		},
	});
	const requester = {
		send: (call: ApiCall): Promise<ApiResult> => {
			const url = new URL(call.url);
			const startIndex = Number(url.searchParams.get('startIndex'));
			const count = Number(url.searchParams.get('count'));
			const json = {
				totalResults: total,
				Resources: Array.from({ length: Math.max(0, Math.min(count, total - startIndex + 1)) }, (_, i) => resource(startIndex + i)),
			};
			return new Promise((resolve) => {
				pending.set(startIndex, () => resolve({ status: 200, headers: {}, json, text: '' }));
			});
		},
	} as unknown as Requester;
	const settle = async () => {
		for (let i = 0; i < 20; i++) await Promise.resolve();
	};
	const answer = async (...startIndexes: number[]) => {
		for (const startIndex of startIndexes) {
			const release = pending.get(startIndex);
			if (!release) throw new Error(`no request out for startIndex ${startIndex}`);
			pending.delete(startIndex);
			release();
		}
		await settle();
	};
	const out = () => [...pending.keys()].sort((a, b) => a - b);
	const lookedAtPage = (startIndex: number) => Array.from({ length: 100 }, (_, i) => looked.has(idOf(startIndex + i))).every(Boolean);
	return { requester, answer, out, settle, lookedAtPage };
}

function list(server: ReturnType<typeof heldServer>) {
	return listResources(
		server.requester,
		(startIndex, count) => ({ api: 'scim', method: 'GET', url: `https://scim.test/Users?startIndex=${startIndex}&count=${count}` }),
		{ pageSize: 100, concurrency: 10 },
	);
}

describe('a cold SCIM listing of 1,000 members, 10 in flight', () => {
	it('sends page 1 alone, then the nine pages left and the probe past the total together', async () => {
		const server = heldServer(1000);
		const listing = list(server);
		await server.settle();
		expect(server.out()).toEqual([1]);
		await server.answer(1);
		expect(server.out()).toEqual([101, 201, 301, 401, 501, 601, 701, 801, 901, 1001]);
		await server.answer(...server.out());
		const done = await listing;
		expect(done).toMatchObject({ pages: 11, consistent: true });
		expect(done.resources).toHaveLength(1000);
	});

	it('collects each page once every page before it is in, while later pages are still out', async () => {
		const server = heldServer(1000);
		const listing = list(server);
		await server.settle();
		await server.answer(1);
		// Pages 2-4 back, page 6 back out of order; pages 5, 7-10 and the probe still out.
		await server.answer(101, 201, 301, 601);
		expect([101, 201, 301].every(server.lookedAtPage)).toBe(true);
		// Page 6 waits for page 5: the listing keeps the order of the pages.
		expect(server.lookedAtPage(601)).toBe(false);
		await server.answer(401);
		expect(server.lookedAtPage(401)).toBe(true);
		expect(server.lookedAtPage(501)).toBe(false);
		await server.answer(501);
		expect([501, 601].every(server.lookedAtPage)).toBe(true);
		await server.answer(...server.out());
		const done = await listing;
		expect(done).toMatchObject({ pages: 11, consistent: true });
		expect(done.resources.map((r) => (r as { id: string }).id)).toEqual(Array.from({ length: 1000 }, (_, i) => idOf(i + 1)));
	});
});
