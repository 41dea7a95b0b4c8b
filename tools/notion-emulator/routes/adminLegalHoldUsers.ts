/** GET /admin/v1/legal_holds/{legal_hold_id}/users: every held user id (P2: `{user_ids, next_cursor?}`). */
import { json } from '../answer';
import { endpoint } from '../admin/endpoint';
import { holdOf } from '../admin/legalHolds';
import { p2List, p2Request, pageOf } from '../admin/pagination';

export const listLegalHoldUsers = endpoint('GET', '/legal_holds/{legal_hold_id}/users', 'legal-hold:read', 'type', (req) => {
	const hold = holdOf(req);
	const list = `legal_hold_users:${hold.id}`;
	const page = pageOf(hold.userIds, (id) => id, list, p2Request(req.ctx, list));
	return json(200, p2List('user_ids', page.results, page.next));
});
