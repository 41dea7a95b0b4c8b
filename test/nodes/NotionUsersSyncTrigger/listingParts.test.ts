/**
 * listing.ts's rules on their own, with a directory that answers scripted listings: what a
 * poll keeps of a listing cut at its deadline, when the next poll joins it or starts over, and
 * what a listing whose proof was deferred hands back. (acrossPolls.test.ts drives the same
 * paths through the engine against the emulator.)
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { baselineFrom, indexMembers, viewOf } from '../../../nodes/NotionUsersSyncTrigger/diff';
import {
	deferProof,
	listAcrossPolls,
	listingDeadline,
	listOnePoll,
	PENDING_KEY,
	type Listed,
	type PollClock,
} from '../../../nodes/NotionUsersSyncTrigger/listing';
import { decodePending } from '../../../nodes/NotionUsersSyncTrigger/pending';
import { encodeId, type DecodedBaseline } from '../../../nodes/NotionUsersSyncTrigger/storedBaseline';
import type { ListingCursor, ListOptions, Member, ResumableListing } from '../../../nodes/common/connector/model';
import type { NotionDirectory } from '../../../nodes/common/connector/notionDirectory';
import { TRIGGER_NODE } from './fakeNotion';
import { person } from './members';

const ctx = { getNode: () => TRIGGER_NODE } as unknown as IPollFunctions;
const CLOCK: PollClock = { start: Date.UTC(2026, 10, 25, 12), budgetMs: 12_400, now: () => Date.UTC(2026, 10, 25, 12) };
const SCOPE = 'cred-1';

const cursor = (startIndex: number): ListingCursor => ({ source: 'scim', startIndex, totalResults: 10, lastId: `id-${startIndex}` });

function part(members: Member[], overrides: Partial<ResumableListing> = {}): ResumableListing {
	return { members, via: { source: 'scim' }, pages: 1, consistent: true, complete: true, restarted: false, ...overrides };
}

/** A directory that answers `listings` in order and records what it was asked. */
function scripted(...listings: Array<ResumableListing | Error>) {
	const asked: ListOptions[] = [];
	const directory = {
		listMembers: async (options: ListOptions) => {
			asked.push(options);
			const next = listings.shift();
			if (next === undefined) throw new Error('no more listings scripted');
			if (next instanceof Error) throw next;
			return next;
		},
	} as unknown as NotionDirectory;
	return { directory, asked };
}

function baselineOf(members: Member[], committedAt = '2026-11-25T10:00:00.000Z'): DecodedBaseline {
	const byId = indexMembers(members);
	return { ...baselineFrom(viewOf('scim', members), byId), scope: SCOPE, committedAt, listed: byId.size };
}

const basis = (previous?: DecodedBaseline, reportEveryone = false) => ({ scope: SCOPE, previous, reportEveryone });
const everyone = Array.from({ length: 6 }, (_, n) => person(n + 1));

