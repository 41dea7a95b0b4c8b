/**
 * Workspace exports on a member's behalf: start one (`POST /v1/spaces/{id}/exports`) and read its
 * status (`GET …/exports/{job}`). Notion published an older layout too (`POST /v1/exports` with
 * `space_id` in the body, `GET /v1/exports/{job}?space_id=`); a request the newer layout does not
 * route (400 `invalid_request_url`) is sent again in the older one.
 *
 * The download links are handed back, never fetched: they carry their own signature, and the
 * organization token must not travel to the host that serves them.
 */
import { NotionAdminError } from '../errors';
import { RequestFailure } from '../http/responseError';
import { quoteValue } from '../redact';
import { requireEmail, requireId, requireName } from '../validate';
import { adminCall, isObject, type AdminCall, type AdminContext } from './adminRequest';
import { optionalIds } from './inputs';
import { SCOPES } from './scopes';

export type ExportFormat = 'html' | 'markdown' | 'pdf';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['markdown', 'html', 'pdf'];

export interface ExportRequest {
	workspaceId: string;
	/** The member the export runs as: it holds what they can see. */
	onBehalfOfEmail: string;
	format: ExportFormat;
	/** Only these teamspaces; the whole workspace without. */
	teamspaceIds?: string[];
	/** false: pages only, no uploaded files (`include_contents: no_files`). */
	includeFiles?: boolean;
	includeComments?: boolean;
	flattenFileTree?: boolean;
	/** Databases with every view, or only the current one. */
	databaseViews?: 'all' | 'currentView';
}

export interface StartedExport {
	exportJobId: string;
	workspaceId: string;
	status: string;
}

export interface ExportStatus {
	exportJobId: string;
	workspaceId: string;
	status: 'in_progress' | 'completed' | 'failed' | string;
	format: string | null;
	exportType: string | null;
	pagesExported: number | null;
	/** Signed links: open them without any token. */
	downloadUrls: string[];
	/** When the links stop working (ISO time), once completed. */
	urlExpiresAt: string | null;
	sizeBytes: number | null;
	errorType: string | null;
	errorMessage: string | null;
	createdAt: string | null;
	updatedAt: string | null;
}

const NOT_FOUND = (workspaceId: string) =>
	`No live workspace ${workspaceId} in this organization, or no member there with that email (the export runs as an active member)`;

/** Epoch milliseconds (Notion's numbers) as an ISO time. */
const isoTime = (value: unknown): string | null =>
	typeof value === 'number' && Number.isFinite(value) ? new Date(value).toISOString() : null;
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const count = (value: unknown): number | null => (typeof value === 'number' ? value : null);

/** A job id is Notion's opaque string: anything non-empty without control characters. */
export const requireJobId = (value: unknown, field = 'exportJobId'): string => requireName(value, field);

export function checkExportRequest(request: ExportRequest): ExportRequest {
	if (!EXPORT_FORMATS.includes(request.format)) {
		throw new NotionAdminError('invalid_input', `${quoteValue(request.format)} is not an export format`, `Use ${EXPORT_FORMATS.join(', ')}`, { field: 'format' });
	}
	if (request.databaseViews !== undefined && request.databaseViews !== 'all' && request.databaseViews !== 'currentView') {
		throw new NotionAdminError('invalid_input', `${quoteValue(request.databaseViews)} is not all or currentView`, 'Use all or currentView', { field: 'databaseViews' });
	}
	return {
		...request,
		workspaceId: requireId(request.workspaceId, 'workspaceId'),
		onBehalfOfEmail: requireEmail(request.onBehalfOfEmail, 'onBehalfOfEmail'),
		teamspaceIds: optionalIds(request.teamspaceIds, 'teamspaceIds'),
	};
}

function enqueueBody(request: ExportRequest): Record<string, unknown> {
	const body: Record<string, unknown> = { export_type: request.format, on_behalf_of_user_email: request.onBehalfOfEmail };
	if (request.teamspaceIds?.length) body.teamspace_ids = request.teamspaceIds;
	if (request.includeFiles !== undefined) body.include_contents = request.includeFiles ? 'everything' : 'no_files';
	if (request.includeComments !== undefined) body.include_comments = request.includeComments;
	if (request.flattenFileTree !== undefined) body.flatten_export_filetree = request.flattenFileTree;
	if (request.databaseViews !== undefined) body.collection_view_export_type = request.databaseViews;
	return body;
}

/** The call in the newer layout, and again in the older one when Notion does not route the newer. */
async function eitherLayout(context: AdminContext, newer: AdminCall, older: AdminCall) {
	try {
		return await adminCall(context, newer);
	} catch (error) {
		if (!(error instanceof RequestFailure) || error.code !== 'invalid_request_url') throw error;
		return await adminCall(context, older);
	}
}

export async function startExport(context: AdminContext, request: ExportRequest): Promise<StartedExport> {
	const space = encodeURIComponent(request.workspaceId);
	const common = {
		method: 'POST' as const,
		action: "export a workspace on a member's behalf",
		scope: SCOPES.exportWorkspace,
		notFound: NOT_FOUND(request.workspaceId),
		accepts: (json: unknown) => isObject(json) && (typeof json.export_job_id === 'string' || typeof json.task_id === 'string'),
	};
	const body = enqueueBody(request);
	const { json } = await eitherLayout(
		context,
		{ ...common, path: `/spaces/${space}/exports`, body },
		{ ...common, path: '/exports', body: { ...body, space_id: request.workspaceId } },
	);
	const answer = json as { export_job_id?: string; task_id?: string; status?: unknown };
	return {
		exportJobId: answer.export_job_id ?? (answer.task_id as string),
		workspaceId: request.workspaceId,
		status: text(answer.status) ?? 'in_progress',
	};
}

export async function exportStatus(context: AdminContext, workspaceId: string, jobId: string): Promise<ExportStatus> {
	const common = {
		method: 'GET' as const,
		action: 'read the status of a workspace export',
		scope: SCOPES.exportWorkspace,
		notFound: `No export ${jobId} in workspace ${workspaceId}: give the exportJobId that Export → Start returned, with its workspace`,
		idempotent: true,
		accepts: (json: unknown) => isObject(json) && typeof json.status === 'string',
	};
	const { json } = await eitherLayout(
		context,
		{ ...common, path: `/spaces/${encodeURIComponent(workspaceId)}/exports/${encodeURIComponent(jobId)}` },
		{ ...common, path: `/exports/${encodeURIComponent(jobId)}`, query: { space_id: workspaceId } },
	);
	const body = json as Record<string, unknown>;
	return {
		exportJobId: text(body.export_job_id) ?? jobId,
		workspaceId,
		status: body.status as string,
		format: text(body.export_format),
		exportType: text(body.export_type),
		pagesExported: count(body.pages_exported),
		downloadUrls: Array.isArray(body.download_urls) ? body.download_urls.filter((url): url is string => typeof url === 'string') : [],
		urlExpiresAt: isoTime(body.url_expires_at),
		sizeBytes: count(body.final_zip_file_size_bytes),
		errorType: text(body.error_type),
		errorMessage: text(body.error_message),
		createdAt: isoTime(body.created_at),
		updatedAt: isoTime(body.updated_at),
	};
}
