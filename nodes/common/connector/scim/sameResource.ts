import { NotionAdminError } from '../errors';
import { normalizeId } from '../validate';

/** An answer about another member or group than the one asked for is wrong, never taken for it. */
export function sameResource<T extends { id: string }>(what: 'member' | 'group', id: string, resource: T): T {
	if (resource.id === (normalizeId(id) ?? id)) return resource;
	throw new NotionAdminError(
		'bad_response',
		`Asked for ${what} ${id}, the SCIM server answered with ${resource.id || 'no id'}`,
		'Check the SCIM Base URL: a proxy or server in between may answer for the wrong resource',
		{ api: 'scim' },
	);
}
