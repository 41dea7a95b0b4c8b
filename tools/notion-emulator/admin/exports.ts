/**
 * Workspace export jobs. A job moves from in progress to its end on its `adminExportReadsUntilDone`-th
 * status read (or at once through control.finishExport), never by wall-clock time, so a client
 * that sleeps on an injected clock sees the same answers. A completed job's download URLs point
 * at the file host and stay valid for `adminExportUrlLifetimeMs` from completion, by the emulator's
 * clock (EmulatorOptions.now).
 */
import { randomBytes } from 'node:crypto';
import type { Behaviours } from '../types';
import { AdminFailure } from './errors';
import type { Organization } from './organization';
import type { ExportJobState } from './stateTypes';
import { adminSwitch } from './types';

/** An empty ZIP archive (its end-of-central-directory record alone): what each download serves. */
export const EMPTY_ZIP = Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]);

export function exportNotFound(id: string): AdminFailure {
	return new AdminFailure(404, 'object_not_found', `Could not find export job with ID: ${id}.`);
}

/** Ends a job in progress as the switches say (`outcome` overrides `adminExportOutcome`). */
export function finishJob(org: Organization, job: ExportJobState, behaviours: Behaviours, now: number, outcome?: 'completed' | 'failed'): ExportJobState {
	if (job.status !== 'in_progress') return job;
	const ending = outcome ?? adminSwitch(behaviours, 'adminExportOutcome');
	const done: ExportJobState =
		ending === 'failed'
			? { ...job, status: 'failed', updatedAt: now, errorType: 'export_failed', errorMessage: 'The export could not be completed.' }
			: {
					...job,
					status: 'completed',
					updatedAt: now,
					pagesExported: 25 * Math.max(1, job.teamspaceIds.length),
					fileKeys: Array.from({ length: Math.max(1, adminSwitch(behaviours, 'adminExportFileCount')) }, () => randomBytes(16).toString('hex')),
					urlExpiresAt: now + adminSwitch(behaviours, 'adminExportUrlLifetimeMs'),
				};
	org.exports.put(done);
	return done;
}

/** One status read: counts it, finishes the job when its read has come. */
export function readJob(org: Organization, job: ExportJobState, behaviours: Behaviours, now: number): ExportJobState {
	const read = { ...job, reads: job.reads + 1 };
	org.exports.put(read);
	const due = read.reads >= adminSwitch(behaviours, 'adminExportReadsUntilDone');
	return due ? finishJob(org, read, behaviours, now) : read;
}

export function fileName(job: ExportJobState, index: number): string {
	return `Export-${job.id}-Part-${index + 1}.zip`;
}

export function renderStatus(org: Organization, job: ExportJobState, now: number): object {
	const completed = job.status === 'completed';
	return {
		export_job_id: job.id,
		export_type: job.exportType,
		export_format: job.format,
		status: job.status,
		created_at: job.createdAt,
		updated_at: job.updatedAt,
		pages_exported: job.pagesExported,
		download_available: completed && now < (job.urlExpiresAt ?? 0),
		...(completed
			? {
					download_urls: job.fileKeys.map((key, i) => `${org.fileHostUrl}/exports/${key}/${fileName(job, i)}`),
					url_expires_at: job.urlExpiresAt,
					final_zip_file_size_bytes: EMPTY_ZIP.length * job.fileKeys.length,
				}
			: {}),
		...(job.status === 'failed' ? { error_type: job.errorType, error_message: job.errorMessage } : {}),
	};
}
