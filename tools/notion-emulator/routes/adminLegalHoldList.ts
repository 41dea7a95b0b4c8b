/**
 * GET /admin/v1/legal_holds: every hold, active and released, by id (P2: `{legal_holds, next_cursor?}`,
 * `start_cursor` only, a fixed page size). `user_id` keeps the holds of that user.
 */
import { json } from '../answer';
import { endpoint } from '../admin/endpoint';
import { renderHold } from '../admin/legalHolds';
import { p2List, p2Request, pageOf } from '../admin/pagination';
import { uuidAt } from '../admin/query';

export const listLegalHolds = endpoint('GET', '/legal_holds', 'legal-hold:read', 'type', (req) => {
	const raw = req.ctx.query.get('user_id');
	const userId = raw === null ? undefined : uuidAt(raw, 'query.user_id');
	const holds = req.org.legalHolds.all().filter((h) => userId === undefined || h.userIds.includes(userId));
	const page = pageOf(holds, (h) => h.id, 'legal_holds', p2Request(req.ctx, 'legal_holds'));
	return json(200, p2List('legal_holds', page.results.map((h) => renderHold(req, h)), page.next));
});
