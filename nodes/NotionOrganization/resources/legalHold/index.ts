import { defineResource } from '../../../shared/operationKit/defineResource';
import type { NotionOrganizationClient } from '../../../shared/connector/organization/organizationClient';
import { addUsers, removeUsers } from './changeUsers';
import { create } from './create';
import { getAll } from './getAll';
import { release } from './release';

export const legalHold = defineResource<NotionOrganizationClient>(
	{ name: 'Legal Hold', value: 'legalHold' },
	[getAll, create, addUsers, removeUsers, release],
	'getAll',
);
