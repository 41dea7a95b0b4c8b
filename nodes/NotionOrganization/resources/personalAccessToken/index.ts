import { defineResource } from '../../../shared/operationKit/defineResource';
import type { NotionOrganizationClient } from '../../../shared/connector/organization/organizationClient';
import { getAll } from './getAll';
import { revoke } from './revoke';

export const personalAccessToken = defineResource<NotionOrganizationClient>(
	{ name: 'Personal Access Token', value: 'personalAccessToken' },
	[getAll, revoke],
	'getAll',
);
