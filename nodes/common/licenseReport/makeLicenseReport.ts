/**
 * A workspace's license report, made from start to end: who holds a seat and does not use it, the
 * guests, what AI costs, and a reclaim plan, from Notion's user-activity report over the last N
 * days. Any node that offers the report (an action, a trigger) calls this and shapes the items.
 *
 * The reads that may be refused for a missing scope (the member listing, the exempt groups, the
 * credit usage) come before the report is asked for, so a token short of a scope does not leave a
 * report behind on each try. The report is waited for through the client's clock (n8n's sleep) and
 * its rows are read as the file arrives and joined with the listing one at a time: the file is
 * never held whole. Nothing is written: the plan is for a later node, after approval.
 */
import { NotionAdminError } from '../connector/errors';
import { joinActivity } from '../connector/organization/activityJoin';
import type { NotionOrganizationClient } from '../connector/organization/organizationClient';
import { todayIn } from '../connector/organization/reportRequest';
import { normalizeId } from '../connector/validate';
import type { LicenseReportParameters } from './fields';
import { buildLicenseReport, type Credits, type LicenseReport, type Period, type PlanRules } from './plan';

const DAY_MS = 24 * 60 * 60 * 1000;
const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The last `days` days, today included, in the zone (today by the wall clock, as Notion's). */
function periodOf(days: number, timeZone: string, now: number): Period {
	const today = todayIn(timeZone, now);
	return { startDate: isoDay(today - days + 1), endDate: isoDay(today), timeZone, days };
}

/** Each exempt group by ID or (any case) by name, with its direct members; one not found fails. */
async function exemptGroups(client: NotionOrganizationClient, workspaceId: string, wanted: string[]): Promise<PlanRules['exemptGroups']> {
	if (wanted.length === 0) return [];
	const groups = await client.permissionGroups.list(workspaceId);
	const found = new Map<string, { id: string; name: string }>();
	for (const entry of wanted) {
		const id = normalizeId(entry);
		const matches = groups.filter((group) => (id !== undefined && normalizeId(group.id) === id) || group.name.toLowerCase() === entry.toLowerCase());
		if (matches.length === 0) {
			throw new NotionAdminError(
				'not_found',
				`No permission group "${entry}" in workspace ${workspaceId}`,
				'Check the names and IDs in Options → Exempt Permission Groups with Permission Group → Get Many',
				{ api: 'organization', field: 'Options → Exempt Permission Groups' },
			);
		}
		for (const group of matches) found.set(group.id, { id: group.id, name: group.name });
	}
	const out: PlanRules['exemptGroups'] = [];
	for (const group of found.values()) {
		const members = await client.permissionGroups.listMembers({ workspaceId, groupId: group.id });
		out.push({ ...group, memberIds: members.map((member) => member.userId) });
	}
	return out;
}

/** Credit usage, or a note when Notion says the workspace has no billing period (404 there). */
async function creditsOf(client: NotionOrganizationClient, workspaceId: string, wanted: boolean): Promise<Credits> {
	if (!wanted) return undefined;
	// The listing just read proves the workspace is live: a 404 here is the missing billing period.
	const note = `Notion has no credit usage for workspace ${workspaceId}: it has no billing period yet. AI credit usage is left out.`;
	return await client.listCreditUsage(workspaceId).then(
		(usage) => ({ usage }),
		(error: unknown) => (error instanceof NotionAdminError && error.kind === 'not_found' ? { note } : Promise.reject(error)),
	);
}

/** The connector's timeout says to read the report by its id; a license report is made anew each run. */
function timedOut(error: unknown, parameters: LicenseReportParameters): unknown {
	if (!(error instanceof NotionAdminError) || error.kind !== 'timeout') return error;
	return new NotionAdminError(
		'timeout',
		error.message,
		`Notion goes on making it. Run again with a larger Wait Timeout (Seconds) than ${Math.round(parameters.timeoutMs / 1000)}: a new report is made, which changes nothing in the workspace.`,
		{ api: 'organization', applied: error.applied },
	);
}

/** Lists, reads the exempt groups and credits, asks for the report, waits, streams and joins it, builds the figures. */
export async function makeLicenseReport(client: NotionOrganizationClient, parameters: LicenseReportParameters): Promise<LicenseReport> {
	const { workspaceId } = parameters;
	const period = periodOf(parameters.days, parameters.timeZone, client.now());
	const listing = await client.listWorkspaceUsers(workspaceId);
	const rules: PlanRules = { action: parameters.action, roles: parameters.roles, exemptGroups: await exemptGroups(client, workspaceId, parameters.exemptGroups) };
	const credits = await creditsOf(client, workspaceId, parameters.includeAiCredits);
	const reports = client.analyticsReports;
	const created = await reports.create({ workspaceId, startDate: period.startDate, endDate: period.endDate, timeZone: period.timeZone, format: 'jsonl' });
	const done = await reports.waitUntilDone(workspaceId, created.reportId, { timeoutMs: parameters.timeoutMs }).catch((error: unknown) => Promise.reject(timedOut(error, parameters)));
	const joined = await joinActivity(reports.rows(done), listing);
	return buildLicenseReport({ workspaceId, reportId: done.reportId, period, joined, credits, rules, inactiveItems: parameters.inactiveItems });
}

/** The summary, then (as the options ask) one item per member of the plan, per inactive seat and per guest. */
export function licenseReportItems(report: LicenseReport, parameters: Pick<LicenseReportParameters, 'workspaceId' | 'output'>): Array<Record<string, unknown>> {
	const { workspaceId, output } = parameters;
	// concat, not push(...): a spread of 100,000 entries would overflow the call stack.
	return [report.summary].concat(
		output === 'summary' ? [] : report.plan.map((entry) => ({ kind: 'reclaim', workspaceId, ...entry })),
		report.inactive.map((seat) => ({ kind: 'inactive', workspaceId, ...seat })),
		output === 'planAndGuests' ? report.guests.map((guest) => ({ kind: 'guest', workspaceId, ...guest })) : [],
	);
}
