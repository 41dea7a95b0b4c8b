/**
 * The rows of a user-activity report: one per current member (restricted included) and per page
 * guest of its workspace, never bots, read from the workspace as it is when the file is fetched.
 * Rows come one at a time (a generator) and are written out in chunks, so a 100,000-member file is
 * never one string.
 */
import type { Workspace } from '../store';
import { activeDaysIn, activityOf, teamspacesOf } from './activity';
import type { AnalyticsReportState } from './activityTypes';
import type { Organization } from './organization';
import { daysBefore } from './reportDates';

export const COLUMNS = [
	'workspace_id',
	'start_date',
	'end_date',
	'user_id',
	'name',
	'email',
	'current_role',
	'current_teamspaces',
	'page_views',
	'page_edits',
	'active_days',
] as const;

export interface ReportRow {
	workspace_id: string;
	start_date: string;
	end_date: string;
	user_id: string;
	name: string;
	email: string;
	current_role: string;
	current_teamspaces: string[];
	page_views: number;
	page_edits: number;
	active_days: number;
}

interface Person {
	id: string;
	name: string;
	email: string;
	role: string;
}

/** Members by id (a bot has no role, so no row), then the workspace's page guests in seed order. */
function* people(org: Organization, report: AnalyticsReportState, store: Workspace): Generator<Person> {
	for (const u of org.users(report.workspaceId, store)) {
		const role = org.roleIn(u.id, report.workspaceId, store);
		if (role && role !== 'guest') yield { id: u.id, name: u.name, email: u.email ?? '', role };
	}
	// A SCIM-served workspace (main or linked) knows its seed's guests; an Admin-API-only one has none.
	const own = org.storeOf(report.workspaceId, store);
	for (const id of own?.org?.analytics.guests ?? []) {
		const guest = own?.user(id);
		if (guest?.kind === 'guest') yield { id, name: guest.name, email: guest.email, role: 'page_guest' };
	}
}

export function* reportRows(org: Organization, report: AnalyticsReportState, store: Workspace): Generator<ReportRow> {
	const fromAgo = daysBefore(report.today, report.startDate);
	const toAgo = daysBefore(report.today, report.endDate);
	for (const p of people(org, report, store)) {
		const activity = activityOf(org.analytics, p.email);
		const days = activeDaysIn(activity, fromAgo, toAgo);
		yield {
			workspace_id: report.workspaceId,
			start_date: report.startDate,
			end_date: report.endDate,
			user_id: p.id,
			name: p.name,
			email: p.email,
			current_role: p.role,
			current_teamspaces: teamspacesOf(activity, p.email, p.role),
			page_views: days * (activity.viewsPerDay ?? 3),
			page_edits: days * (activity.editsPerDay ?? 1),
			active_days: days,
		};
	}
}

/** RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled. */
function csvCell(value: string | number): string {
	const text = String(value);
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The file's lines, each ending in "\n": CSV starts with its header row. */
export function* reportLines(org: Organization, report: AnalyticsReportState, store: Workspace): Generator<string> {
	if (report.format === 'jsonl') {
		for (const row of reportRows(org, report, store)) yield `${JSON.stringify(row)}\n`;
		return;
	}
	const separator = report.csvListSeparator;
	yield `${COLUMNS.join(',')}\n`;
	for (const row of reportRows(org, report, store)) {
		yield `${COLUMNS.map((c) => csvCell(c === 'current_teamspaces' ? row[c].join(separator) : row[c])).join(',')}\n`;
	}
}
