import type { IDataObject } from 'n8n-workflow';

import { perItem } from '../../../common/operationKit/execute';
import type { NotionOrganizationClient } from '../../../common/connector/organization/organizationClient';
import { requireName } from '../../../common/connector/validate';
import type { OrganizationOperation } from '../../fields';
import { groupFields, groupName, readGroupRef } from './fields';

export const rename: OrganizationOperation = {
	option: {
		name: 'Rename',
		value: 'rename',
		description:
			"Rename an admin-managed permission group (scope permission-group:write). SCIM-managed groups are renamed in the identity provider or with Notion Admin's Group → Rename.",
		action: 'Rename a permission group',
	},
	fields: [...groupFields(), groupName('The new name, unique among the workspace\'s groups')],
	execute: perItem({
		parse(itemIndex) {
			return { ref: readGroupRef(this, itemIndex), name: requireName(this.getNodeParameter('name', itemIndex), 'Name') };
		},

		async run(client: NotionOrganizationClient, { ref, name }) {
			return (await client.permissionGroups.rename(ref, name)) as IDataObject;
		},
	}),
};
