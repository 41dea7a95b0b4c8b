/**
 * The organization client's user-activity reports: create (its dates checked first), read, list,
 * wait until done, and read a completed report's rows as its file arrives.
 *
 * Waiting works as for exports: the status is read with growing pauses (Notion suggests about
 * every 30 s) through the same requester, so each read is paced within the credential's request
 * budget; the pauses go through the injected clock, never a timer of its own, and a clock that
 * does not move still ends the wait at the timeout (the pauses taken count as time waited).
 *
 * The file is fetched through a FileDownload that gets the signed link and nothing else: no
 * Authorization header ever reaches the file host. A link refused by the host (expired, or its
 * signature no longer good) is renewed once by reading the report again, which gives a fresh
 * link while the file exists; a second refusal fails, saying so.
 */
import { NotionAdminError } from '../errors';
import type { Clock } from '../http/pacer';
import { requireId } from '../validate';
import type { AdminContext } from './adminRequest';
import { createReport, getReport, listReports, requireReportId, type AnalyticsReport } from './analyticsApi';
import { pollUntilDone, type JobWatch, type WaitOptions } from './statusPolling';
import { checkLimit } from './inputs';
import type { LimitOption } from './model';
import { DOWNLOAD_TIMEOUT_MS, decodedText, hostOf, openFile, type FileDownload } from './reportFile';
import { checkReportRequest, type ReportRequest } from './reportRequest';
import { activityRows, type ActivityRow } from './reportRows';

const FIRST_POLL_MS = 5_000;
/** What a file host answers to a link it no longer takes. */
const LINK_REFUSED = new Set([401, 403, 404, 410]);

export interface RowsOptions {
	/** How long the whole download may take, in milliseconds. */
	timeoutMs?: number;
}

const applied = (report: AnalyticsReport) => ({ reportId: report.reportId, workspaceId: report.workspaceId, status: report.status });

export class AnalyticsReports {
	constructor(
		private readonly context: AdminContext,
		private readonly clock: Clock,
		private readonly download: FileDownload,
	) {}

	/** Checks the dates against today in the report's time zone, then asks Notion for the report. */
	async create(request: ReportRequest): Promise<AnalyticsReport> {
		return await createReport(this.context, checkReportRequest(request, this.clock.now()));
	}

	async get(workspaceId: string, reportId: string): Promise<AnalyticsReport> {
		return await getReport(this.context, requireId(workspaceId, 'workspaceId'), requireReportId(reportId));
	}

	/** The workspace's reports (any token of the organization may have made them). */
	async list(workspaceId: string, options: LimitOption = {}): Promise<AnalyticsReport[]> {
		return await listReports(this.context, requireId(workspaceId, 'workspaceId'), checkLimit(options.limit));
	}

	/**
	 * Until the report is completed (with its link). Failed or expired: an error with Notion's
	 * reason. At the timeout: an error saying the report is still being made, naming it.
	 */
	async waitUntilDone(workspaceId: string, reportId: string, options: WaitOptions): Promise<AnalyticsReport> {
		const space = requireId(workspaceId, 'workspaceId');
		const id = requireReportId(reportId);
		return await pollUntilDone(this.clock, options, REPORT_WATCH, () => getReport(this.context, space, id).catch(unreadable(space, id)));
	}

	/**
	 * A completed report's rows, one at a time as the file arrives. A report read earlier whose
	 * link has passed its expiry (by the injected clock) is read again first.
	 */
	async *rows(report: AnalyticsReport, options: RowsOptions = {}): AsyncGenerator<ActivityRow> {
		const timeoutMs = options.timeoutMs ?? DOWNLOAD_TIMEOUT_MS;
		let current = report;
		let renewed = false;
		const renew = async () => {
			renewed = true;
			current = await this.get(current.workspaceId, current.reportId);
		};
		if (current.status !== 'completed' || current.downloadUrl === null || linkPast(current, this.clock.now())) await renew();
		for (;;) {
			const link = linkOf(current);
			const file = await openFile(this.download, link, timeoutMs);
			if (file.status >= 200 && file.status < 300) {
				yield* activityRows(decodedText(file.body, hostOf(link)), current.format);
				return;
			}
			await file.cancel?.();
			if (LINK_REFUSED.has(file.status) && !renewed) {
				await renew();
				continue;
			}
			throw refusedLink(current, file.status, hostOf(link), renewed);
		}
	}
}

