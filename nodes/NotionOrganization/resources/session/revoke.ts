import type { IDataObject, INodeParameterResourceLocator } from 'n8n-workflow';

import { perItem } from '../../../common/operationKit/execute';
import { NotionAdminError } from '../../../common/connector/errors';
import type { NotionOrganizationClient } from '../../../common/connector/organization/organizationClient';
import { requireEmail, requireId } from '../../../common/connector/validate';
import { oneAccount } from '../../../common/connector/organization/workspaces';
import type { OrganizationOperation } from '../../fields';

type UserRef = { by: 'id'; id: string } | { by: 'email'; email: string };

export const revoke: OrganizationOperation = {
	option: {
		name: 'Revoke',
		value: 'revoke',
		description:
			"Sign a managed user (an account on the organization's verified domains) out of every session (scope managed-user-session:write)",
		action: "Revoke a user's sessions",
	},
	fields: [
		{
			displayName: 'User',
			name: 'user',
			type: 'resourceLocator',
			default: { mode: 'email', value: '' },
			required: true,
			description:
				'By email, the person must be a member of a workspace of the organization with exactly that address (scopes workspace:read and user:read to find them)',
			modes: [
				{ displayName: 'By Email', name: 'email', type: 'string', placeholder: 'e.g. ada@example.com' },
				{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. 5e0b2c7a-1b2c-4d3e-8f90-123456789abc' },
			],
		},
	],
	execute: perItem({
		parse(itemIndex): UserRef {
			const { mode, value } = this.getNodeParameter('user', itemIndex) as INodeParameterResourceLocator;
			if (mode === 'id') return { by: 'id', id: requireId(value, 'User (By ID)') };
			return { by: 'email', email: requireEmail(value, 'User (By Email)') };
		},

		async run(client: NotionOrganizationClient, ref): Promise<IDataObject> {
			if (ref.by === 'id') return { ...(await client.revokeSessions(ref.id)) };
			// Only an exact address of a member counts, so a typo signs nobody else out.
			const search = await client.findPersonInEveryWorkspace(ref.email);
			// An address under two ids is two accounts: signing out either would be a guess.
			const match = oneAccount(search.found, ref.email);
			if (match === undefined || match.user.email === null) {
				throw new NotionAdminError(
					'not_found',
					`No member of the organization's ${search.workspacesSearched} workspaces has the email ${ref.email}`,
					'Check the address, or revoke by the user ID',
				);
			}
			const revoked = await client.revokeSessionsByEmail(match.user.email);
			return {
				...revoked,
				userId: match.user.id,
				workspaceIds: search.found.map((entry) => entry.workspaceId),
			};
		},
	}),
};
