/**
 * GET /admin/v1/analytics/reports?workspace_id= (required): the workspace's reports, oldest first
 * (P1, `type: "analytics_report"`, `page_size`/`start_cursor`), with their status as read now and
 * no download link (a get mints one). Listing does not move a report on.
 */
import { json } from '../answer';
import { endpoint } from '../admin/endpoint';
import { renderReport } from '../admin/analyticsReports';
import { p1List, pageOf, pageRequest } from '../admin/pagination';
import { uuidAt } from '../admin/query';
import { spaceOf } from '../admin/spaces';
import { adminSwitch } from '../admin/types';

export const listAnalyticsReports = endpoint('GET', '/analytics/reports', (b) => adminSwitch(b, 'adminAnalyticsListScopes'), 'object', (req) => {
	const space = spaceOf({ ...req, params: { space_id: uuidAt(req.ctx.query.get('workspace_id') ?? undefined, 'query.workspace_id') } });
	const list = `analytics:${space.id}`;
	const request = pageRequest(req.ctx, list, 'start_cursor');
	const reports = req.org.analytics.reports
		.all()
		.filter((r) => r.workspaceId === space.id)
		.map((r) => ({ r, key: `${String(r.createdAt).padStart(16, '0')}:${r.id}` }))
		.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
	const page = pageOf(reports, (x) => x.key, list, request);
	const now = req.ctx.store.now();
	return json(200, p1List(req.ctx, 'analytics_report', page.results.map((x) => renderReport(req.org, x.r, req.ctx.behaviours, now, false)), page.next));
});
