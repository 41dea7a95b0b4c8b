/**
 * One poll of the Notion Users Sync Trigger: Changes mode (changes.ts) keeps a baseline across
 * polls; Snapshot and License Summary list everyone each time and keep nothing. License Summary
 * with the organization credential also carries the workspace's license report
 * (organizationSummary.ts).
 */
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { NotionAdminError } from '../common/connector/errors';
import type { NotionDirectory } from '../common/connector/notionDirectory';
import { summarizeLicenses } from '../common/connector/licenseSummary';
import type { MemberListing } from '../common/connector/model';
import { directoryFor } from '../common/n8n/directoryFromContext';
import { toNodeError } from '../common/n8n/toNodeError';
import { BASELINE_KEY, pollChanges } from './changes';
import { dedupe } from './diff';
import { memberJson } from './events';
import { budgetExceeded, listingDeadline, PENDING_KEY, type PollClock } from './listing';
import { confirmReportWorkspace, readOrganizationReport, withLicenseReport } from './organizationSummary';

export type TriggerMode = 'changes' | 'snapshot' | 'licenseSummary';

const DEFAULT_BUDGET_MS = 5 * 60 * 1000;

export async function pollUsers(ctx: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const mode = ctx.getNodeParameter('mode', 'changes') as TriggerMode;
	const now = () => Date.now();
	// Engines older than n8n 2.x do not offer a budget; 5 minutes is what PollContext assumes.
	const budgetMs = typeof ctx.getPollBudgetMs === 'function' ? ctx.getPollBudgetMs() : DEFAULT_BUDGET_MS;
	const clock: PollClock = { start: now(), budgetMs, now };
	const directory = await directoryFor(ctx);
	const production = ctx.getMode() !== 'manual';

	if (mode === 'changes') return await pollChanges(ctx, directory, clock, production);

	// Read before any request: a wrong report setting fails the poll naming its field.
	const report = mode === 'licenseSummary' ? readOrganizationReport(ctx) : undefined;
	// Before the listing and any Admin API request: a report of another workspace is never asked for.
	if (report !== undefined) await confirmReportWorkspace(ctx, directory, report, clock);
	const listing = await listAll(ctx, directory, clock);
	// Only Changes keeps a baseline; leaving it would compare a later Changes poll with an old list.
	if (production) {
		const staticData = ctx.getWorkflowStaticData('node');
		delete staticData[BASELINE_KEY];
		delete staticData[PENDING_KEY];
	}
	if (mode === 'licenseSummary') {
		const includeMembers = ctx.getNodeParameter('licenseOptions.includeMembers', false) as boolean;
		const summary = { ...summarizeLicenses(listing, { includeMembers }), checkedAt: new Date(clock.start).toISOString() } as unknown as IDataObject;
		if (report === undefined) return [[{ json: summary }]];
		return [await withLicenseReport(ctx, report, clock, summary)];
	}
	const includeBots = ctx.getNodeParameter('snapshotOptions.includeBots', false) as boolean;
	const members = dedupe(listing.members).filter((member) => includeBots || member.type === 'person');
	return members.length === 0 ? null : [members.map((member) => ({ json: memberJson(member) }))];
}

async function listAll(ctx: IPollFunctions, directory: NotionDirectory, clock: PollClock): Promise<MemberListing> {
	try {
		return await directory.listMembers({ deadline: listingDeadline(clock) });
	} catch (error) {
		if (error instanceof NotionAdminError && error.kind === 'timeout' && clock.now() >= listingDeadline(clock)) {
			throw budgetExceeded(ctx, clock);
		}
		throw toNodeError(ctx.getNode(), error);
	}
}
