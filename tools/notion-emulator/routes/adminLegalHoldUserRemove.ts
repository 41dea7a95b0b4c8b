/**
 * DELETE /admin/v1/legal_holds/{legal_hold_id}/users/{user_id}: stops holding one user (404 when
 * not held). Answers the hold, or no body under `adminLegalHoldRemoveAnswer: 'empty'`.
 */
import { json } from '../answer';
import { endpoint } from '../admin/endpoint';
import { AdminFailure } from '../admin/errors';
import { assertEditable, holdOf, renderHold, withUsers } from '../admin/legalHolds';
import { uuidAt } from '../admin/query';
import { adminSwitch } from '../admin/types';

export const removeLegalHoldUser = endpoint('DELETE', '/legal_holds/{legal_hold_id}/users/{user_id}', 'legal-hold:write', 'type', (req) => {
	const hold = holdOf(req);
	const userId = uuidAt(req.params.user_id, 'path.user_id');
	if (!hold.userIds.includes(userId)) throw new AdminFailure(404, 'object_not_found', `User ${userId} is not held by legal hold ${hold.id}.`);
	assertEditable(req, hold);
	const next = withUsers(hold, hold.userIds.filter((id) => id !== userId));
	req.org.legalHolds.put(next);
	return adminSwitch(req.ctx.behaviours, 'adminLegalHoldRemoveAnswer') === 'empty' ? { status: 200 } : json(200, renderHold(req, next));
});
