/** The benchmark's floor under Notion's documented limits, on the cases it reports. */
import { listingFloor } from '../../bench/cases/listingFloor';
import { floorMs, licenseReportFloor, pagesOf, scimListingRequests, sequentialFloorMs } from '../../bench/floor';

const AT = { latencyMs: 150, inFlight: 10 };

describe('benchmark floor', () => {
	it('is the round trips of C in flight while the requests fit one window', () => {
		expect(floorMs(10, 600, 150, 10)).toBe(150);
		expect(floorMs(11, 600, 150, 10)).toBe(300);
		expect(floorMs(100, 600, 150, 10)).toBe(1500);
		expect(floorMs(101, 180, 150, 10)).toBe(1650);
	});

	it('adds a minute per full window spent, then the round trips of what is left', () => {
		// 100,000 members over SCIM: 1,001 requests, 600 in the first window, 401 after it.
		expect(floorMs(1001, 600, 150, 10)).toBe(60_000 + 41 * 150);
		expect(floorMs(600, 600, 150, 10)).toBe(60 * 150);
		expect(floorMs(601, 600, 150, 10)).toBe(60_000 + 150);
	});

	it('counts, for an exact SCIM listing, the pages up to the first one that comes back short', () => {
		// A full last page cannot tell a true total from a short one: the page past it must come
		// back empty, so N members on pages of 100 take floor(N / 100) + 1 requests.
		expect(scimListingRequests(0)).toBe(1);
		expect(scimListingRequests(99)).toBe(1);
		expect(scimListingRequests(100)).toBe(2);
		expect(scimListingRequests(950)).toBe(10);
		expect(scimListingRequests(1_000)).toBe(11);
		expect(scimListingRequests(10_000)).toBe(101);
		expect(scimListingRequests(100_000)).toBe(1_001);
	});

	it('counts pages of 100 where the last page says it is the last (cursor paging, PATCH batches)', () => {
		expect(pagesOf(1_000)).toBe(10);
		expect(pagesOf(10_000)).toBe(100);
		expect(pagesOf(950)).toBe(10);
	});

	it('gives each listing case its floor', () => {
		expect(listingFloor({ via: 'scim', members: 1_000, plan: 'business' }, AT)).toEqual({ requests: 11, ms: 300 });
		expect(listingFloor({ via: 'scim', members: 10_000, plan: 'business' }, AT)).toEqual({ requests: 101, ms: 1_650 });
		expect(listingFloor({ via: 'scim', members: 50_000, plan: 'business' }, AT)).toEqual({ requests: 501, ms: 7_650 });
		expect(listingFloor({ via: 'scim', members: 10_000, plan: 'other' }, AT)).toEqual({ requests: 101, ms: 1_650 });
		expect(listingFloor({ via: 'scim', members: 100_000, plan: 'business' }, AT)).toEqual({ requests: 1_001, ms: 66_150 });
		// 200 of the workspace's 600 left: 301 requests span two windows, 101 in the second.
		expect(listingFloor({ via: 'scim', members: 30_000, plan: 'business', othersSpend: 400 }, AT)).toEqual({ requests: 301, ms: 61_650 });
		// Cursor paging: the last page says there is no more; one request at a time.
		expect(listingFloor({ via: 'api', members: 10_000, plan: 'business' }, AT)).toEqual({ requests: 100, ms: 15_000 });
	});

	it('is latency-bound for cursor paging', () => {
		expect(sequentialFloorMs(100, 600, 150)).toBe(15_000);
	});

	it('stays latency-bound for cursor paging when one request at a time cannot spend a window budget', () => {
		// 150 ms a request: at most 400 in a 60-s window, never the 600 allowed; the budget never binds.
		expect(sequentialFloorMs(1_000, 600, 150)).toBe(150_000);
		// 180 a minute at 150 ms: 27 s for a window's 180, then the window must end.
		expect(sequentialFloorMs(360, 180, 150)).toBe(60_000 + 180 * 150);
	});

	it('gives the license report its floor: the cursor-paged member listing, the create and one status read one after the other, and the download', () => {
		// 100,000 listed users: 1,000 pages; + create + status read = 1,002 API requests, then the file.
		expect(licenseReportFloor(100_000, { budgetPerMinute: 600, latencyMs: 150, statusReads: 1 })).toEqual({
			apiRequests: 1_002,
			requests: 1_003,
			ms: 1_002 * 150,
		});
		expect(licenseReportFloor(100_000, { budgetPerMinute: 600, latencyMs: 150, statusReads: 3 })).toEqual({
			apiRequests: 1_004,
			requests: 1_005,
			ms: 1_004 * 150,
		});
		expect(licenseReportFloor(1_000, { budgetPerMinute: 600, latencyMs: 150, statusReads: 1 })).toEqual({ apiRequests: 12, requests: 13, ms: 12 * 150 });
	});
});
