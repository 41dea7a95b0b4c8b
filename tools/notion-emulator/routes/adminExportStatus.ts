/**
 * Export status: GET /admin/v1/spaces/{space_id}/exports/{export_job_id} (newer layout) or
 * GET /admin/v1/exports/{export_job_id}?space_id= (older; `space_id` required). Each read counts
 * toward the job's end (admin/exports.ts). A job of another workspace is 404.
 */
import { json } from '../answer';
import { endpoint, type AdminRequest } from '../admin/endpoint';
import { exportNotFound, readJob, renderStatus } from '../admin/exports';
import { uuidAt } from '../admin/query';
import { spaceOf } from '../admin/spaces';
import { assertLayout } from './adminExportEnqueue';

function status(req: AdminRequest, spaceId: string) {
	const id = uuidAt(req.params.export_job_id, 'path.export_job_id');
	const job = req.org.exports.get(id);
	if (!job || job.spaceId !== spaceId) throw exportNotFound(id);
	const now = req.ctx.store.now();
	return json(200, renderStatus(req.org, readJob(req.org, job, req.ctx.behaviours, now), now));
}

export const exportStatus = endpoint('GET', '/spaces/{space_id}/exports/{export_job_id}', 'workspace:export', 'type', (req) => {
	assertLayout(req, 'newer');
	return status(req, spaceOf(req).id);
});

export const exportStatusOlder = endpoint('GET', '/exports/{export_job_id}', 'workspace:export', 'type', (req) => {
	assertLayout(req, 'older');
	const spaceId = req.ctx.query.get('space_id') ?? undefined;
	return status(req, spaceOf({ ...req, params: { ...req.params, space_id: uuidAt(spaceId, 'query.space_id') } }).id);
});
