/**
 * The lookup-or-list policy that proves a removal, on its own with a fake reader: the limit
 * between lookups and a listing, what makes a listing trusted, what an answer about another id
 * or through another source proves (nothing), the deadline, rechecks, and the order of what is
 * found. memberResolution.test.ts drives it through the emulator.
 */
import {
	MAX_LOOKUPS,
	resolveMembers,
	type MemberReader,
	type ResolveOptions,
} from '../../nodes/common/connector/memberResolution';
import type { Member, ResumableListing, Source, Via } from '../../nodes/common/connector/model';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ids = (from: number, count: number) => Array.from({ length: count }, (_, index) => id(from + index));

function member(memberId: string, source: Source = 'scim'): Member {
	return { id: memberId, email: null, name: null, givenName: null, familyName: null, type: 'person', role: 'member', active: true, source };
}

interface FakeOptions {
	/** Members a lookup finds (by lower-case id); a lookup of anyone else answers null. */
	present?: string[];
	/** What a lookup of an id answers instead (another member, through another source). */
	answers?: Record<string, { value: Member | null; via: Via }>;
	lookupVia?: Via;
	listing?: Partial<ResumableListing>;
	/** Added to the clock by each lookup. */
	lookupCostMs?: number;
}

function fakeReader(options: FakeOptions = {}) {
	const calls = { lookups: [] as string[], lookupOptions: [] as unknown[], listings: [] as unknown[] };
	const clock = { now: 0 };
	const present = new Set((options.present ?? []).map((value) => value.toLowerCase()));
	const listing: ResumableListing = { members: [], via: { source: 'scim' }, pages: 1, consistent: true, complete: true, restarted: false, ...options.listing };
	const reader: MemberReader = {
		async getMember(memberId, lookupOptions) {
			calls.lookups.push(memberId);
			calls.lookupOptions.push(lookupOptions);
			clock.now += options.lookupCostMs ?? 0;
			const scripted = options.answers?.[memberId];
			if (scripted !== undefined) return scripted;
			const via = options.lookupVia ?? { source: 'scim' };
			return { value: present.has(memberId.toLowerCase()) ? member(memberId, via.source) : null, via };
		},
		async listMembers(listOptions) {
			calls.listings.push(listOptions);
			return listing;
		},
	};
	return { reader, calls, clock, listing, now: () => clock.now };
}

async function resolve(fake: ReturnType<typeof fakeReader>, wanted: string[], options?: ResolveOptions) {
	return resolveMembers(fake.reader, fake.now, wanted, options);
}

const states = (resolution: Awaited<ReturnType<typeof resolveMembers>>) => [...resolution.answers.entries()].map(([key, answer]) => [key, answer.state]);

describe('a few members: looked up one by one', () => {
	it('asks nothing for no ids', async () => {
		const fake = fakeReader();
		const resolution = await resolve(fake, []);
		expect(resolution).toEqual({ answers: new Map(), present: [], listingTrusted: false, outOfTime: false });
		expect(fake.calls).toEqual({ lookups: [], lookupOptions: [], listings: [] });
	});

	it('each id once, in the order given: present from its own answer, absent from a null', async () => {
		const fake = fakeReader({ present: [id(1), id(3)] });
		const resolution = await resolve(fake, [id(3), id(2), id(3), id(1)], { raw: true });
		expect(fake.calls.lookups).toEqual([id(3), id(2), id(1)]);
		expect(fake.calls.lookupOptions).toEqual([{ raw: true }, { raw: true }, { raw: true }]);
		expect(fake.calls.listings).toEqual([]);
		expect(states(resolution)).toEqual([
			[id(3), 'present'],
			[id(2), 'absent'],
			[id(1), 'present'],
		]);
		expect(resolution.answers.get(id(2))).toEqual({ state: 'absent', via: { source: 'scim' } });
		expect(resolution.present).toEqual([
			{ member: member(id(3)), via: { source: 'scim' } },
			{ member: member(id(1)), via: { source: 'scim' } },
		]);
		expect(resolution.listing).toBeUndefined();
		expect(resolution.listingTrusted).toBe(false);
		expect(resolution.outOfTime).toBe(false);
	});

	it(`up to ${MAX_LOOKUPS} are looked up, one more costs a listing`, async () => {
		const atLimit = fakeReader();
		await resolve(atLimit, ids(1, MAX_LOOKUPS));
		expect(atLimit.calls.lookups).toHaveLength(MAX_LOOKUPS);
		expect(atLimit.calls.listings).toHaveLength(0);
		const over = fakeReader();
		await resolve(over, ids(1, MAX_LOOKUPS + 1));
		expect(over.calls.listings).toHaveLength(1);
		expect(over.calls.lookups).toHaveLength(0);
	});

	it('an answer about another member proves nothing; the same id in another case does', async () => {
		const fake = fakeReader({
			answers: {
				[id(1)]: { value: member(id(9)), via: { source: 'scim' } },
				[id(2)]: { value: member(id(2).toUpperCase()), via: { source: 'scim' } },
			},
		});
		const resolution = await resolve(fake, [id(1), id(2)]);
		expect(resolution.answers.get(id(1))).toEqual({ state: 'unknown' });
		expect(resolution.answers.get(id(2))).toEqual({ state: 'present', member: member(id(2).toUpperCase()), via: { source: 'scim' } });
	});

	it('answers through another source than the one trusted prove nothing, either way', async () => {
		const fake = fakeReader({ present: [id(1)], lookupVia: { source: 'api' } });
		const resolution = await resolve(fake, [id(1), id(2)], { source: 'scim' });
		expect(states(resolution)).toEqual([
			[id(1), 'unknown'],
			[id(2), 'unknown'],
		]);
		const same = await resolve(fakeReader({ present: [id(1)], lookupVia: { source: 'api' } }), [id(1), id(2)], { source: 'api' });
		expect(states(same)).toEqual([
			[id(1), 'present'],
			[id(2), 'absent'],
		]);
	});

	it('stops looking up at the deadline and says so; what was not asked stays unknown', async () => {
		const fake = fakeReader({ present: ids(1, 5), lookupCostMs: 10 });
		const resolution = await resolve(fake, ids(1, 5), { deadline: 20 });
		// Started at 0 and 10; at 20 the deadline has come.
		expect(fake.calls.lookups).toEqual(ids(1, 2));
		expect(states(resolution).map(([, state]) => state)).toEqual(['present', 'present', 'unknown', 'unknown', 'unknown']);
		expect(resolution.outOfTime).toBe(true);
		expect(resolution.present).toHaveLength(2);
	});

	it('a deadline not reached changes nothing', async () => {
		const fake = fakeReader({ present: ids(1, 3), lookupCostMs: 10 });
		const resolution = await resolve(fake, ids(1, 3), { deadline: 31 });
		expect(fake.calls.lookups).toHaveLength(3);
		expect(resolution.outOfTime).toBe(false);
	});
});

