/**
 * POST /admin/v1/spaces/{space_id}/groups `{name}`: a new admin-managed group with no members.
 * A name an active group of that workspace already has (exactly, case-sensitive) is 409.
 */
import { randomUUID } from 'node:crypto';
import { json } from '../answer';
import { endpoint } from '../admin/endpoint';
import { assertNameFree, renderGroup } from '../admin/groups';
import { jsonBody, stringField } from '../admin/query';
import { spaceOf } from '../admin/spaces';

export const createGroup = endpoint('POST', '/spaces/{space_id}/groups', 'permission-group:write', 'object', (req) => {
	const space = spaceOf(req);
	const name = stringField(jsonBody(req.ctx), 'name');
	assertNameFree(req, space.id, name);
	const group = {
		id: randomUUID(),
		spaceId: space.id,
		name,
		ownsPages: false,
		members: [],
		createdTime: new Date(req.ctx.store.now()).toISOString(),
	};
	req.org.adminGroups.put(group);
	return json(200, renderGroup(req, { ...group, scimManaged: false }));
});
