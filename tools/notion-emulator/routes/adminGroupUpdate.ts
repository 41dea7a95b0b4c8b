/** PATCH /admin/v1/spaces/{space_id}/groups/{group_id} `{name}`: a rename (409 on a SCIM group or a taken name). */
import { json } from '../answer';
import { endpoint } from '../admin/endpoint';
import { assertAdminManaged, assertNameFree, groupOf, renderGroup } from '../admin/groups';
import { jsonBody, stringField } from '../admin/query';

export const updateGroup = endpoint('PATCH', '/spaces/{space_id}/groups/{group_id}', 'permission-group:write', 'object', (req) => {
	const group = groupOf(req);
	const name = stringField(jsonBody(req.ctx), 'name');
	assertAdminManaged(group);
	assertNameFree(req, group.spaceId, name, group.id);
	const stored = req.org.adminGroups.get(group.id);
	if (stored) req.org.adminGroups.put({ ...stored, name });
	return json(200, renderGroup(req, { ...group, name }));
});
