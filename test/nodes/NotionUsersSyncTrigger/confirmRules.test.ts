/**
 * confirm.ts's rules on their own, with a directory that answers what each test says: what
 * proves a claim, what is asked of the connector, and when a listing may stand as evidence.
 * (confirm.test.ts drives the same code through the real connector against the emulator.)
 */
import {
	gatherEvidence,
	isCollapsed,
	isTrusted,
	MAX_LOOKUPS_UNTRUSTED,
	relist,
	type Trust,
} from '../../../nodes/NotionUsersSyncTrigger/confirm';
import { encodeId } from '../../../nodes/NotionUsersSyncTrigger/storedBaseline';
import type { MemberAnswer, MemberResolution, ResolveOptions } from '../../../nodes/common/connector/memberResolution';
import type { ListOptions, Member, ResumableListing } from '../../../nodes/common/connector/model';
import type { NotionDirectory } from '../../../nodes/common/connector/notionDirectory';
import { person } from './members';

const SCIM = { source: 'scim' as const };

function listingOf(members: Member[], overrides: Partial<ResumableListing> = {}): ResumableListing {
	return { members, via: SCIM, pages: 1, consistent: true, complete: true, restarted: false, ...overrides };
}

/** A directory whose lookups give `answers` (by decoded id) and whose listing is `listing`. */
function fakeDirectory(answers: Map<string, MemberAnswer>, listing: ResumableListing = listingOf([]), outOfTime = false) {
	const calls: { resolve: Array<{ ids: readonly string[]; options: ResolveOptions }>; list: ListOptions[] } = {
		resolve: [],
		list: [],
	};
	const directory = {
		resolveMembers: async (ids: readonly string[], options: ResolveOptions): Promise<MemberResolution> => {
			calls.resolve.push({ ids, options });
			const result = new Map<string, MemberAnswer>();
			for (const id of ids) result.set(id, answers.get(id) ?? { state: 'unknown' });
			return { answers: result, present: [], listingTrusted: false, outOfTime };
		},
		listMembers: async (options: ListOptions): Promise<ResumableListing> => {
			calls.list.push(options);
			return listing;
		},
	} as unknown as NotionDirectory;
	return { directory, calls };
}

function trust(overrides: Partial<Trust> = {}): Trust {
	return { source: 'scim', baselineSize: 10, deadline: 1000, now: () => 0, canRelist: () => true, ...overrides };
}

const present = (member: Member): MemberAnswer => ({ state: 'present', member, via: SCIM });
const absent: MemberAnswer = { state: 'absent', via: SCIM };

describe('gatherEvidence rules', () => {
	it('asks nothing when nothing is claimed', async () => {
		const { directory, calls } = fakeDirectory(new Map());
		const evidence = await gatherEvidence(directory, { missing: [], deactivated: [] }, trust());
		expect(calls.resolve).toHaveLength(0);
		expect(evidence).toEqual({
			gone: new Set(),
			deactivated: new Set(),
			present: [],
			unresolved: new Set(),
			contradicted: false,
			outOfTime: false,
		});
	});

	it('files each answer by what was claimed: only an absence proves a removal, only an inactive member a deactivation', async () => {
		const [gone, back, unknownMissing, off, stillActive, unknownStatus, vanished, unknownDeactivated] = [1, 2, 3, 4, 5, 6, 7, 8].map(
			(n) => person(n),
		);
		const answers = new Map<string, MemberAnswer>([
			[gone.id, absent],
			[back.id, present(back)],
			[off.id, present({ ...off, active: false })],
			[stillActive.id, present(stillActive)],
			[unknownStatus.id, present({ ...unknownStatus, active: null })],
			[vanished.id, absent],
		]);
		const { directory } = fakeDirectory(answers);
		const evidence = await gatherEvidence(
			directory,
			{
				missing: [gone, back, unknownMissing].map((m) => encodeId(m.id)),
				deactivated: [off, stillActive, unknownStatus, vanished, unknownDeactivated].map((m) => encodeId(m.id)),
			},
			trust(),
		);
		expect([...evidence.gone]).toEqual([encodeId(gone.id)]);
		expect([...evidence.deactivated]).toEqual([encodeId(off.id)]);
		expect(evidence.present.map((m) => m.id)).toEqual([back.id, stillActive.id, unknownStatus.id]);
		expect([...evidence.unresolved].sort()).toEqual(
			[unknownMissing, vanished, unknownDeactivated].map((m) => encodeId(m.id)).sort(),
		);
		expect(evidence.contradicted).toBe(true);
		expect(evidence.outOfTime).toBe(false);
	});

	it('is not contradicted when every answer agrees, and passes on running out of time', async () => {
		const [gone, off] = [person(1), person(2)];
		const { directory } = fakeDirectory(
			new Map([
				[gone.id, absent],
				[off.id, present({ ...off, active: false })],
			]),
			listingOf([]),
			true,
		);
		const evidence = await gatherEvidence(
			directory,
			{ missing: [encodeId(gone.id)], deactivated: [encodeId(off.id)] },
			trust(),
		);
		expect(evidence.contradicted).toBe(false);
		expect(evidence.outOfTime).toBe(true);
		expect(evidence.present).toEqual([]);
	});

	it('asks by decoded id, with the poll deadline, source, lookup bound and relist permission', async () => {
		const [gone, off] = [person(1), person(2)];
		const canRelist = () => false;
		const { directory, calls } = fakeDirectory(new Map());
		await gatherEvidence(
			directory,
			{ missing: [encodeId(gone.id)], deactivated: [encodeId(off.id)] },
			trust({ source: 'api', deadline: 777, canRelist }),
		);
		expect(calls.resolve).toHaveLength(1);
		const [{ ids, options }] = calls.resolve;
		expect(ids).toEqual([gone.id, off.id]);
		expect(options).toMatchObject({ deadline: 777, source: 'api', lookupsWithoutTrustedListing: MAX_LOOKUPS_UNTRUSTED });
		expect(options.mayList).toBe(canRelist);
		// A deactivation is looked up even when a listing shows the member; a removal is not.
		expect(options.recheck?.(off.id)).toBe(true);
		expect(options.recheck?.(gone.id)).toBe(false);
		// A listing is accepted as proof of absences only when it has not collapsed against the baseline.
		const members = Array.from({ length: 5 }, (_, n) => person(n));
		expect(options.trustListing?.(listingOf(members))).toBe(true);
		expect(options.trustListing?.(listingOf(members.slice(0, 4)))).toBe(false);
		expect(options.trustListing?.(listingOf([]))).toBe(false);
	});
});

