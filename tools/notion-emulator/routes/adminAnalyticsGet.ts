/**
 * GET /admin/v1/analytics/user_activity/reports/{report_id}?workspace_id= (required): the report.
 * Each get moves it on and, once completed, mints a fresh download link (admin/analyticsReports.ts).
 * A report of another workspace is 404.
 */
import { json } from '../answer';
import { endpoint } from '../admin/endpoint';
import { readReport, renderReport, reportNotFound } from '../admin/analyticsReports';
import { uuidAt } from '../admin/query';
import { spaceOf } from '../admin/spaces';
import { userActivityScopes } from './adminAnalyticsCreate';

export const getUserActivityReport = endpoint('GET', '/analytics/user_activity/reports/{report_id}', userActivityScopes, 'object', (req) => {
	const space = spaceOf({ ...req, params: { space_id: uuidAt(req.ctx.query.get('workspace_id') ?? undefined, 'query.workspace_id') } });
	const id = uuidAt(req.params.report_id, 'path.report_id');
	const report = req.org.analytics.reports.get(id);
	if (!report || report.workspaceId !== space.id) throw reportNotFound(id);
	const now = req.ctx.store.now();
	return json(200, renderReport(req.org, readReport(req.org, report, req.ctx.behaviours, now), req.ctx.behaviours, now));
});
