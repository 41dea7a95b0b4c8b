/**
 * Workspace → Get License Report: who holds a seat and does not use it, the guests, what AI costs,
 * and a reclaim plan, from Notion's user-activity report over the last N days.
 *
 * The reads that may be refused for a missing scope (the member listing, the exempt groups, the
 * credit usage) come before the report is asked for, so a token short of a scope does not leave a
 * report behind on each try. The report is waited for through the client's clock (n8n's sleep) and
 * its rows are read as the file arrives and joined with the listing one at a time: the file is
 * never held whole. Nothing is written: the plan is for a later node, after approval.
 */
import type { IDataObject } from 'n8n-workflow';

import { NotionAdminError } from '../../../common/connector/errors';
import { joinActivity } from '../../../common/connector/organization/activityJoin';
import type { NotionOrganizationClient } from '../../../common/connector/organization/organizationClient';
import { todayIn } from '../../../common/connector/organization/reportRequest';
import { normalizeId } from '../../../common/connector/validate';
import { perItem } from '../../../common/operationKit/execute';
import { workspaceLocator, type OrganizationOperation } from '../../fields';
import { licenseReportFields, readLicenseReport, type LicenseReportParameters } from './licenseReportFields';
import { buildLicenseReport, type Credits, type Period, type PlanRules } from './licenseReportPlan';

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

/** The connector's timeout says to read the report by its id; this node makes a new one each run. */
function timedOut(error: unknown, parameters: LicenseReportParameters): unknown {
	if (!(error instanceof NotionAdminError) || error.kind !== 'timeout') return error;
	return new NotionAdminError(
		'timeout',
		error.message,
		`Notion goes on making it. Run again with a larger Wait Timeout (Seconds) than ${Math.round(parameters.timeoutMs / 1000)}: a new report is made, which changes nothing in the workspace.`,
		{ api: 'organization', applied: error.applied },
	);
}

export const getLicenseReport: OrganizationOperation = {
	option: {
		name: 'Get License Report',
		value: 'getLicenseReport',
		description:
			"One item with a workspace's seats by role, the members with no active day in the last N days, the guests, AI credit usage and a reclaim plan (nothing is changed), from Notion's user-activity report (scopes user:read, user-analytics:read; permission-group:read for exempt groups)",
		action: 'Get the license report of a workspace',
	},
	fields: [workspaceLocator('The workspace to report on'), ...licenseReportFields],
	execute: perItem({
		parse(itemIndex) {
			return readLicenseReport(this, itemIndex);
		},

		async run(client: NotionOrganizationClient, parameters): Promise<IDataObject[]> {
			const { workspaceId } = parameters;
			const period = periodOf(parameters.days, parameters.timeZone, client.now());
			const listing = await client.listWorkspaceUsers(workspaceId);
			const rules: PlanRules = { action: parameters.action, roles: parameters.roles, exemptGroups: await exemptGroups(client, workspaceId, parameters.exemptGroups) };
			const credits = await creditsOf(client, workspaceId, parameters.includeAiCredits);
			const reports = client.analyticsReports;
			const created = await reports.create({ workspaceId, startDate: period.startDate, endDate: period.endDate, timeZone: period.timeZone, format: 'jsonl' });
			const done = await reports.waitUntilDone(workspaceId, created.reportId, { timeoutMs: parameters.timeoutMs }).catch((error: unknown) => Promise.reject(timedOut(error, parameters)));
			const joined = await joinActivity(reports.rows(done), listing);
			const { summary, plan, guests } = buildLicenseReport({ workspaceId, reportId: done.reportId, period, joined, credits, rules });
			const items: IDataObject[] = [summary as IDataObject];
			if (parameters.output !== 'summary') items.push(...plan.map((entry) => ({ kind: 'reclaim', workspaceId, ...entry })));
			if (parameters.output === 'planAndGuests') items.push(...guests.map((guest) => ({ kind: 'guest', workspaceId, ...guest })));
			return items;
		},
	}),
};