describe('isTrusted', () => {
	const members = [person(1)];
	it('trusts a complete, consistent listing through the same source that has not collapsed', () => {
		expect(isTrusted(listingOf(members), 5, trust())).toBe(true);
	});

	it('refuses one that is cut, inconsistent, through another source or collapsed', () => {
		expect(isTrusted(listingOf(members, { complete: false }), 5, trust())).toBe(false);
		expect(isTrusted(listingOf(members, { consistent: false }), 5, trust())).toBe(false);
		expect(isTrusted(listingOf(members, { via: { source: 'api' } }), 5, trust())).toBe(false);
		expect(isTrusted(listingOf(members), 4, trust())).toBe(false);
	});
});

describe('isCollapsed limits', () => {
	it('half the baseline is not a collapse; one less is; nothing against nothing is not', () => {
		expect(isCollapsed(1, 2)).toBe(false);
		expect(isCollapsed(1, 3)).toBe(true);
		expect(isCollapsed(0, 0)).toBe(false);
		expect(isCollapsed(3, 0)).toBe(false);
		expect(isCollapsed(0, 1)).toBe(true);
		expect(isCollapsed(10, 10)).toBe(false);
	});
});

describe('relist', () => {
	it('lists once more, cut at the confirmation deadline, and says whether it can be trusted', async () => {
		const members = Array.from({ length: 6 }, (_, n) => person(n));
		const { directory, calls } = fakeDirectory(new Map(), listingOf(members));
		const second = await relist(directory, trust({ deadline: 500, now: () => 499 }));
		expect(calls.list).toEqual([{ deadline: 500, stopAtDeadline: true }]);
		expect(second?.trusted).toBe(true);
		expect(second?.members.size).toBe(6);
		expect(second?.listing.members).toBe(members);
	});

	it('does not trust a second listing that is inconsistent or collapsed', async () => {
		const members = Array.from({ length: 6 }, (_, n) => person(n));
		expect((await relist(fakeDirectory(new Map(), listingOf(members, { consistent: false })).directory, trust()))?.trusted).toBe(false);
		expect((await relist(fakeDirectory(new Map(), listingOf(members.slice(0, 4))).directory, trust()))?.trusted).toBe(false);
	});

	it('starts nothing once the deadline has come', async () => {
		const { directory, calls } = fakeDirectory(new Map(), listingOf([person(1)]));
		expect(await relist(directory, trust({ deadline: 500, now: () => 500 }))).toBeUndefined();
		expect(await relist(directory, trust({ deadline: 500, now: () => 501 }))).toBeUndefined();
		expect(calls.list).toHaveLength(0);
	});
});