describe('listAcrossPolls', () => {
	it('returns a listing complete in one poll as it is, read with three quarters of the budget, expecting as many members as the baseline', async () => {
		const { directory, asked } = scripted(part(everyone, { consistent: false }));
		const staticData: IDataObject = {};
		const listed = await listAcrossPolls(ctx, directory, CLOCK, staticData, basis(baselineOf(everyone)));
		expect(listed).toEqual({ members: everyone, via: { source: 'scim' }, consistent: false, complete: true, spanned: false });
		expect(asked).toEqual([{ deadline: CLOCK.start + 9_300, stopAtDeadline: true, resume: undefined, expectedTotal: 6 }]);
		expect(listingDeadline(CLOCK)).toBe(CLOCK.start + 9_300);
		expect(staticData).toEqual({});
	});

	it('keeps a cut listing for the next poll, which goes on from its cursor and returns every member', async () => {
		const previous = baselineOf(everyone);
		const staticData: IDataObject = {};
		const renamed = { ...everyone[1], name: 'Renamed Person' };
		const { directory, asked } = scripted(
			part([everyone[0], renamed], { complete: false, resume: cursor(3) }),
			part([everyone[2], everyone[3]], { complete: false, resume: cursor(5), pages: 2 }),
			part([everyone[4], everyone[5]]),
		);

		expect(await listAcrossPolls(ctx, directory, CLOCK, staticData, basis(previous))).toBeUndefined();
		const first = decodePending(staticData[PENDING_KEY]);
		expect(first).toMatchObject({
			scope: SCOPE,
			baselineAt: previous.committedAt,
			source: 'scim',
			resume: cursor(3),
			consistent: true,
			startedAt: new Date(CLOCK.start).toISOString(),
			polls: 1,
		});
		// Names are kept only for members the final diff reports (the renamed one).
		expect([...(first?.names.keys() ?? [])]).toEqual([encodeId(renamed.id)]);

		expect(await listAcrossPolls(ctx, directory, CLOCK, staticData, basis(previous))).toBeUndefined();
		expect(decodePending(staticData[PENDING_KEY])).toMatchObject({ resume: cursor(5), polls: 2, consistent: true });

		const listed = await listAcrossPolls(ctx, directory, CLOCK, staticData, basis(previous));
		expect(asked.map((options) => options.resume)).toEqual([undefined, cursor(3), cursor(5)]);
		expect(listed).toMatchObject({ consistent: true, complete: true, spanned: true });
		expect(listed?.members.map((member) => member.id)).toEqual(everyone.map((member) => member.id));
		expect(listed?.members[1].name).toBe('Renamed Person');
	});

	it('keeps names of everyone or of no one on a first listing, as asked', async () => {
		for (const reportEveryone of [true, false]) {
			const staticData: IDataObject = {};
			const { directory } = scripted(part(everyone.slice(0, 2), { complete: false, resume: cursor(3) }));
			await listAcrossPolls(ctx, directory, CLOCK, staticData, basis(undefined, reportEveryone));
			const kept = decodePending(staticData[PENDING_KEY]);
			expect(kept?.baselineAt).toBe('');
			expect(kept?.names.size).toBe(reportEveryone ? 2 : 0);
		}
	});

	it('an inconsistent part makes the whole listing inconsistent', async () => {
		const staticData: IDataObject = {};
		const { directory } = scripted(
			part(everyone.slice(0, 3), { complete: false, resume: cursor(4), consistent: false }),
			part(everyone.slice(3)),
		);
		await listAcrossPolls(ctx, directory, CLOCK, staticData, basis(baselineOf(everyone)));
		expect(decodePending(staticData[PENDING_KEY])?.consistent).toBe(false);
		const listed = await listAcrossPolls(ctx, directory, CLOCK, staticData, basis(baselineOf(everyone)));
		expect(listed).toMatchObject({ consistent: false, spanned: true });
		expect(listed?.members).toHaveLength(6);
	});

	it('starts over, inconsistent, when the listing restarted or changed source', async () => {
		const restarts: Array<Partial<ResumableListing>> = [{ restarted: true }, { via: { source: 'api' } }];
		for (const restart of restarts) {
			const staticData: IDataObject = {};
			const { directory } = scripted(part(everyone.slice(0, 3), { complete: false, resume: cursor(4) }), part(everyone.slice(3), restart));
			await listAcrossPolls(ctx, directory, CLOCK, staticData, basis(baselineOf(everyone)));
			const listed = await listAcrossPolls(ctx, directory, CLOCK, staticData, basis(baselineOf(everyone)));
			expect(listed).toMatchObject({ consistent: false, spanned: false, complete: true });
			expect(listed?.members.map((member) => member.id)).toEqual(everyone.slice(3).map((member) => member.id));
		}
	});

	it('starts over, inconsistent, when a restarted listing is cut again: nothing of the old part is kept', async () => {
		const staticData: IDataObject = {};
		const { directory } = scripted(
			part(everyone.slice(0, 3), { complete: false, resume: cursor(4) }),
			part(everyone.slice(4, 5), { complete: false, resume: cursor(2), restarted: true }),
		);
		await listAcrossPolls(ctx, directory, CLOCK, staticData, basis(baselineOf(everyone)));
		await listAcrossPolls(ctx, directory, CLOCK, staticData, basis(baselineOf(everyone)));
		const kept = decodePending(staticData[PENDING_KEY]);
		expect(kept).toMatchObject({ polls: 1, consistent: false, resume: cursor(2) });
		expect(kept?.members.size).toBe(1);
	});

	it("ignores a kept part of another workspace or of another baseline", async () => {
		const previous = baselineOf(everyone);
		for (const other of [
			{ scope: 'cred-2', previous },
			{ scope: SCOPE, previous: baselineOf(everyone, '2026-11-25T11:00:00.000Z') },
		]) {
			const staticData: IDataObject = {};
			const { directory, asked } = scripted(part(everyone.slice(0, 3), { complete: false, resume: cursor(4) }), part(everyone));
			await listAcrossPolls(ctx, directory, CLOCK, staticData, { ...other, reportEveryone: false });
			const listed = await listAcrossPolls(ctx, directory, CLOCK, staticData, basis(previous));
			expect(asked[1].resume).toBeUndefined();
			expect(listed).toMatchObject({ spanned: false, consistent: true });
			expect(listed?.members).toHaveLength(6);
		}
	});

	it('fails the poll when a cut listing read nothing or cannot go on', async () => {
		for (const cut of [part([], { complete: false, resume: cursor(1), pages: 0 }), part(everyone, { complete: false })]) {
			const staticData: IDataObject = {};
			const { directory } = scripted(cut);
			const error = (await listAcrossPolls(ctx, directory, CLOCK, staticData, basis(baselineOf(everyone))).catch(
				(caught: unknown) => caught,
			)) as NodeOperationError;
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toContain("within this poll's time budget (12 s)");
			// What the user needs to know: nothing was lost, and what to change.
			expect(error.description).toMatch(/baseline is unchanged.*give polls more time or poll less often/);
			expect(staticData).toEqual({});
		}
	});

	it('turns a connector failure into a node error', async () => {
		const failure = new Error('connection reset');
		const { directory } = scripted(failure);
		const error = await listAcrossPolls(ctx, directory, CLOCK, {}, basis()).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error).not.toBe(failure);
	});
});

