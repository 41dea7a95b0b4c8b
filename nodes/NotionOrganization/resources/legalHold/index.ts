import { defineResource } from '../../../common/operationKit/defineResource';
import type { NotionOrganizationClient } from '../../../common/connector/organization/organizationClient';
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
