/** Valid-looking but wrong 200 listings, and workspace changes between two page reads. */
import type { FaultKind } from '../../tools/notion-emulator/index';
import { api, filterQuery, scim, useEmulator } from '../../tools/notion-emulator/support';

const ids = (resources: Array<{ id: string }>): string[] => resources.map((r) => r.id);

describe('list faults', () => {
	const emu = useEmulator();

	describe('on a SCIM Users listing', () => {
		it('emptyList: 200 with totalResults 0 and no Resources', async () => {
			emu().control.scriptFaults(['emptyList']);
			const res = await scim(emu(), 'GET', '/Users?startIndex=1&count=5');
			expect(res.status).toBe(200);
			expect(res.body).toMatchObject({ totalResults: 0, itemsPerPage: 0, Resources: [] });
			expect(emu().control.requestLog()[0]).toMatchObject({ status: 200, fault: 'emptyList' });
		});

		it('shapelessList: 200 {}', async () => {
			emu().control.scriptFaults(['shapelessList']);
			const res = await scim(emu(), 'GET', '/Users');
			expect(res.status).toBe(200);
			expect(res.body).toEqual({});
		});

		it('shortTotal: the listing seems to end with this page', async () => {
			const real = await scim(emu(), 'GET', '/Users?startIndex=1&count=5');
			emu().control.scriptFaults(['shortTotal']);
			const res = await scim(emu(), 'GET', '/Users?startIndex=1&count=5');
			expect(real.body.totalResults).toBeGreaterThan(5);
			expect(res.body.totalResults).toBe(5);
			expect(ids(res.body.Resources)).toEqual(ids(real.body.Resources));
		});

		it('shortTotal on the last page: one member hidden, the total one short', async () => {
			const total = (await scim(emu(), 'GET', '/Users?count=1')).body.totalResults as number;
			const path = `/Users?startIndex=${total - 2}&count=5`;
			const real = await scim(emu(), 'GET', path);
			emu().control.scriptFaults(['shortTotal']);
			const res = await scim(emu(), 'GET', path);
			expect(res.body.totalResults).toBe(total - 1);
			expect(ids(res.body.Resources)).toEqual(ids(real.body.Resources).slice(0, -1));
		});

		it('duplicateMember: the first member of the page comes again at its end', async () => {
			const real = await scim(emu(), 'GET', '/Users?startIndex=1&count=5');
			emu().control.scriptFaults(['duplicateMember']);
			const res = await scim(emu(), 'GET', '/Users?startIndex=1&count=5');
			const realIds = ids(real.body.Resources);
			expect(ids(res.body.Resources)).toEqual([...realIds, realIds[0]]);
			expect(res.body).toMatchObject({ totalResults: real.body.totalResults, itemsPerPage: 6 });
		});

		it('missingMember: the last member of the page is left out, the total unchanged', async () => {
			const real = await scim(emu(), 'GET', '/Users?startIndex=1&count=5');
			emu().control.scriptFaults(['missingMember']);
			const res = await scim(emu(), 'GET', '/Users?startIndex=1&count=5');
			expect(ids(res.body.Resources)).toEqual(ids(real.body.Resources).slice(0, -1));
			expect(res.body).toMatchObject({ totalResults: real.body.totalResults, itemsPerPage: 4 });
		});
	});

	describe('on a /v1/users listing', () => {
		it('emptyList: results [] with has_more false', async () => {
			emu().control.scriptFaults(['emptyList']);
			const res = await api(emu(), '/users?page_size=5');
			expect(res.status).toBe(200);
			expect(res.body).toMatchObject({ object: 'list', results: [], has_more: false, next_cursor: null });
		});

		it('shapelessList: 200 {}', async () => {
			emu().control.scriptFaults(['shapelessList']);
			expect((await api(emu(), '/users')).body).toEqual({});
		});

		it('shortTotal: the listing claims to end with this page', async () => {
			const real = await api(emu(), '/users?page_size=5');
			emu().control.scriptFaults(['shortTotal']);
			const res = await api(emu(), '/users?page_size=5');
			expect(real.body.has_more).toBe(true);
			expect(res.body).toMatchObject({ has_more: false, next_cursor: null });
			expect(ids(res.body.results)).toEqual(ids(real.body.results));
		});

		it('duplicateMember and missingMember change the page only', async () => {
			const real = ids((await api(emu(), '/users?page_size=5')).body.results);
			emu().control.scriptFaults(['duplicateMember', 'missingMember']);
			const twice = await api(emu(), '/users?page_size=5');
			expect(ids(twice.body.results)).toEqual([...real, real[0]]);
			expect(twice.body.has_more).toBe(true);
			expect(ids((await api(emu(), '/users?page_size=5')).body.results)).toEqual(real.slice(0, -1));
		});
	});

	it('waits for the next list request: other requests pass through, then the listing gets it', async () => {
		const owner = emu().control.snapshot().scimTokenOwnerId;
		emu().control.scriptFaults(['emptyList', '503']);
		expect((await scim(emu(), 'GET', `/Users/${owner}`)).status).toBe(200);
		const lookup = await scim(emu(), 'GET', `/Users?${filterQuery(`userName eq "${emu().control.snapshot().members[0].email}"`)}`);
		expect(lookup.body.totalResults).toBe(1);
		expect((await api(emu(), '/users/me')).status).toBe(200);
		expect((await api(emu(), '/users')).body.results).toEqual([]);
		expect((await scim(emu(), 'GET', '/Users')).status).toBe(503);
		expect((await scim(emu(), 'GET', '/Users')).body.totalResults).toBeGreaterThan(0);
	});

	it('waits for a 200 listing: a refused listing passes through and keeps the fault', async () => {
		emu().control.revokeScimToken();
		emu().control.scriptFaults(['shapelessList']);
		expect((await scim(emu(), 'GET', '/Users')).status).toBe(401);
		emu().control.restoreScimToken();
		expect((await scim(emu(), 'GET', '/Users')).body).toEqual({});
	});

	it('clearFaults drops what the script has not used yet, also over HTTP', async () => {
		emu().control.scriptFaults(['emptyList', '500' as FaultKind]);
		emu().control.clearFaults();
		expect((await api(emu(), '/users')).body.results.length).toBeGreaterThan(0);
		emu().control.scriptFaults(['emptyList']);
		expect((await fetch(`${emu().url}/_emulator/clear-faults`, { method: 'POST' })).status).toBe(204);
		expect((await api(emu(), '/users')).body.results.length).toBeGreaterThan(0);
	});

	it('restoreScimToken refuses when the token owner is gone', () => {
		const owner = emu().control.snapshot().scimTokenOwnerId;
		emu().control.removeMember(owner);
		expect(() => emu().control.restoreScimToken()).toThrow(/no longer an active owner/);
	});
});

