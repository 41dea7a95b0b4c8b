/**
 * Reading the member list for a poll. In production a listing longer than the poll budget is
 * kept as a pending part and continued by the next poll (docs/trigger.md: "Poll budget and very
 * large workspaces"); manual runs list what one poll can.
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ListingCursor, ListOptions, Member, ResumableListing, Via } from '../common/connector/model';
import type { NotionDirectory } from '../common/connector/notionDirectory';
import { toNodeError } from '../common/n8n/toNodeError';
import { isReported, viewOf } from './diff';
import { addPart, decodePending, encodePending, newPending, pendingMembers } from './pending';
import type { DecodedBaseline } from './storedBaseline';

/** Static data key of a listing that spans several polls (pending.ts). */
export const PENDING_KEY = 'pending';

/** Share of the engine's poll budget the listing may use; the rest is for confirmation and diffing. */
const LISTING_SHARE = 0.75;

export interface PollClock {
	start: number;
	budgetMs: number;
	now: () => number;
}

/** Members read for a Changes poll; `complete: false` only in manual mode (a partial preview). */
export interface Listed {
	members: Member[];
	via: Via;
	consistent: boolean;
	complete: boolean;
	/** Whether earlier polls listed part of it: a second listing would not fit in this poll. */
	spanned: boolean;
	/** Listed by earlier polls, which left proving its claims to this one: what they proved. */
	proven?: { gone: readonly string[]; deactivated: readonly string[] };
}

/**
 * A production listing that may span several polls: a poll whose budget runs out keeps what it
 * listed in the pending state and returns `undefined`; the poll that completes the listing
 * returns every member listed since it began. Parts that cannot be joined safely (index paging
 * shifted, the source changed, a refused cursor) make the whole listing inconsistent.
 */
export async function listAcrossPolls(
	ctx: IPollFunctions,
	directory: NotionDirectory,
	clock: PollClock,
	staticData: IDataObject,
	basis: { scope: string; previous: DecodedBaseline | undefined; reportEveryone: boolean },
): Promise<Listed | undefined> {
	const baselineAt = basis.previous?.committedAt ?? '';
	const kept = decodePending(staticData[PENDING_KEY]);
	let pending = kept?.scope === basis.scope && kept.baselineAt === baselineAt ? kept : undefined;
	if (pending?.proving !== undefined) {
		const { via, gone, deactivated } = pending.proving;
		const { consistent } = pending;
		return { members: pendingMembers(pending), via, consistent, complete: true, spanned: true, proven: { gone, deactivated } };
	}
	const listing = await listPart(ctx, directory, clock, { resume: pending?.resume, expectedTotal: basis.previous?.listed });
	const startedOver = pending !== undefined && (listing.restarted || listing.via.source !== pending.source);
	// The listing began again at the start: the earlier parts are not joined to it.
	if (startedOver) pending = undefined;
	const consistent = !startedOver && (pending?.consistent ?? true) && listing.consistent;

	if (listing.complete) {
		const earlier = pending === undefined ? [] : pendingMembers(pending);
		// Later parts win: they are the fresher view of a member listed twice.
		return {
			members: [...earlier, ...listing.members],
			via: listing.via,
			consistent,
			complete: true,
			spanned: pending !== undefined,
		};
	}
	if (listing.resume === undefined || listing.pages === 0) throw budgetExceeded(ctx, clock);

	const part =
		pending ??
		newPending(
			{ scope: basis.scope, baselineAt, source: listing.via.source, startedAt: new Date(clock.start).toISOString() },
			listing.resume,
		);
	const view = viewOf(listing.via.source, []);
	const { previous } = basis;
	addPart(part, listing.members, (member) =>
		previous === undefined ? basis.reportEveryone : isReported(previous, view, member),
	);
	part.resume = listing.resume;
	part.consistent = consistent;
	staticData[PENDING_KEY] = encodePending(part) as unknown as IDataObject;
	return undefined;
}

/**
 * Keeps a complete listing whose claims this poll had no time left to prove, with what it did
 * prove (members found by lookups are kept as found): the next poll goes on with its whole
 * budget. `reported` says whose names the final diff will need.
 */
export function deferProof(
	staticData: IDataObject,
	listed: Listed,
	basis: { scope: string; baselineAt: string; startedAt: string },
	proven: { gone: ReadonlySet<string>; deactivated: ReadonlySet<string> },
	reported: (member: Member) => boolean,
): void {
	const { source } = listed.via;
	const nothingToResume: ListingCursor =
		source === 'scim' ? { source, startIndex: 1, totalResults: null, lastId: null } : { source };
	const part = newPending({ ...basis, source }, nothingToResume);
	addPart(part, listed.members, reported);
	part.consistent = listed.consistent;
	part.proving = { via: listed.via, gone: [...proven.gone], deactivated: [...proven.deactivated] };
	staticData[PENDING_KEY] = encodePending(part) as unknown as IDataObject;
}

/** Manual mode: what one poll can list from the start; pending parts are neither used nor touched. */
export async function listOnePoll(ctx: IPollFunctions, directory: NotionDirectory, clock: PollClock): Promise<Listed> {
	const listing = await listPart(ctx, directory, clock, {});
	if (!listing.complete && listing.pages === 0) throw budgetExceeded(ctx, clock);
	return { ...listing, spanned: false };
}

async function listPart(
	ctx: IPollFunctions,
	directory: NotionDirectory,
	clock: PollClock,
	from: Pick<ListOptions, 'resume' | 'expectedTotal'>,
): Promise<ResumableListing> {
	try {
		return await directory.listMembers({ ...from, deadline: listingDeadline(clock), stopAtDeadline: true });
	} catch (error) {
		throw toNodeError(ctx.getNode(), error);
	}
}

export function listingDeadline(clock: PollClock): number {
	return clock.start + clock.budgetMs * LISTING_SHARE;
}

export function budgetExceeded(ctx: IPollFunctions, clock: PollClock): NodeOperationError {
	return new NodeOperationError(
		ctx.getNode(),
		`The member list could not be read within this poll's time budget (${Math.round(clock.budgetMs / 1000)} s)`,
		{
			description:
				"Nothing was emitted and the stored baseline is unchanged. The listing runs at Notion's rate limit (about 300 members a second): give polls more time or poll less often.",
		},
	);
}
