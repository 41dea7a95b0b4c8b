/**
 * The organization client's exports: start, status, and waiting until an export is done
 * (statusPolling.ts: paced reads, pauses on the injected clock).
 */
import type { Clock } from '../http/pacer';
import { NotionAdminError } from '../errors';
import { outcomeUnknown } from '../http/createOnce';
import type { AdminContext } from './adminRequest';
import {
	checkExportRequest,
	exportStatus,
	requireJobId,
	startExport,
	type ExportRequest,
	type ExportStatus,
	type StartedExport,
} from './workspaceExports';
import { requireId } from '../validate';
import { pollUntilDone, type JobWatch, type WaitOptions } from './statusPolling';

/** Notion documents no interval; an export of a small workspace takes seconds. */
const FIRST_POLL_MS = 2_000;

export class WorkspaceExports {
	constructor(
		private readonly context: AdminContext,
		private readonly clock: Clock,
	) {}

	async start(request: ExportRequest): Promise<StartedExport> {
		const checked = checkExportRequest(request);
		try {
			return await startExport(this.context, checked);
		} catch (error) {
			if (!outcomeUnknown(error)) throw error;
			// Never sent again (a second export would start), and Notion lists no exports to look in.
			throw new NotionAdminError(
				'outcome_unknown',
				`${error.message} — whether the export of workspace ${checked.workspaceId} started is unknown`,
				'Notion may be exporting it now, and it lists no exports to check: wait for its result before starting another',
				{ api: 'organization', httpStatus: error.httpStatus, requestId: error.requestId },
			);
		}
	}

	async status(workspaceId: string, exportJobId: string): Promise<ExportStatus> {
		return await exportStatus(this.context, requireId(workspaceId, 'workspaceId'), requireJobId(exportJobId));
	}

	/**
	 * Until the export is completed (its status, with the download links) or failed (an error
	 * with Notion's reason). At the timeout, an error saying the export is still running and how
	 * to read its status later; its `applied` names the job.
	 */
	async waitUntilDone(workspaceId: string, exportJobId: string, options: WaitOptions): Promise<ExportStatus> {
		const space = requireId(workspaceId, 'workspaceId');
		const job = requireJobId(exportJobId);
		return await pollUntilDone(this.clock, options, EXPORT_WATCH, () => exportStatus(this.context, space, job).catch(unreadable(space, job)));
	}
}

/** Completed; failed throws Notion's reason. */
function exportDone(status: ExportStatus): boolean {
	if (status.status === 'failed') throw failed(status);
	return status.status === 'completed';
}

function failed(status: ExportStatus): NotionAdminError {
	const reason = [status.errorType, status.errorMessage].filter((part) => part !== null).join(': ') || 'no reason given';
	return new NotionAdminError(
		'refused',
		`Notion's export ${status.exportJobId} of workspace ${status.workspaceId} failed (${reason})`,
		'Start the export again; if it fails again, export fewer teamspaces or leave out files',
		{ api: 'organization', applied: { exportJobId: status.exportJobId, workspaceId: status.workspaceId, status: 'failed' } },
	);
}

function stillRunning(status: ExportStatus, timeoutMs: number): NotionAdminError {
	return new NotionAdminError(
		'timeout',
		`Export ${status.exportJobId} of workspace ${status.workspaceId} is still running after ${Math.round(timeoutMs / 1000)} s (${status.pagesExported ?? 0} pages so far)`,
		`It goes on at Notion: check it later with Export → Get Status (this workspace, Export Job ID ${status.exportJobId}), or wait longer with a larger Timeout. Do not start another export for it.`,
		{ api: 'organization', applied: { exportJobId: status.exportJobId, workspaceId: status.workspaceId, status: status.status } },
	);
}

/** A status read that failed while waiting: the export was started all the same, and is named. */
function unreadable(workspaceId: string, exportJobId: string): (error: unknown) => never {
	return (error) => {
		if (!(error instanceof NotionAdminError)) throw error;
		throw new NotionAdminError(
			error.kind,
			error.message,
			`${error.hint}. The export was started and may go on at Notion: check it with Export → Get Status (this workspace, Export Job ID ${exportJobId}) before starting another`,
			{ api: 'organization', httpStatus: error.httpStatus, requestId: error.requestId, applied: { exportJobId, workspaceId, status: 'unknown' } },
		);
	};
}

const EXPORT_WATCH: JobWatch<ExportStatus> = { done: exportDone, stillRunning, firstPollMs: FIRST_POLL_MS };
