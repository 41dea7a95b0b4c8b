import type { IDataObject } from 'n8n-workflow';

import { perItem } from '../../../common/operationKit/execute';
import { emailField } from '../../../common/operationKit/fields';
import type { NotionOrganizationClient } from '../../../common/connector/organization/organizationClient';
import { requireEmail } from '../../../common/connector/validate';
import type { OrganizationOperation } from '../../fields';

export const findInEveryWorkspace: OrganizationOperation = {
	option: {
		name: 'Find in Every Workspace',
		value: 'findInEveryWorkspace',
		description:
			'Every workspace of the organization where a person with exactly this email is a member (case aside; scopes workspace:read and user:read)',
		action: 'Find a person in every workspace',
	},
	fields: [
		emailField('Only this exact address counts; a similar one never does'),
	],
	execute: perItem({
		parse(itemIndex) {
			return requireEmail(this.getNodeParameter('email', itemIndex), 'Email');
		},

		async run(client: NotionOrganizationClient, email): Promise<IDataObject> {
			const search = await client.findPersonInEveryWorkspace(email);
			return {
				email: search.email,
				found: search.found.length > 0,
				workspaces: search.found.map((entry) => ({
					workspaceId: entry.workspaceId,
					workspaceName: entry.workspaceName,
					userId: entry.user.id,
					name: entry.user.name,
					email: entry.user.email,
				})),
				workspacesSearched: search.workspacesSearched,
			};
		},
	}),
};
