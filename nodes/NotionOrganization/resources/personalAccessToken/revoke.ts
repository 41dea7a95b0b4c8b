import { perItem } from '../../../common/operationKit/execute';
import type { NotionOrganizationClient } from '../../../common/connector/organization/organizationClient';
import { idField, readId, readWorkspaceId, workspaceLocator, type OrganizationOperation } from '../../fields';

export const revoke: OrganizationOperation = {
	option: {
		name: 'Revoke',
		value: 'revoke',
		description:
			'Revoke a personal access token for good: it can no longer call the API (scope personal-access-token:write-high-impact). Revoking it again changes nothing.',
		action: 'Revoke a personal access token',
	},
	fields: [
		workspaceLocator('The workspace the token belongs to'),
		idField('Token ID', 'tokenId', 'The "id" of the token, as Get Many lists it'),
	],
	execute: perItem({
		parse(itemIndex) {
			return { workspaceId: readWorkspaceId(this, itemIndex), tokenId: readId(this, itemIndex, 'tokenId', 'Token ID') };
		},

		async run(client: NotionOrganizationClient, { workspaceId, tokenId }) {
			return await client.revokePersonalAccessToken(workspaceId, tokenId);
		},
	}),
};
