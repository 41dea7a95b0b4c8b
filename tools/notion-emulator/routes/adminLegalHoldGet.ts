/** GET /admin/v1/legal_holds/{legal_hold_id}: one hold, active or released. */
import { json } from '../answer';
import { endpoint } from '../admin/endpoint';
import { holdOf, renderHold } from '../admin/legalHolds';

export const getLegalHold = endpoint('GET', '/legal_holds/{legal_hold_id}', 'legal-hold:read', 'type', (req) => json(200, renderHold(req, holdOf(req))));
