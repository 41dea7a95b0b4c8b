/**
 * User-activity report records. A report moves queued → running → completed (or failed) on its
 * get reads (`adminAnalyticsReadsUntilRunning` / `…UntilDone`), never by wall-clock time, so a
 * client sleeping on an injected clock sees the same answers. Only the end of its file follows the
 * emulator's clock: the file lives 30 days from completion, then the report reads `expired`. Each
 * get of a completed report mints a fresh download link on the file host, valid 7 days or until
 * the file's end, whichever is first (earlier links keep their own expiry).
 */
import { randomBytes } from 'node:crypto';
import type { Behaviours } from '../types';
import type { AnalyticsReportState, ReportStatus } from './activityTypes';
import { AdminFailure } from './errors';
import type { Organization } from './organization';
import { adminSwitch } from './types';

const DAY = 86_400_000;
export const FILE_LIFETIME_MS = 30 * DAY;
export const LINK_LIFETIME_MS = 7 * DAY;

export function reportNotFound(id: string): AdminFailure {
	return new AdminFailure(404, 'object_not_found', `Could not find analytics report with ID: ${id}.`);
}

/** The status as read now: a completed report whose file has ended is `expired`. */
export function statusOf(report: AnalyticsReportState, now: number): ReportStatus {
	return report.status === 'completed' && now >= (report.fileExpiresAt ?? 0) ? 'expired' : report.status;
}

function advanced(report: AnalyticsReportState, behaviours: Behaviours, now: number): AnalyticsReportState {
	if (report.status === 'completed' || report.status === 'failed') return report;
	if (report.reads >= adminSwitch(behaviours, 'adminAnalyticsReadsUntilDone')) {
		if (adminSwitch(behaviours, 'adminAnalyticsOutcome') === 'failed') return { ...report, status: 'failed' };
		return { ...report, status: 'completed', completedAt: now, fileExpiresAt: now + FILE_LIFETIME_MS };
	}
	const running = report.reads >= adminSwitch(behaviours, 'adminAnalyticsReadsUntilRunning');
	return running ? { ...report, status: 'running' } : report;
}

/** One get: counts it, moves the report on, and gives a completed, unexpired one a fresh link. */
export function readReport(org: Organization, report: AnalyticsReportState, behaviours: Behaviours, now: number): AnalyticsReportState {
	let next = advanced({ ...report, reads: report.reads + 1 }, behaviours, now);
	if (statusOf(next, now) === 'completed') {
		const link = { key: randomBytes(16).toString('hex'), expiresAt: Math.min(now + LINK_LIFETIME_MS, next.fileExpiresAt ?? now) };
		// Links that ended are dropped so a report polled for weeks keeps a short list.
		next = { ...next, links: [...next.links.filter((l) => l.expiresAt > now), link] };
	}
	org.analytics.reports.put(next);
	return next;
}

export function reportFileName(report: AnalyticsReportState): string {
	return `user-activity-${report.id}.${report.format}`;
}

function time(ms: number, behaviours: Behaviours): string | number {
	return adminSwitch(behaviours, 'adminAnalyticsTimeFormat') === 'ms' ? ms : new Date(ms).toISOString();
}

/**
 * The report object. A get shows the link it just minted (only where the status as read now is
 * `completed`); the list shows none, since the newest link may have ended while the file has not.
 */
export function renderReport(org: Organization, report: AnalyticsReportState, behaviours: Behaviours, now: number, withLink = true): object {
	const status = statusOf(report, now);
	const link = status === 'completed' && withLink ? report.links.at(-1) : undefined;
	return {
		object: 'analytics_report',
		id: report.id,
		type: report.type,
		workspace_id: report.workspaceId,
		status,
		file_format: report.format,
		start_date: report.startDate,
		end_date: report.endDate,
		time_zone: report.timeZone,
		created_time: time(report.createdAt, behaviours),
		...(link ? { download_url: `${org.fileHostUrl}/analytics/${link.key}/${reportFileName(report)}`, link_expires_at: time(link.expiresAt, behaviours) } : {}),
		...(status === 'failed' ? { error: { code: 'report_failed', message: 'The report could not be generated.' } } : {}),
	};
}

/** The report and link a file-host key belongs to, if any. */
export function reportOfKey(org: Organization, key: string): { report: AnalyticsReportState; expiresAt: number } | undefined {
	for (const report of org.analytics.reports.all()) {
		const link = report.links.find((l) => l.key === key);
		if (link) return { report, expiresAt: link.expiresAt };
	}
	return undefined;
}
