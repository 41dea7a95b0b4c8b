/**
 * GET /admin/v1/spaces/{space_id}/users/{user_id}/credit_usage: one member's usage per billing
 * period, the current one first (P1, `type: "user_credit_usage_period"`). 404 when the user is no
 * current member of the workspace (guests, bots, people who left) or it has no billing period.
 */
import { json } from '../answer';
import { endpoint } from '../admin/endpoint';
import { assertBilled, currentMembers, memberPeriods } from '../admin/creditUsage';
import { AdminFailure } from '../admin/errors';
import { p1List, pageOf, pageRequest } from '../admin/pagination';
import { uuidAt } from '../admin/query';
import { spaceOf } from '../admin/spaces';

export const listCreditUsagePeriods = endpoint('GET', '/spaces/{space_id}/users/{user_id}/credit_usage', 'user:read', 'object', (req) => {
	const space = spaceOf(req);
	const userId = uuidAt(req.params.user_id, 'path.user_id');
	assertBilled(req.org, space.id);
	const user = currentMembers(req.org, space.id, req.ctx.store).find((u) => u.id === userId);
	if (!user) throw new AdminFailure(404, 'object_not_found', `Could not find user with ID: ${userId}.`);
	const list = `credit_periods:${space.id}:${userId}`;
	const request = pageRequest(req.ctx, list, 'start_cursor');
	const page = pageOf(memberPeriods(req.org, user, req.ctx.store.now()), (p) => p.key, list, request);
	return json(200, p1List(req.ctx, 'user_credit_usage_period', page.results.map((p) => p.body), page.next));
});
