import { defineResource } from '../../../common/operationKit/defineResource';
import type { NotionOrganizationClient } from '../../../common/connector/organization/organizationClient';
import { addMembers } from './addMembers';
import { create } from './create';
import { deleteGroup } from './delete';
import { get } from './get';
import { getAll } from './getAll';
import { getMembers } from './getMembers';
import { removeMembers } from './removeMembers';
import { rename } from './rename';

/** Admin-managed groups are changed here; SCIM-managed ones only read (Notion Admin's Group operations change them). */
export const permissionGroup = defineResource<NotionOrganizationClient>(
	{ name: 'Permission Group', value: 'permissionGroup' },
	[getAll, get, create, rename, deleteGroup, getMembers, addMembers, removeMembers],
	'getAll',
);
