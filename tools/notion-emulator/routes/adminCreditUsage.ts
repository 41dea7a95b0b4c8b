/**
 * GET /admin/v1/spaces/{space_id}/users/credit_usage: every current member, zero usage included,
 * ordered by user id (P1, `type: "user_credit_usage"`, `page_size`/`start_cursor`).
 */
import { json } from '../answer';
import { endpoint } from '../admin/endpoint';
import { assertBilled, currentMembers, renderMemberUsage } from '../admin/creditUsage';
import { p1List, pageOf, pageRequest } from '../admin/pagination';
import { spaceOf } from '../admin/spaces';

export const listCreditUsage = endpoint('GET', '/spaces/{space_id}/users/credit_usage', 'user:read', 'object', (req) => {
	const space = spaceOf(req);
	assertBilled(req.org, space.id);
	const list = `credit_usage:${space.id}`;
	const request = pageRequest(req.ctx, list, 'start_cursor');
	const page = pageOf(currentMembers(req.org, space.id, req.ctx.store), (u) => u.id, list, request);
	const now = req.ctx.store.now();
	return json(200, p1List(req.ctx, 'user_credit_usage', page.results.map((u) => renderMemberUsage(req.org, u, now)), page.next));
});