function linkPast(report: AnalyticsReport, now: number): boolean {
	return report.linkExpiresAt !== null && Date.parse(report.linkExpiresAt) <= now;
}

/** The link of a completed report; any other state is an error saying what to do. */
function linkOf(report: AnalyticsReport): string {
	if (report.status === 'completed' && report.downloadUrl !== null) return report.downloadUrl;
	if (report.status === 'failed' || report.status === 'expired') throw ended(report);
	if (report.status === 'completed') {
		throw new NotionAdminError('bad_response', `Notion gave no download link for the completed report ${report.reportId}`, 'Read the report again later', {
			api: 'organization',
			applied: applied(report),
		});
	}
	throw new NotionAdminError(
		'conflict',
		`Report ${report.reportId} of workspace ${report.workspaceId} is ${report.status}, not completed: it has no file yet`,
		'Wait until it is done first',
		{ api: 'organization', applied: applied(report) },
	);
}

function ended(report: AnalyticsReport): NotionAdminError {
	if (report.status === 'expired') {
		return new NotionAdminError(
			'not_found',
			`The file of report ${report.reportId} of workspace ${report.workspaceId} has expired (Notion keeps a report's file for 30 days)`,
			'Create a new report for the same dates',
			{ api: 'organization', applied: applied(report) },
		);
	}
	return new NotionAdminError(
		'refused',
		`Notion could not make report ${report.reportId} of workspace ${report.workspaceId} (${report.errorMessage ?? 'no reason given'})`,
		'Create the report again; if it fails again, try a shorter date range',
		{ api: 'organization', applied: applied(report) },
	);
}

/** Completed; failed or expired throws why (an expired file cannot be read any more). */
function reportDone(report: AnalyticsReport): boolean {
	if (report.status === 'failed' || report.status === 'expired') throw ended(report);
	return report.status === 'completed';
}

function stillRunning(report: AnalyticsReport, timeoutMs: number): NotionAdminError {
	return new NotionAdminError(
		'timeout',
		`Report ${report.reportId} of workspace ${report.workspaceId} is still ${report.status} after ${Math.round(timeoutMs / 1000)} s`,
		`Notion goes on making it: read it later by its id (${report.reportId}), or wait longer with a larger timeout. Do not create another for it.`,
		{ api: 'organization', applied: applied(report) },
	);
}

function refusedLink(report: AnalyticsReport, status: number, host: string, renewed: boolean): NotionAdminError {
	const extra = { api: 'organization' as const, httpStatus: status, applied: applied(report) };
	if (!LINK_REFUSED.has(status)) {
		return new NotionAdminError('unavailable', `${host} answered HTTP ${status} for the file of report ${report.reportId}`, 'Try again later', extra);
	}
	return new NotionAdminError(
		'forbidden',
		`${host} refused the file of report ${report.reportId} (HTTP ${status})${renewed ? ', also with the fresh link read from Notion' : ''}`,
		'The file host checks the token that made the link: see that the organization bot token is not revoked and still has its analytics scope, or create a new report',
		extra,
	);
}

/** A status read that failed while waiting: the report exists all the same, and is named. */
function unreadable(workspaceId: string, reportId: string): (error: unknown) => never {
	return (error) => {
		if (!(error instanceof NotionAdminError)) throw error;
		throw new NotionAdminError(error.kind, error.message, `${error.hint}. The report was created: read it later by its id (${reportId}) before creating another`, {
			api: 'organization',
			httpStatus: error.httpStatus,
			requestId: error.requestId,
			applied: { reportId, workspaceId, status: 'unknown' },
		});
	};
}

const REPORT_WATCH: JobWatch<AnalyticsReport> = { done: reportDone, stillRunning, firstPollMs: FIRST_POLL_MS };
