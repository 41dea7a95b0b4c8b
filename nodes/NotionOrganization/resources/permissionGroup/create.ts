import type { IDataObject } from 'n8n-workflow';

import { perItem } from '../../../common/operationKit/execute';
import type { NotionOrganizationClient } from '../../../common/connector/organization/organizationClient';
import { requireName } from '../../../common/connector/validate';
import { readWorkspaceId, workspaceLocator, type OrganizationOperation } from '../../fields';
import { groupName } from './fields';

export const create: OrganizationOperation = {
	option: {
		name: 'Create',
		value: 'create',
		description: 'Create an admin-managed permission group in a workspace (scope permission-group:write)',
		action: 'Create a permission group',
	},
	fields: [workspaceLocator(), groupName('Unique among the workspace\'s groups, exactly (upper and lower case differ)')],
	execute: perItem({
		parse(itemIndex) {
			return { workspaceId: readWorkspaceId(this, itemIndex), name: requireName(this.getNodeParameter('name', itemIndex), 'Name') };
		},

		async run(client: NotionOrganizationClient, { workspaceId, name }) {
			return (await client.permissionGroups.create(workspaceId, name)) as IDataObject;
		},
	}),
};
