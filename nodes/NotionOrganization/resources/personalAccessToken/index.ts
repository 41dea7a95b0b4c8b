import { defineResource } from '../../../common/operationKit/defineResource';
import type { NotionOrganizationClient } from '../../../common/connector/organization/organizationClient';
import { getAll } from './getAll';
import { revoke } from './revoke';

export const personalAccessToken = defineResource<NotionOrganizationClient>(
	{ name: 'Personal Access Token', value: 'personalAccessToken' },
	[getAll, revoke],
	'getAll',
);
