/**
 * One poll of the Notion Users Sync Trigger. The baseline in static data is written only at the
 * end of a production poll whose listing (and any confirmation) completed; every failure is
 * thrown before that point, so n8n records a failed poll and the old baseline stays.
 */
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { NotionAdminError } from '../shared/connector/errors';
import type { NotionDirectory } from '../shared/connector/directory';
import { summarizeLicenses } from '../shared/connector/licenseSummary';
import type { Member, MemberListing } from '../shared/connector/model';
import { API_CREDENTIAL } from '../shared/n8n/credentialSettings';
import { directoryFor } from '../shared/n8n/directoryFromContext';
import { toNodeError } from '../shared/n8n/toNodeError';
import { confirmDisappearances } from './confirm';
import { baselineFrom, dedupe, diff, disappeared, viewOf, type MemberChange } from './diff';
import { ALL_EVENTS, memberJson, toEvents, type EventFilter } from './events';
import { decodeBaseline, encodeBaseline, type Baseline } from './snapshot';

export type TriggerMode = 'changes' | 'snapshot' | 'licenseSummary';

/** Static data key of the Changes baseline. */
export const BASELINE_KEY = 'baseline';

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
	if (production) delete ctx.getWorkflowStaticData('node')[BASELINE_KEY];
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

	const listing = await listAll(ctx, directory, clock);
	const members = dedupe(listing.members);
	const view = viewOf(listing.via.source, members);
	const detectedAt = new Date(clock.start).toISOString();
	const eventContext = { source: view.source, detectedAt };

	if (previous === undefined) {
		if (!production) return sample(members, filter, eventContext);
		commit(staticData, baselineFrom(view, members), scope, detectedAt);
		if (!emitExisting) return null;
		const everyone: MemberChange[] = members.map((member) => ({ type: 'added', member }));
		return wrap(toEvents(everyone, undefined, filter, eventContext));
	}

	const sourceChanged = previous.source !== view.source;
	const missing = disappeared(previous, view, members);
	let gone = new Set(missing);
	let compared = members;
	if (missing.length > 0 && (sourceChanged || !listing.consistent)) {
		const confirmation = await confirmDisappearances(directory, missing, {
			source: view.source,
			deadline: clock.start + clock.budgetMs * CONFIRMATION_SHARE,
			now: clock.now,
		}).catch((error: unknown) => {
			throw toNodeError(ctx.getNode(), error);
		});
		gone = confirmation.gone;
		compared = dedupe([...members, ...confirmation.present]);
	}

	const { changes, next } = diff(previous, view, compared, gone);
	const sourceChange = sourceChanged ? { from: previous.source, to: listing.via } : undefined;
	const items = toEvents(changes, sourceChange, filter, eventContext);
	if (!production) {
		// "Fetch test event" previews what the next poll would emit, or shows a sample.
		return items.length > 0 ? wrap(items) : sample(members, filter, eventContext);
	}
	commit(staticData, next, scope, detectedAt);
	return wrap(items);
}

async function listAll(ctx: IPollFunctions, directory: NotionDirectory, clock: Clock): Promise<MemberListing> {
	const deadline = clock.start + clock.budgetMs * LISTING_SHARE;
	try {
		return await directory.listMembers({ deadline });
	} catch (error) {
		if (error instanceof NotionAdminError && error.kind === 'timeout' && clock.now() >= deadline) {
			throw new NodeOperationError(
				ctx.getNode(),
				`The member list could not be read within this poll's time budget (${Math.round(clock.budgetMs / 1000)} s)`,
				{
					description:
						"Nothing was emitted and the stored baseline is unchanged. The listing runs at Notion's rate limit (about 300 members a second): give polls more time or poll less often.",
				},
			);
		}
		throw toNodeError(ctx.getNode(), error);
	}
}

/** The watched workspace: the API credential. Another credential starts a new baseline. */
function workspaceScope(ctx: IPollFunctions): string {
	const credential = ctx.getNode().credentials?.[API_CREDENTIAL];
	return credential?.id ?? credential?.name ?? '';
}

function commit(staticData: IDataObject, baseline: Baseline, scope: string, committedAt: string): void {
	staticData[BASELINE_KEY] = encodeBaseline(baseline, { scope, committedAt }) as unknown as IDataObject;
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
