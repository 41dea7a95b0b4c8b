/** SCIM discovery: ServiceProviderConfig and ResourceTypes (RFC 7643 §5–6; reference §3.8). */
import { type Answer, json } from '../answer';
import type { RequestContext } from '../context';
import { ScimFailure } from '../errors';
import { listResponse } from '../scim/list';
import { ENTERPRISE_USER_URN, NOTION_USER_URN } from '../scim/patch';
import { GROUP_URN } from './scimGroups';
import { USER_URN } from './scimUsers';

const SPC_URN = 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig';
const RESOURCE_TYPE_URN = 'urn:ietf:params:scim:schemas:core:2.0:ResourceType';

export function scimDiscovery(ctx: RequestContext): Answer {
	const [resource, ...rest] = ctx.segments;
	if (ctx.method !== 'GET' || rest.length > 0)
		throw new ScimFailure(405, `${ctx.method} is not supported here`);
	const base = `${ctx.baseUrl}/scim/v2`;
	if (resource === 'ServiceProviderConfig') {
		return json(200, {
			schemas: [SPC_URN],
			patch: { supported: true },
			bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
			filter: { supported: true, maxResults: ctx.behaviours.scimMaxResults },
			changePassword: { supported: false },
			sort: { supported: false },
			etag: { supported: false },
			authenticationSchemes: [
				{ type: 'oauthbearertoken', name: 'OAuth Bearer Token', description: 'Bearer token' },
			],
			meta: { resourceType: 'ServiceProviderConfig', location: `${base}/ServiceProviderConfig` },
		});
	}
	const types = [
		{
			schemas: [RESOURCE_TYPE_URN],
			id: 'User',
			name: 'User',
			endpoint: '/Users',
			description: 'Workspace members',
			schema: USER_URN,
			schemaExtensions: [
				{ schema: ENTERPRISE_USER_URN, required: false },
				{ schema: NOTION_USER_URN, required: false },
			],
			meta: { resourceType: 'ResourceType', location: `${base}/ResourceTypes/User` },
		},
		{
			schemas: [RESOURCE_TYPE_URN],
			id: 'Group',
			name: 'Group',
			endpoint: '/Groups',
			description: 'Workspace groups',
			schema: GROUP_URN,
			meta: { resourceType: 'ResourceType', location: `${base}/ResourceTypes/Group` },
		},
	];
	return json(
		200,
		ctx.behaviours.resourceTypesShape === 'array' ? types : listResponse(types.length, 1, types),
	);
}
