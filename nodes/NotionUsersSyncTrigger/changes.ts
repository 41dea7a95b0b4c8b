/**
 * Changes mode: one poll lists the members, proves every claimed removal and deactivation with
 * Notion (confirm.ts), holds the poll when too many people would be cut off at once (guard.ts),
 * and only then reports the changes and moves the stored baseline on. Every failure is thrown
 * before the baseline is written, so n8n records a failed poll and the old baseline stays.
 */
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { NotionDirectory } from '../common/connector/notionDirectory';
import type { Member } from '../common/connector/model';
import { API_CREDENTIAL } from '../common/n8n/credentialSettings';
import { toNodeError } from '../common/n8n/toNodeError';
import { readBaseline } from './baselineVersions';
import { gatherEvidence, isCollapsed, relist, type Evidence, type Trust } from './confirm';
import {
	baselineFrom,
	deactivatedClaims,
	diff,
	disappeared,
	indexMembers,
	isReported,
	viewOf,
	visibleCount,
	type ListedMembers,
	type MemberChange,
	type SourceView,
} from './diff';
import { ALL_EVENTS, toEvents, type EventFilter } from './events';
import { checkGuard, DEFAULT_GUARD, describeTrip, type GuardLimits } from './guard';
import { deferProof, listAcrossPolls, listOnePoll, PENDING_KEY, type PollClock } from './listing';
import { encodeBaseline, type Baseline, type DecodedBaseline } from './storedBaseline';

/** Static data key of the Changes baseline. */
export const BASELINE_KEY = 'baseline';

/** Share of the poll budget by which confirmations must end; the rest is for diffing and events. */
const CONFIRMATION_SHARE = 0.9;

const SAMPLE_FILTER: EventFilter = { events: new Set(['member.added']), includeBots: true };

export async function pollChanges(
	ctx: IPollFunctions,
	directory: NotionDirectory,
	clock: PollClock,
	production: boolean,
): Promise<INodeExecutionData[][] | null> {
	const filter: EventFilter = {
		events: new Set(ctx.getNodeParameter('events', [...ALL_EVENTS]) as string[]),
		includeBots: ctx.getNodeParameter('options.includeBots', false) as boolean,
	};
	const emitExisting = ctx.getNodeParameter('options.emitExistingOnFirstRun', false) as boolean;
	const staticData = ctx.getWorkflowStaticData('node');
	const scope = workspaceScope(ctx);
	const previous = storedBaseline(ctx, staticData, scope);
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
	const view = viewOf(listed.via.source, [...byId.values()]);
	const eventContext = { source: view.source, detectedAt };

	if (previous === undefined) {
		const members = [...byId.values()];
		if (!production) return sample(members, filter, eventContext);
		commit(staticData, baselineFrom(view, byId), { scope, committedAt: detectedAt, listed: byId.size });
		if (!emitExisting) return null;
		const everyone: MemberChange[] = members.map((member) => ({ type: 'added', member }));
		return wrap(toEvents(everyone, undefined, filter, eventContext));
	}
	// Manual mode cannot preview a diff from a listing it could not finish.
	if (!listed.complete) return sample([...byId.values()], filter, eventContext);

	const trust: Trust = {
		source: view.source,
		baselineSize: Math.min(previous.listed, visibleCount(previous, view)),
		deadline: clock.start + clock.budgetMs * CONFIRMATION_SHARE,
		now: clock.now,
		canRelist: relistFits(clock, listed.spanned),
	};
	const earlier = listed.proven ?? { gone: [], deactivated: [] };
	const proven = await prove(directory, previous, view, byId, listed.consistent, trust, earlier).catch(
		(error: unknown) => {
			throw toNodeError(ctx.getNode(), error);
		},
	);
	const compared = indexMembers(proven.evidence.present, new Map(proven.members));
	// A proving poll that proved nothing more would only defer again: the rest waits for the next listing.
	if (production && proven.evidence.outOfTime && (listed.proven === undefined || proven.progress)) {
		const basis = { scope, baselineAt: previous.committedAt, startedAt: detectedAt };
		const members = [...compared.values()];
		deferProof(staticData, { ...listed, members, consistent: proven.consistent }, basis, proven.evidence, (member) =>
			isReported(previous, view, member),
		);
		return null;
	}
	const { changes, next } = diff(previous, view, compared, proven.evidence.gone, proven.evidence.unresolved);

	const trip = checkGuard(changes, previous.members.size, guardLimits(ctx));
	if (trip !== undefined) {
		if (production) delete staticData[PENDING_KEY];
		const { message, description } = describeTrip(trip);
		throw new NodeOperationError(ctx.getNode(), message, { description });
	}

	const sourceChange = previous.source !== view.source ? { from: previous.source, to: listed.via } : undefined;
	const items = toEvents(changes, sourceChange, filter, eventContext);
	if (!production) {
		// "Fetch test event" previews what the next poll would emit, or shows a sample.
		return items.length > 0 ? wrap(items) : sample([...byId.values()], filter, eventContext);
	}
	commit(staticData, next, { scope, committedAt: detectedAt, listed: proven.members.size });
	return wrap(items);
}

