/**
 * One poll of the Notion Users Sync Trigger. The baseline in static data is written only at the
 * end of a production poll whose listing (and any confirmation) completed; every failure is
 * thrown before that point, so n8n records a failed poll and the old baseline stays. In Changes
 * mode a listing longer than the poll budget is kept as a pending part and continued by the
 * next poll (docs/trigger.md: "Poll budget and very large workspaces").
 */
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { NotionAdminError } from '../shared/connector/errors';
import type { ListingCursor, NotionDirectory, ResumableListing } from '../shared/connector/directory';
import { summarizeLicenses } from '../shared/connector/licenseSummary';
import type { Member, MemberListing, SourceInfo } from '../shared/connector/model';
import { API_CREDENTIAL } from '../shared/n8n/credentialSettings';
import { directoryFor } from '../shared/n8n/directoryFromContext';
import { toNodeError } from '../shared/n8n/toNodeError';
import { confirmDisappearances } from './confirm';
import { baselineFrom, dedupe, diff, disappeared, indexMembers, isReported, viewOf, type MemberChange } from './diff';
import { ALL_EVENTS, memberJson, toEvents, type EventFilter } from './events';
import { addPart, decodePending, encodePending, newPending, pendingMembers } from './pending';
import { decodeBaseline, encodeBaseline, type Baseline } from './snapshot';

export type TriggerMode = 'changes' | 'snapshot' | 'licenseSummary';

/** Static data key of the Changes baseline. */
export const BASELINE_KEY = 'baseline';
/** Static data key of a listing that spans several polls (pending.ts). */
export const PENDING_KEY = 'pending';

/** Share of the engine's poll budget the listing may use; the rest is for confirmation and diffing. */
const LISTING_SHARE = 0.75;
const CONFIRMATION_SHARE = 0.9;
const DEFAULT_BUDGET_MS = 5 * 60 * 1000;

const SAMPLE_FILTER: EventFilter = { events: new Set(['member.added']), includeBots: true };

interface Clock {
	start: number;
	budgetMs: number;
	now: () => number;
}

export async function pollUsers(ctx: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const mode = ctx.getNodeParameter('mode', 'changes') as TriggerMode;
	const now = () => Date.now();
	// Engines older than n8n 2.x do not offer a budget; 5 minutes is what PollContext assumes.
	const budgetMs = typeof ctx.getPollBudgetMs === 'function' ? ctx.getPollBudgetMs() : DEFAULT_BUDGET_MS;
	const clock: Clock = { start: now(), budgetMs, now };
	const directory = await directoryFor(ctx);
	const production = ctx.getMode() !== 'manual';

	if (mode === 'changes') return await pollChanges(ctx, directory, clock, production);

	const listing = await listAll(ctx, directory, clock);
	// Only Changes keeps a baseline; leaving it would compare a later Changes poll with an old list.
	if (production) {
		const staticData = ctx.getWorkflowStaticData('node');
		delete staticData[BASELINE_KEY];
		delete staticData[PENDING_KEY];
	}
	if (mode === 'licenseSummary') {
		const includeMembers = ctx.getNodeParameter('licenseOptions.includeMembers', false) as boolean;
		const summary = summarizeLicenses(listing, { includeMembers });
		return [[{ json: { ...summary, checkedAt: new Date(clock.start).toISOString() } as unknown as IDataObject }]];
	}
	const includeBots = ctx.getNodeParameter('snapshotOptions.includeBots', false) as boolean;
	const members = dedupe(listing.members).filter((member) => includeBots || member.type === 'person');
	return members.length === 0 ? null : [members.map((member) => ({ json: memberJson(member) }))];
}

async function pollChanges(
	ctx: IPollFunctions,
	directory: NotionDirectory,
	clock: Clock,
	production: boolean,
): Promise<INodeExecutionData[][] | null> {
	const filter: EventFilter = {
		events: new Set(ctx.getNodeParameter('events', [...ALL_EVENTS]) as string[]),
		includeBots: ctx.getNodeParameter('options.includeBots', false) as boolean,
	};
	const emitExisting = ctx.getNodeParameter('options.emitExistingOnFirstRun', false) as boolean;
	const staticData = ctx.getWorkflowStaticData('node');
	const scope = workspaceScope(ctx);
	const stored = decodeBaseline(staticData[BASELINE_KEY]);
	const previous = stored?.scope === scope ? stored : undefined;
	const detectedAt = new Date(clock.start).toISOString();

	const listed = production
		? await listAcrossPolls(ctx, directory, clock, staticData, {
				scope,
				previous,
				reportEveryone: previous === undefined && emitExisting,
			})
		: await listOnePoll(ctx, directory, clock);
	if (listed === undefined) return null;
	const byId = indexMembers(listed.members);
	const members = [...byId.values()];
	const view = viewOf(listed.via.source, members);
	const eventContext = { source: view.source, detectedAt };

	if (previous === undefined) {
		if (!production) return sample(members, filter, eventContext);
		commit(staticData, baselineFrom(view, byId), scope, detectedAt);
		if (!emitExisting) return null;
		const everyone: MemberChange[] = members.map((member) => ({ type: 'added', member }));
		return wrap(toEvents(everyone, undefined, filter, eventContext));
	}
	// Manual mode cannot preview a diff from a listing it could not finish.
	if (!listed.complete) return sample(members, filter, eventContext);

	const sourceChanged = previous.source !== view.source;
	const missing = disappeared(previous, view, byId);
	let gone = new Set(missing);
	let compared = byId;
	if (missing.length > 0 && (sourceChanged || !listed.consistent)) {
		const confirmation = await confirmDisappearances(directory, missing, {
			source: view.source,
			deadline: clock.start + clock.budgetMs * CONFIRMATION_SHARE,
			now: clock.now,
		}).catch((error: unknown) => {
			throw toNodeError(ctx.getNode(), error);
		});
		gone = confirmation.gone;
		compared = indexMembers(confirmation.present, new Map(byId));
	}

	const { changes, next } = diff(previous, view, compared, gone);
	const sourceChange = sourceChanged ? { from: previous.source, to: listed.via } : undefined;
	const items = toEvents(changes, sourceChange, filter, eventContext);
	if (!production) {
		// "Fetch test event" previews what the next poll would emit, or shows a sample.
		return items.length > 0 ? wrap(items) : sample(members, filter, eventContext);
	}
	commit(staticData, next, scope, detectedAt);
	return wrap(items);
}

