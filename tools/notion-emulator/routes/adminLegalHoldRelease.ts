/**
 * POST /admin/v1/legal_holds/{legal_hold_id}/release: ends a hold for good (`status: "released"`,
 * `end_date` now unless one was set earlier). Releasing again answers the hold, or 409 under
 * `adminLegalHoldReleaseRepeat: '409'`.
 */
import { json } from '../answer';
import { endpoint } from '../admin/endpoint';
import { AdminFailure } from '../admin/errors';
import { holdOf, renderHold } from '../admin/legalHolds';
import { adminSwitch } from '../admin/types';

export const releaseLegalHold = endpoint('POST', '/legal_holds/{legal_hold_id}/release', 'legal-hold:write-high-impact', 'type', (req) => {
	const hold = holdOf(req);
	if (hold.status === 'released') {
		if (adminSwitch(req.ctx.behaviours, 'adminLegalHoldReleaseRepeat') === '409') {
			throw new AdminFailure(409, 'conflict_error', `Legal hold ${hold.id} is already released.`);
		}
		return json(200, renderHold(req, hold));
	}
	const now = req.ctx.store.now();
	const released = { ...hold, status: 'released' as const, endDate: hold.endDate !== undefined && hold.endDate < now ? hold.endDate : now };
	req.org.legalHolds.put(released);
	return json(200, renderHold(req, released));
});
