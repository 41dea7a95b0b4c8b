import { defineResource } from '../../../shared/operationKit/defineResource';
import type { NotionOrganizationClient } from '../../../shared/connector/organization/organizationClient';
import { addUsers } from './addUsers';
import { create } from './create';
import { getAll } from './getAll';
import { release } from './release';
import { removeUsers } from './removeUsers';

export const legalHold = defineResource<NotionOrganizationClient>(
	{ name: 'Legal Hold', value: 'legalHold' },
	[getAll, create, addUsers, removeUsers, release],
	'getAll',
);
