import type { IDataObject } from 'n8n-workflow';

import { perItem } from '../../../common/operationKit/execute';
import type { NotionOrganizationClient } from '../../../common/connector/organization/organizationClient';
import type { OrganizationOperation } from '../../fields';
import { groupFields, readGroupRef } from './fields';

export const get: OrganizationOperation = {
	option: {
		name: 'Get',
		value: 'get',
		description: 'Read one permission group, admin-managed or SCIM-managed (scope permission-group:read)',
		action: 'Get a permission group',
	},
	fields: groupFields(),
	execute: perItem({
		parse(itemIndex) {
			return readGroupRef(this, itemIndex);
		},

		async run(client: NotionOrganizationClient, ref) {
			return (await client.permissionGroups.get(ref)) as IDataObject;
		},
	}),
};