/** Members read for a Changes poll; `complete: false` only in manual mode (a partial preview). */
interface Listed {
	members: Member[];
	via: SourceInfo;
	consistent: boolean;
	complete: boolean;
}

/**
 * A production listing that may span several polls: a poll whose budget runs out keeps what it
 * listed in the pending state and returns `undefined`; the poll that completes the listing
 * returns every member listed since it began. Parts that cannot be joined safely (index paging
 * shifted, the source changed, a refused cursor) make the whole listing inconsistent, so
 * disappearances are confirmed before they are reported.
 */
async function listAcrossPolls(
	ctx: IPollFunctions,
	directory: NotionDirectory,
	clock: Clock,
	staticData: IDataObject,
	basis: { scope: string; previous: (Baseline & { committedAt: string }) | undefined; reportEveryone: boolean },
): Promise<Listed | undefined> {
	const baselineAt = basis.previous?.committedAt ?? '';
	const kept = decodePending(staticData[PENDING_KEY]);
	let pending = kept?.scope === basis.scope && kept.baselineAt === baselineAt ? kept : undefined;
	const listing = await listPart(ctx, directory, clock, pending?.resume);
	const startedOver = pending !== undefined && (listing.restarted || listing.via.source !== pending.source);
	// The listing began again at the start: the earlier parts are not joined to it.
	if (startedOver) pending = undefined;
	const consistent = !startedOver && (pending?.consistent ?? true) && listing.consistent;

	if (listing.complete) {
		const earlier = pending === undefined ? [] : pendingMembers(pending);
		// Later parts win: they are the fresher view of a member listed twice.
		return { members: [...earlier, ...listing.members], via: listing.via, consistent, complete: true };
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

/** Manual mode: what one poll can list from the start; pending parts are neither used nor touched. */
async function listOnePoll(ctx: IPollFunctions, directory: NotionDirectory, clock: Clock): Promise<Listed> {
	const listing = await listPart(ctx, directory, clock, undefined);
	if (!listing.complete && listing.pages === 0) throw budgetExceeded(ctx, clock);
	return listing;
}

async function listPart(
	ctx: IPollFunctions,
	directory: NotionDirectory,
	clock: Clock,
	resume: ListingCursor | undefined,
): Promise<ResumableListing> {
	try {
		return await directory.listMembers({ deadline: listingDeadline(clock), stopAtDeadline: true, resume });
	} catch (error) {
		throw toNodeError(ctx.getNode(), error);
	}
}

async function listAll(ctx: IPollFunctions, directory: NotionDirectory, clock: Clock): Promise<MemberListing> {
	try {
		return await directory.listMembers({ deadline: listingDeadline(clock) });
	} catch (error) {
		if (error instanceof NotionAdminError && error.kind === 'timeout' && clock.now() >= listingDeadline(clock)) {
			throw budgetExceeded(ctx, clock);
		}
		throw toNodeError(ctx.getNode(), error);
	}
}

function listingDeadline(clock: Clock): number {
	return clock.start + clock.budgetMs * LISTING_SHARE;
}

function budgetExceeded(ctx: IPollFunctions, clock: Clock): NodeOperationError {
	return new NodeOperationError(
		ctx.getNode(),
		`The member list could not be read within this poll's time budget (${Math.round(clock.budgetMs / 1000)} s)`,
		{
			description:
				"Nothing was emitted and the stored baseline is unchanged. The listing runs at Notion's rate limit (about 300 members a second): give polls more time or poll less often.",
		},
	);
}

/** The watched workspace: the API credential. Another credential starts a new baseline. */
function workspaceScope(ctx: IPollFunctions): string {
	const credential = ctx.getNode().credentials?.[API_CREDENTIAL];
	return credential?.id ?? credential?.name ?? '';
}

function commit(staticData: IDataObject, baseline: Baseline, scope: string, committedAt: string): void {
	staticData[BASELINE_KEY] = encodeBaseline(baseline, { scope, committedAt }) as unknown as IDataObject;
	delete staticData[PENDING_KEY];
}

function wrap(items: IDataObject[]): INodeExecutionData[][] | null {
	return items.length === 0 ? null : [items.map((json) => ({ json }))];
}

/** One `member.added`-shaped item marked as a sample, for mapping fields in the editor. */
function sample(
	members: readonly Member[],
	filter: EventFilter,
	context: { source: Member['source']; detectedAt: string },
): INodeExecutionData[][] | null {
	const member = members.find((candidate) => filter.includeBots || candidate.type === 'person');
	if (member === undefined) return null;
	const [event] = toEvents([{ type: 'added', member }], undefined, SAMPLE_FILTER, context);
	return [[{ json: { ...event, sample: true } }]];
}
