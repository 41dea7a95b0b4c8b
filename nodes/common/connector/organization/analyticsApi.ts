/**
 * User-activity analytics reports over the Admin API: create (`POST /v1/analytics/user_activity/
 * reports`, answered 202 with the report queued), read one (`GET …/reports/{id}?workspace_id=`)
 * and list the workspace's reports (`GET /v1/analytics/reports?workspace_id=`).
 *
 * Notion documents these in beta and only in part, so each answer is read tolerantly: the id as
 * `id`, `report_id` or `job_id`; the link as `download_url` or the first of `download_urls`; its
 * expiry as `link_expires_at` or `url_expires_at`, epoch milliseconds or an ISO time.
 *
 * A report changes nothing in the workspace, so a create whose answer was lost may be sent again
 * (at worst a second report exists); every attempt repeats one `Idempotency-Key`, the header
 * Notion's own create example sends, so Notion can tell it is the same request.
 */
import { randomUUID } from 'node:crypto';
import { NotionAdminError } from '../errors';
import { RequestFailure } from '../http/responseError';
import { requireName } from '../validate';
import { adminCall, isObject, type AdminCall, type AdminContext } from './adminRequest';
import { collect } from './pages';
import type { CheckedReportRequest } from './reportRequest';
import { SCOPE_ALIASES, SCOPES, type Scope } from './scopes';

export type ReportStatus = 'queued' | 'running' | 'completed' | 'failed' | 'expired';

export interface AnalyticsReport {
	reportId: string;
	workspaceId: string;
	/** `user_activity` for these reports; other kinds appear in the workspace's list. */
	reportType: string | null;
	/** One of ReportStatus, or a status Notion added since (read as still going). */
	status: ReportStatus | string;
	format: string | null;
	startDate: string | null;
	endDate: string | null;
	timeZone: string | null;
	/** Only when completed: a signed link, opened without any token. */
	downloadUrl: string | null;
	/** When the link stops working (ISO time). */
	linkExpiresAt: string | null;
	createdAt: string | null;
	errorMessage: string | null;
}

const HIPAA = 'analytics_reports_unavailable_for_hipaa_workspace';

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** Epoch milliseconds or an ISO time, as an ISO time. */
function isoTime(value: unknown): string | null {
	if (typeof value === 'number' && Number.isFinite(value)) return new Date(value).toISOString();
	if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
	return null;
}

const idOf = (body: Record<string, unknown>): string | null => text(body.id) ?? text(body.report_id) ?? text(body.job_id);

function errorText(body: Record<string, unknown>): string | null {
	const error = body.error;
	if (isObject(error)) return text(error.message) ?? text(error.code);
	return text(body.error_message) ?? text(error) ?? text(body.failure_reason);
}

export function toReport(raw: unknown, workspaceId: string): AnalyticsReport | undefined {
	if (!isObject(raw)) return undefined;
	const reportId = idOf(raw);
	if (reportId === null) return undefined;
	const urls = Array.isArray(raw.download_urls) ? raw.download_urls : [];
	return {
		reportId,
		workspaceId: text(raw.workspace_id) ?? workspaceId,
		reportType: text(raw.report_type) ?? text(raw.type),
		status: text(raw.status) ?? 'queued',
		format: text(raw.file_format),
		startDate: text(raw.start_date),
		endDate: text(raw.end_date),
		timeZone: text(raw.time_zone),
		downloadUrl: text(raw.download_url) ?? text(urls[0]),
		linkExpiresAt: isoTime(raw.link_expires_at ?? raw.url_expires_at),
		createdAt: isoTime(raw.created_time ?? raw.created_at),
		errorMessage: errorText(raw),
	};
}

/** A report id is Notion's opaque string. */
export const requireReportId = (value: unknown, field = 'reportId'): string => requireName(value, field);

/** The refusal made plain: a HIPAA workspace is refused by rule; a missing scope names both namings. */
function explained(error: unknown, workspaceId: string, scope: Scope): unknown {
	if (!(error instanceof RequestFailure) || error.httpStatus !== 403) return error;
	const extra = { api: error.api, httpStatus: 403, requestId: error.requestId };
	if (error.code === HIPAA) {
		return new NotionAdminError(
			'refused',
			`Notion offers no analytics reports for workspace ${workspaceId}: it is a HIPAA workspace`,
			'Analytics reports are not available there; nothing can be changed from here',
			extra,
		);
	}
	const alias = SCOPE_ALIASES[scope];
	if (alias === undefined) return error;
	return new NotionAdminError('forbidden', error.message, `${error.hint} (some consoles name it "${alias}": add that one there)`, extra);
}

async function call(context: AdminContext, workspaceId: string, adminRequest: AdminCall) {
	try {
		return await adminCall(context, adminRequest);
	} catch (error) {
		throw explained(error, workspaceId, adminRequest.scope);
	}
}

const NO_WORKSPACE = (workspaceId: string) => `No live workspace ${workspaceId} in this organization: pick one from the list of workspaces`;

export async function createReport(context: AdminContext, request: CheckedReportRequest): Promise<AnalyticsReport> {
	const { json } = await call(context, request.workspaceId, {
		method: 'POST',
		path: '/analytics/user_activity/reports',
		body: {
			workspace_id: request.workspaceId,
			start_date: request.startDate,
			end_date: request.endDate,
			time_zone: request.timeZone,
			file_format: request.format,
		},
		headers: { 'Idempotency-Key': randomUUID() },
		idempotent: true,
		action: 'create a user-activity analytics report',
		scope: SCOPES.userActivityReports,
		notFound: NO_WORKSPACE(request.workspaceId),
		accepts: (body) => isObject(body) && idOf(body) !== null,
	});
	const report = toReport(json, request.workspaceId)!;
	// The 202 answer holds little more than the id: what was asked for fills the rest.
	return {
		...report,
		reportType: report.reportType ?? 'user_activity',
		format: report.format ?? request.format,
		startDate: report.startDate ?? request.startDate,
		endDate: report.endDate ?? request.endDate,
		timeZone: report.timeZone ?? request.timeZone,
	};
}

export async function getReport(context: AdminContext, workspaceId: string, reportId: string): Promise<AnalyticsReport> {
	const { json } = await call(context, workspaceId, {
		method: 'GET',
		path: `/analytics/user_activity/reports/${encodeURIComponent(reportId)}`,
		query: { workspace_id: workspaceId },
		idempotent: true,
		action: 'read a user-activity analytics report',
		scope: SCOPES.userActivityReports,
		notFound: `No report ${reportId} in workspace ${workspaceId}: give the reportId that Create returned, with its workspace`,
		accepts: (body) => isObject(body) && typeof body.status === 'string',
	});
	// An answer without its own id is about the report asked for.
	return toReport({ id: reportId, ...(json as object) }, workspaceId)!;
}

export async function listReports(context: AdminContext, workspaceId: string, limit?: number): Promise<AnalyticsReport[]> {
	try {
		return await collect(
			context,
			{
				path: '/analytics/reports',
				query: { workspace_id: workspaceId },
				action: "list the workspace's analytics reports",
				scope: SCOPES.listAnalyticsReports,
				notFound: NO_WORKSPACE(workspaceId),
				cursorParam: 'start_cursor',
				paged: true,
			},
			(raw) => toReport(raw, workspaceId),
			limit,
		);
	} catch (error) {
		throw explained(error, workspaceId, SCOPES.listAnalyticsReports);
	}
}