describe('many members: one listing', () => {
	const many = ids(1, MAX_LOOKUPS + 5);
	const shown = many.slice(0, MAX_LOOKUPS).map((memberId) => member(memberId));

	it('a complete, consistent listing proves who is there and who is not, with no lookups', async () => {
		const fake = fakeReader({ listing: { members: shown } });
		const resolution = await resolve(fake, many, { raw: true, lookupsWithoutTrustedListing: 10 });
		expect(fake.calls.listings).toEqual([{ raw: true, deadline: undefined, stopAtDeadline: false }]);
		expect(fake.calls.lookups).toEqual([]);
		expect(resolution.listing).toBe(fake.listing);
		expect(resolution.listingTrusted).toBe(true);
		expect(states(resolution).filter(([, state]) => state === 'absent').map(([key]) => key)).toEqual(many.slice(MAX_LOOKUPS));
		expect(resolution.answers.get(many[MAX_LOOKUPS])).toEqual({ state: 'absent', via: { source: 'scim' } });
		expect(resolution.present.map(({ member: found }) => found)).toEqual(shown);
		expect(resolution.outOfTime).toBe(false);
	});

	it('matches listed members by id in any case, and keeps the listing order', async () => {
		const upper = shown.map((listed) => member(listed.id.toUpperCase()));
		const fake = fakeReader({ listing: { members: [...upper].reverse() } });
		const resolution = await resolve(fake, many);
		expect(resolution.answers.get(many[0])).toEqual({ state: 'present', member: upper[0], via: { source: 'scim' } });
		expect(resolution.present.map(({ member: found }) => found)).toEqual([...upper].reverse());
	});

	it('passes the deadline to the listing and asks it to stop there', async () => {
		const fake = fakeReader({ listing: { members: shown } });
		await resolve(fake, many, { deadline: 50 });
		expect(fake.calls.listings).toEqual([{ raw: undefined, deadline: 50, stopAtDeadline: true }]);
	});

	it.each<[string, Partial<ResumableListing>, ResolveOptions]>([
		['incomplete', { complete: false }, {}],
		['inconsistent', { consistent: false }, {}],
		['through another source', { via: { source: 'api' } }, { source: 'scim' }],
		['refused by the caller', {}, { trustListing: () => false }],
	])('a listing %s proves who is there, never who is not', async (_name, listing, options) => {
		const fake = fakeReader({ listing: { members: shown, ...listing } });
		const resolution = await resolve(fake, many, options);
		expect(resolution.listingTrusted).toBe(false);
		expect(states(resolution).map(([, state]) => state)).toEqual([...shown.map(() => 'present'), ...many.slice(MAX_LOOKUPS).map(() => 'unknown')]);
		expect(fake.calls.lookups).toEqual([]);
	});

	it('a listing through the source asked for, or with no source asked for, and accepted by the caller, is trusted', async () => {
		const api = fakeReader({ listing: { members: shown, via: { source: 'api' } } });
		expect((await resolve(api, many, { source: 'api' })).listingTrusted).toBe(true);
		expect((await resolve(api, many)).listingTrusted).toBe(true);
		const seen: ResumableListing[] = [];
		const accepted = fakeReader({ listing: { members: shown } });
		const resolution = await resolve(accepted, many, {
			trustListing: (listing) => {
				seen.push(listing);
				return true;
			},
		});
		expect(resolution.listingTrusted).toBe(true);
		expect(seen).toEqual([accepted.listing]);
	});

	it('beyond an untrusted listing, up to the allowed number of the unknown are looked up, in order', async () => {
		const fake = fakeReader({ listing: { members: shown, consistent: false }, present: [many[MAX_LOOKUPS + 1]] });
		const resolution = await resolve(fake, many, { lookupsWithoutTrustedListing: 2 });
		expect(fake.calls.lookups).toEqual(many.slice(MAX_LOOKUPS, MAX_LOOKUPS + 2));
		expect(states(resolution).slice(MAX_LOOKUPS)).toEqual([
			[many[MAX_LOOKUPS], 'absent'],
			[many[MAX_LOOKUPS + 1], 'present'],
			[many[MAX_LOOKUPS + 2], 'unknown'],
			[many[MAX_LOOKUPS + 3], 'unknown'],
			[many[MAX_LOOKUPS + 4], 'unknown'],
		]);
		// The listing's members first, in its order; then those looked up.
		expect(resolution.present.map(({ member: found }) => found.id)).toEqual([...many.slice(0, MAX_LOOKUPS), many[MAX_LOOKUPS + 1]]);
	});

	it('members an untrusted listing shows are looked up too when the caller asks to recheck them', async () => {
		const fake = fakeReader({ listing: { members: shown, complete: false }, present: [many[3]] });
		const resolution = await resolve(fake, many, { lookupsWithoutTrustedListing: 3, recheck: (memberId) => memberId === many[3] || memberId === many[5] });
		expect(fake.calls.lookups).toEqual([many[3], many[5], many[MAX_LOOKUPS]]);
		// The lookups' answers replace the listing's: many[5] was listed but a lookup found it gone.
		expect(resolution.answers.get(many[5])).toEqual({ state: 'absent', via: { source: 'scim' } });
		expect(resolution.answers.get(many[3])).toEqual({ state: 'present', member: member(many[3]), via: { source: 'scim' } });
		expect(resolution.present.map(({ member: found }) => found.id)).toEqual([...many.slice(0, 3), ...many.slice(4, 5), ...many.slice(6, MAX_LOOKUPS), many[3]]);
	});

	it('a member a listing shows twice is found once', async () => {
		const twice = [...shown, shown[0]];
		const fake = fakeReader({ listing: { members: twice } });
		const resolution = await resolve(fake, many);
		expect(resolution.present).toHaveLength(shown.length);
		expect(resolution.present.map(({ member: found }) => found)).toEqual(shown);
	});

	it('a trusted listing is not rechecked', async () => {
		const fake = fakeReader({ listing: { members: shown } });
		let asked = 0;
		await resolve(fake, many, {
			lookupsWithoutTrustedListing: 3,
			recheck: () => {
				asked += 1;
				return true;
			},
		});
		expect(fake.calls.lookups).toEqual([]);
		expect(asked).toBe(0);
	});

	it('when no listing may be made, only the allowed number are looked up, or none', async () => {
		const refused = fakeReader({ present: many });
		const resolution = await resolve(refused, many, { mayList: () => false, lookupsWithoutTrustedListing: 2 });
		expect(refused.calls.listings).toEqual([]);
		expect(refused.calls.lookups).toEqual(many.slice(0, 2));
		expect(resolution.listing).toBeUndefined();
		expect(resolution.outOfTime).toBe(false);
		const none = fakeReader({ present: many });
		const nothing = await resolve(none, many, { mayList: () => false });
		expect(none.calls.lookups).toEqual([]);
		expect(states(nothing).every(([, state]) => state === 'unknown')).toBe(true);
		const allowed = fakeReader({ listing: { members: shown } });
		await resolve(allowed, many, { mayList: () => true });
		expect(allowed.calls.listings).toHaveLength(1);
	});

	it('no listing starts at or after the deadline; the lookups left stop at once', async () => {
		const fake = fakeReader({ present: many });
		fake.clock.now = 50;
		const resolution = await resolve(fake, many, { deadline: 50, lookupsWithoutTrustedListing: 2 });
		expect(fake.calls.listings).toEqual([]);
		expect(fake.calls.lookups).toEqual([]);
		expect(resolution.outOfTime).toBe(true);
		const before = fakeReader({ listing: { members: shown } });
		before.clock.now = 49;
		await resolve(before, many, { deadline: 50 });
		expect(before.calls.listings).toHaveLength(1);
	});
});