/**
 * Gathers evidence for every claimed removal and deactivation. A listing that cannot be
 * trusted (inconsistent, or collapsed against the baseline), or one a lookup contradicted (it
 * missed or misread someone), is replaced by one more listing when that one can be trusted, so
 * a real change hidden by the first is still reported in this poll. Claims an earlier poll of
 * this listing proved are not asked again.
 */
async function prove(
	directory: NotionDirectory,
	previous: Baseline,
	view: SourceView,
	listed: ListedMembers,
	consistent: boolean,
	trust: Trust,
	earlier: { gone: readonly string[]; deactivated: readonly string[] },
): Promise<{ members: ListedMembers; consistent: boolean; evidence: Evidence; progress: boolean }> {
	let members = listed;
	let relisted = false;
	const fresher = async () => {
		relisted = true;
		if (!trust.canRelist()) return false;
		const second = await relist(directory, trust);
		if (second?.trusted) members = second.members;
		return second?.trusted === true;
	};
	const done = new Set([...earlier.gone, ...earlier.deactivated]);
	const open = (ids: string[]) => ids.filter((id) => !done.has(id));
	const claims = () => ({
		missing: open(disappeared(previous, view, members)),
		deactivated: open(deactivatedClaims(previous, members)),
	});

	if (!consistent || isCollapsed(members.size, trust.baselineSize)) await fresher();
	let evidence = await gatherEvidence(directory, claims(), trust);
	if (evidence.contradicted && !relisted && (await fresher())) {
		evidence = await gatherEvidence(directory, claims(), trust);
	}
	const progress = evidence.gone.size + evidence.deactivated.size + evidence.present.length > 0;
	for (const id of earlier.gone) evidence.gone.add(id);
	for (const id of earlier.deactivated) evidence.deactivated.add(id);
	return { members, consistent: consistent || members !== listed, evidence, progress };
}

/**
 * A second listing is worth starting only when it can end before the confirmation deadline
 * (judged by how long the first one took); otherwise it would eat the time the lookups need.
 */
function relistFits(clock: PollClock, spanned: boolean): () => boolean {
	const listingMs = clock.now() - clock.start;
	const deadline = clock.start + clock.budgetMs * CONFIRMATION_SHARE;
	return () => !spanned && clock.now() + listingMs < deadline;
}

/**
 * The stored baseline of this workspace, migrated if older. One this version cannot read fails
 * the poll and stays stored, unless the user chose to start a new baseline.
 */
function storedBaseline(ctx: IPollFunctions, staticData: IDataObject, scope: string): DecodedBaseline | undefined {
	const read = readBaseline(staticData[BASELINE_KEY]);
	if (read.state === 'none') return undefined;
	if (read.state === 'ok') return read.baseline.scope === scope ? read.baseline : undefined;
	const onUnreadable = ctx.getNodeParameter('options.unreadableBaseline', 'fail') as string;
	if (onUnreadable === 'startOver') return undefined;
	throw new NodeOperationError(ctx.getNode(), `The trigger's stored member baseline cannot be read: ${read.reason}`, {
		description:
			'Nothing was emitted and the stored state was kept, so no change is lost. Update the package to the version that wrote it, or set Options → "If the Stored Baseline Cannot Be Read" to "Start a New Baseline" (changes made since the last good poll are then not reported).',
	});
}

function guardLimits(ctx: IPollFunctions): GuardLimits {
	return {
		maxCount: ctx.getNodeParameter('options.maxRemovals', DEFAULT_GUARD.maxCount) as number,
		maxPercent: ctx.getNodeParameter('options.maxRemovalPercent', DEFAULT_GUARD.maxPercent) as number,
	};
}

/** The watched workspace: the API credential. Another credential starts a new baseline. */
function workspaceScope(ctx: IPollFunctions): string {
	const credential = ctx.getNode().credentials?.[API_CREDENTIAL];
	return credential?.id ?? credential?.name ?? '';
}

function commit(
	staticData: IDataObject,
	baseline: Baseline,
	meta: { scope: string; committedAt: string; listed: number },
): void {
	staticData[BASELINE_KEY] = encodeBaseline(baseline, meta) as unknown as IDataObject;
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
