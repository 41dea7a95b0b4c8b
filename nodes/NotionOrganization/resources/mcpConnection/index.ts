import { defineResource } from '../../../common/operationKit/defineResource';
import type { NotionOrganizationClient } from '../../../common/connector/organization/organizationClient';
import { getAll } from './getAll';
import { denyManagedAccess } from './denyManagedAccess';
import { restoreManagedAccess } from './restoreManagedAccess';
import { revoke } from './revoke';

export const mcpConnection = defineResource<NotionOrganizationClient>(
	{ name: 'MCP Connection', value: 'mcpConnection' },
	[getAll, revoke, denyManagedAccess, restoreManagedAccess],
	'getAll',
);
