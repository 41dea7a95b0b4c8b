import { defineResource } from '../../../common/operationKit/defineResource';
import type { NotionOrganizationClient } from '../../../common/connector/organization/organizationClient';
import { findInEveryWorkspace } from './findInEveryWorkspace';
import { getAll } from './getAll';

export const member = defineResource<NotionOrganizationClient>(
	{ name: 'Member', value: 'member' },
	[getAll, findInEveryWorkspace],
	'getAll',
);
