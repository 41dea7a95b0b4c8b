/** GET /admin/v1/spaces/{space_id}/groups/{group_id}: one group, SCIM-managed ones too. */
import { json } from '../answer';
import { endpoint } from '../admin/endpoint';
import { groupOf, renderGroup } from '../admin/groups';

export const getGroup = endpoint('GET', '/spaces/{space_id}/groups/{group_id}', 'permission-group:read', 'object', (req) => json(200, renderGroup(req, groupOf(req))));
