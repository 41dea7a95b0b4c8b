/**
 * POST /admin/v1/analytics/user_activity/reports: body `{workspace_id, start_date, end_date,
 * time_zone, file_format: "csv"|"jsonl"}` (all required; the date rules in admin/reportDates.ts).
 * Answers 202 with the report, `status: "queued"`. A HIPAA workspace is 403
 * `analytics_reports_unavailable_for_hipaa_workspace`. An `Idempotency-Key` already used in that
 * workspace answers its report again (`adminAnalyticsIdempotency`), or 400 for a different body.
 */
import { randomUUID } from 'node:crypto';
import { json } from '../answer';
import { endpoint, type AdminRequest } from '../admin/endpoint';
import type { AnalyticsReportState } from '../admin/activityTypes';
import { renderReport, statusOf } from '../admin/analyticsReports';
import { AdminFailure, validationError } from '../admin/errors';
import { jsonBody, stringField, uuidAt } from '../admin/query';
import { reportRange } from '../admin/reportDates';
import { spaceOf } from '../admin/spaces';
import { adminSwitch } from '../admin/types';

export const userActivityScopes = (b: Parameters<typeof adminSwitch>[0]) => adminSwitch(b, 'adminAnalyticsUserActivityScopes');

function header(value: string | string[] | undefined): string | undefined {
	return Array.isArray(value) ? value.join(',') : value;
}

/** 202 with the report (no link: a get mints those), or `{id, status}` only (`adminAnalyticsCreateAnswer`). */
function created(req: AdminRequest, report: AnalyticsReportState, now: number) {
	if (adminSwitch(req.ctx.behaviours, 'adminAnalyticsCreateAnswer') === 'idAndStatus') return json(202, { id: report.id, status: statusOf(report, now) });
	return json(202, renderReport(req.org, report, req.ctx.behaviours, now, false));
}

export const createUserActivityReport = endpoint('POST', '/analytics/user_activity/reports', userActivityScopes, 'object', (req) => {
	const body = jsonBody(req.ctx);
	const space = spaceOf({ ...req, params: { space_id: uuidAt(body.workspace_id, 'body.workspace_id') } });
	if (req.org.analytics.hipaa.has(space.id)) {
		throw new AdminFailure(403, 'analytics_reports_unavailable_for_hipaa_workspace', 'Analytics reports are unavailable for HIPAA workspaces.');
	}
	const format = body.file_format;
	if (format !== 'csv' && format !== 'jsonl') {
		throw validationError(`body failed validation: body.file_format should be \`"csv"\` or \`"jsonl"\`, instead was \`${JSON.stringify(format ?? null)}\`.`);
	}
	const timeZone = stringField(body, 'time_zone');
	const now = req.ctx.store.now();
	const range = reportRange(body, timeZone, now);
	const fingerprint = JSON.stringify([space.id, range.startDate, range.endDate, timeZone, format]);
	const key = header(req.ctx.headers['idempotency-key']);
	if (key !== undefined && adminSwitch(req.ctx.behaviours, 'adminAnalyticsIdempotency') === 'replay') {
		const earlier = req.org.analytics.reports.all().find((r) => r.workspaceId === space.id && r.idempotencyKey === key);
		if (earlier && earlier.requestFingerprint !== fingerprint) throw validationError('Idempotency-Key was already used with a different request body.');
		if (earlier) return created(req, earlier, now);
	}
	const report: AnalyticsReportState = {
		id: randomUUID(),
		type: 'user_activity',
		workspaceId: space.id,
		...range,
		timeZone,
		format,
		csvListSeparator: adminSwitch(req.ctx.behaviours, 'adminAnalyticsCsvListSeparator'),
		status: 'queued',
		reads: 0,
		createdAt: now,
		links: [],
		...(key === undefined ? {} : { idempotencyKey: key }),
		requestFingerprint: fingerprint,
	};
	req.org.analytics.reports.put(report);
	return created(req, report, now);
});