describe('listing changes', () => {
	const emu = useEmulator();

	it('a member leaves and another joins before the second page: the total stays, indexes shift', async () => {
		const first = await scim(emu(), 'GET', '/Users?startIndex=1&count=5');
		const owner = emu().control.snapshot().scimTokenOwnerId;
		const leaver = ids(first.body.Resources).filter((id) => id !== owner)[1];
		emu().control.scriptListingChanges([
			{ beforeListRequest: 2, change: 'leave', pick: 1 },
			{ beforeListRequest: 2, change: 'join' },
		]);
		const page1 = await scim(emu(), 'GET', '/Users?startIndex=1&count=5');
		expect(ids(page1.body.Resources)).toEqual(ids(first.body.Resources));
		// Lookups are not list requests: they neither count nor trigger a change.
		await scim(emu(), 'GET', `/Users/${owner}`);
		const page2 = await scim(emu(), 'GET', '/Users?startIndex=6&count=5');
		expect(page2.body.totalResults).toBe(first.body.totalResults);
		const members = emu().control.snapshot().members;
		expect(members.some((m) => m.id === leaver)).toBe(false);
		expect(members.some((m) => m.name.startsWith('Newcomer'))).toBe(true);
		expect(emu().control.requestLog().at(-1)).toMatchObject({ listingChange: ['leave', 'join'] });
	});

	it('the token owner never leaves this way, and the standard API listing counts too', async () => {
		const before = emu().control.snapshot().members.length;
		const owner = emu().control.snapshot().scimTokenOwnerId;
		const res = await fetch(`${emu().url}/_emulator/listing-changes`, {
			method: 'POST',
			body: JSON.stringify({ changes: [{ beforeListRequest: 1, change: 'leave', pick: 0 }] }),
		});
		expect(res.status).toBe(204);
		await api(emu(), '/users');
		const after = emu().control.snapshot();
		expect(after.members.find((m) => m.id === owner)).toBeDefined();
		expect(after.scimTokenRevoked).toBe(false);
		expect(after.members.length).toBe(before - 1);
	});

	it('rejects a change before request 0', () => {
		expect(() => emu().control.scriptListingChanges([{ beforeListRequest: 0, change: 'join' }])).toThrow(/≥ 1/);
	});
});

describe('faults scripted for a list request', () => {
	const emu = useEmulator();

	it('a list fault at the k-th list request, then an outage from a later one on', async () => {
		emu().control.scriptListingChanges([
			{ beforeListRequest: 2, change: 'fault', fault: 'missingMember' },
			{ beforeListRequest: 3, change: 'outage', kinds: ['503'] },
		]);
		const real = ids((await scim(emu(), 'GET', '/Users?startIndex=1&count=5')).body.Resources);
		const owner = emu().control.snapshot().scimTokenOwnerId;
		expect((await scim(emu(), 'GET', `/Users/${owner}`)).status).toBe(200);
		expect(ids((await scim(emu(), 'GET', '/Users?startIndex=1&count=5')).body.Resources)).toEqual(real.slice(0, -1));
		expect((await scim(emu(), 'GET', `/Users/${owner}`)).status).toBe(200);
		expect((await scim(emu(), 'GET', '/Users?startIndex=6&count=5')).status).toBe(503);
		expect((await scim(emu(), 'GET', `/Users/${owner}`)).status).toBe(503);
		emu().control.clearFaults();
		expect((await scim(emu(), 'GET', `/Users/${owner}`)).status).toBe(200);
	});
});
