/**
 * POST /admin/v1/legal_holds/{legal_hold_id}/users `{user_ids}`: holds more users (one already held
 * stays as is) and answers the hold. On a released hold: 400 (`adminLegalHoldReleasedEdits`).
 */
import { json } from '../answer';
import { endpoint } from '../admin/endpoint';
import { assertEditable, heldUsers, holdOf, renderHold, withUsers } from '../admin/legalHolds';
import { jsonBody } from '../admin/query';

export const addLegalHoldUsers = endpoint('POST', '/legal_holds/{legal_hold_id}/users', 'legal-hold:write', 'type', (req) => {
	const hold = holdOf(req);
	const userIds = heldUsers(req, jsonBody(req.ctx).user_ids, 'user_ids');
	assertEditable(req, hold);
	const next = withUsers(hold, [...hold.userIds, ...userIds]);
	req.org.legalHolds.put(next);
	return json(200, renderHold(req, next));
});