describe('deferProof', () => {
	const listed = (source: 'scim' | 'api', consistent: boolean): Listed => ({
		members: everyone,
		via: { source },
		consistent,
		complete: true,
		spanned: false,
	});
	const proofBasis = { scope: SCOPE, baselineAt: '2026-11-25T10:00:00.000Z', startedAt: '2026-11-25T12:00:00.000Z' };

	it('keeps a complete listing with what was proven, and the next poll proves the rest without listing', async () => {
		const staticData: IDataObject = {};
		const gone = new Set([encodeId(person(9).id)]);
		const deactivated = new Set([encodeId(everyone[0].id)]);
		deferProof(staticData, listed('scim', false), proofBasis, { gone, deactivated }, (member) => member === everyone[2]);
		const kept = decodePending(staticData[PENDING_KEY]);
		expect(kept).toMatchObject({
			...proofBasis,
			source: 'scim',
			consistent: false,
			resume: { source: 'scim', startIndex: 1, totalResults: null, lastId: null },
			proving: { via: { source: 'scim' }, gone: [...gone], deactivated: [...deactivated] },
		});
		expect([...(kept?.names.keys() ?? [])]).toEqual([encodeId(everyone[2].id)]);

		const { directory, asked } = scripted();
		const previous = { ...baselineOf(everyone), committedAt: proofBasis.baselineAt };
		const next = await listAcrossPolls(ctx, directory, CLOCK, staticData, basis(previous));
		expect(asked).toHaveLength(0);
		expect(next).toMatchObject({
			via: { source: 'scim' },
			consistent: false,
			complete: true,
			spanned: true,
			proven: { gone: [...gone], deactivated: [...deactivated] },
		});
		expect(next?.members.map((member) => member.id)).toEqual(everyone.map((member) => member.id));
	});

	it('keeps nothing to resume for a listing through the standard API', () => {
		const staticData: IDataObject = {};
		deferProof(staticData, listed('api', true), proofBasis, { gone: new Set(), deactivated: new Set() }, () => false);
		const kept = decodePending(staticData[PENDING_KEY]);
		expect(kept).toMatchObject({
			source: 'api',
			consistent: true,
			proving: { via: { source: 'api' }, gone: [], deactivated: [] },
		});
		expect(kept?.resume).toEqual({ source: 'api' });
	});
});

describe('listOnePoll', () => {
	it('returns what one poll lists from the start, complete or not', async () => {
		const { directory, asked } = scripted(part(everyone.slice(0, 2), { complete: false, resume: cursor(3) }));
		const listed = await listOnePoll(ctx, directory, CLOCK);
		expect(listed).toMatchObject({ complete: false, spanned: false });
		expect(listed.members).toHaveLength(2);
		expect(asked).toEqual([{ deadline: CLOCK.start + 9_300, stopAtDeadline: true, resume: undefined }]);
	});

	it('fails when nothing could be listed in time', async () => {
		const { directory } = scripted(part([], { complete: false, pages: 0 }));
		await expect(listOnePoll(ctx, directory, CLOCK)).rejects.toThrow('time budget');
		const { directory: empty } = scripted(part([], { pages: 0 }));
		expect((await listOnePoll(ctx, empty, CLOCK)).complete).toBe(true);
	});
});
