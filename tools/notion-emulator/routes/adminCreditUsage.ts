/**
 * GET /admin/v1/spaces/{space_id}/users/credit_usage: every current member, zero usage included,
 * ordered by user id (P1, `type: "user_credit_usage"`, `page_size`/`start_cursor`); the current
 * billing period on each result or beside `results` (`adminCreditUsagePeriodAt`).
 */
import { json } from '../answer';
import { endpoint } from '../admin/endpoint';
import { assertBilled, currentMembers, currentPeriod, renderMemberUsage } from '../admin/creditUsage';
import { p1List, pageOf, pageRequest } from '../admin/pagination';
import { spaceOf } from '../admin/spaces';
import { adminSwitch } from '../admin/types';

export const listCreditUsage = endpoint('GET', '/spaces/{space_id}/users/credit_usage', 'user:read', 'object', (req) => {
	const space = spaceOf(req);
	assertBilled(req.org, space.id);
	const name = `credit_usage:${space.id}`;
	const page = pageOf(currentMembers(req.org, space.id, req.ctx.store), (u) => u.id, name, pageRequest(req.ctx, name, 'start_cursor'));
	const now = req.ctx.store.now();
	const onResult = adminSwitch(req.ctx.behaviours, 'adminCreditUsagePeriodAt') === 'result';
	const list = p1List(req.ctx, 'user_credit_usage', page.results.map((u) => renderMemberUsage(req.org, u, now, onResult)), page.next);
	return json(200, onResult ? list : { ...list, ...currentPeriod(now) });
});
