/**
 * Workspace export, enqueued on a member's behalf: POST /admin/v1/spaces/{space_id}/exports
 * (newer layout) or POST /admin/v1/exports with `space_id` in the body (older), per
 * `adminExportLayout`. Body: `export_type` html|markdown|pdf and `on_behalf_of_user_email` (an
 * active member of that workspace) required; `teamspace_ids` (uuids; then `export_type` in the
 * status is `teamspace`) and the documented options checked when present. Answers
 * `{export_job_id, task_id, status}` (`status` per `adminExportEnqueueStatus`).
 */
import { randomUUID } from 'node:crypto';
import { json } from '../answer';
import { endpoint, type AdminRequest } from '../admin/endpoint';
import { AdminFailure, validationError } from '../admin/errors';
import { jsonBody, stringField, uuidAt } from '../admin/query';
import { spaceOf } from '../admin/spaces';
import type { ExportFormat, ExportJobState } from '../admin/stateTypes';
import { adminSwitch } from '../admin/types';

const OPTIONS: Record<string, readonly unknown[] | 'boolean' | 'string'> = {
	collection_view_export_type: ['all', 'currentView'],
	include_contents: ['everything', 'no_files'],
	pdf_format: ['A3', 'A4', 'Legal', 'Letter', 'Tabloid'],
	flatten_export_filetree: 'boolean',
	include_comments: 'boolean',
	locale: 'string',
	time_zone: 'string',
};

function checkOptions(body: Record<string, unknown>): void {
	for (const [field, allowed] of Object.entries(OPTIONS)) {
		const value = body[field];
		if (value === undefined) continue;
		const ok = Array.isArray(allowed) ? allowed.includes(value) : typeof value === allowed;
		if (!ok) throw validationError(`body failed validation: body.${field} should be ${Array.isArray(allowed) ? allowed.map((a) => `\`"${String(a)}"\``).join(', ') : `a ${String(allowed)}`}, instead was \`${JSON.stringify(value)}\`.`);
	}
}

/** The layout a route belongs to must be served (else the route is unknown). */
export function assertLayout(req: AdminRequest, layout: 'newer' | 'older'): void {
	const served = adminSwitch(req.ctx.behaviours, 'adminExportLayout');
	if (served !== 'both' && served !== layout) throw new AdminFailure(400, 'invalid_request_url', 'Invalid request URL.');
}

function enqueue(req: AdminRequest, spaceId: string, body: Record<string, unknown>) {
	const format = body.export_type;
	if (format !== 'html' && format !== 'markdown' && format !== 'pdf') {
		throw validationError(`body failed validation: body.export_type should be \`"html"\`, \`"markdown"\` or \`"pdf"\`, instead was \`${JSON.stringify(format ?? null)}\`.`);
	}
	const email = stringField(body, 'on_behalf_of_user_email').toLowerCase();
	const raw = body.teamspace_ids ?? [];
	if (!Array.isArray(raw)) throw validationError('body failed validation: body.teamspace_ids should be an array of uuids.');
	const teamspaceIds = raw.map((id) => uuidAt(id, 'body.teamspace_ids[]'));
	checkOptions(body);
	const user = req.org.users(spaceId, req.ctx.store).find((u) => u.type === 'person' && u.email?.toLowerCase() === email);
	if (!user) {
		const message = `${email} is not an active member of workspace ${spaceId}.`;
		if (adminSwitch(req.ctx.behaviours, 'adminExportUnknownUser') === '400') throw validationError(message);
		throw new AdminFailure(404, 'object_not_found', message);
	}
	const now = req.ctx.store.now();
	const job: ExportJobState = {
		id: randomUUID(),
		taskId: randomUUID(),
		spaceId,
		userId: user.id,
		format: format as ExportFormat,
		exportType: teamspaceIds.length > 0 ? 'teamspace' : 'space',
		teamspaceIds,
		status: 'in_progress',
		reads: 0,
		createdAt: now,
		updatedAt: now,
		pagesExported: 0,
		fileKeys: [],
	};
	req.org.exports.put(job);
	return json(200, { export_job_id: job.id, task_id: job.taskId, status: adminSwitch(req.ctx.behaviours, 'adminExportEnqueueStatus') });
}

export const enqueueExport = endpoint('POST', '/spaces/{space_id}/exports', 'workspace:export', 'type', (req) => {
	assertLayout(req, 'newer');
	return enqueue(req, spaceOf(req).id, jsonBody(req.ctx));
});

export const enqueueExportOlder = endpoint('POST', '/exports', 'workspace:export', 'type', (req) => {
	assertLayout(req, 'older');
	const body = jsonBody(req.ctx);
	return enqueue(req, spaceOf({ ...req, params: { space_id: uuidAt(body.space_id, 'body.space_id') } }).id, body);
});
