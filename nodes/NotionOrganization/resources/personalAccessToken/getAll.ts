import type { IDataObject } from 'n8n-workflow';

import { filtersCollection, returnAllAndLimit } from '../../../common/operationKit/fields';
import { perItem } from '../../../common/operationKit/execute';
import { filterParameter, returnLimit } from '../../../common/operationKit/parameters';
import { NotionAdminError } from '../../../common/connector/errors';
import { TOKEN_STATUSES, type TokenStatus } from '../../../common/connector/organization/model';
import type { NotionOrganizationClient } from '../../../common/connector/organization/organizationClient';
import { quoteValue } from '../../../common/connector/redact';
import { normalizeId, requireEmail, requireName } from '../../../common/connector/validate';
import { oneAccount, peopleWithAddress } from '../../../common/connector/organization/workspaces';
import { readWorkspaceId, workspaceLocator, type OrganizationOperation } from '../../fields';

type Owner = { by: 'id'; id: string } | { by: 'email'; email: string };

function readOwner(value: unknown): Owner {
	const id = typeof value === 'string' ? normalizeId(value) : undefined;
	return id !== undefined ? { by: 'id', id } : { by: 'email', email: requireEmail(value, 'Filters → Owner') };
}

function readStatuses(value: unknown): TokenStatus[] {
	const wrong = Array.isArray(value) ? value.find((entry) => !TOKEN_STATUSES.includes(entry as TokenStatus)) : value;
	if (!Array.isArray(value) || wrong !== undefined) {
		throw new NotionAdminError('invalid_input', `${quoteValue(wrong)} is not a token status`, `Use ${TOKEN_STATUSES.join(', ')}`, {
			field: 'Filters → Status',
		});
	}
	return value as TokenStatus[];
}

export const getAll: OrganizationOperation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		description:
			"List a workspace's personal access tokens: active, expired and revoked, never their secrets (scope personal-access-token:read)",
		action: 'Get many personal access tokens',
	},
	fields: [
		workspaceLocator(),
		...returnAllAndLimit(),
		filtersCollection([
			{
				displayName: 'Owner',
				name: 'owner',
				type: 'string',
				placeholder: 'e.g. ada@example.com',
				default: '',
				description:
					'Only tokens created by this member: a user ID, or an email matched exactly among the workspace members (scope user:read)',
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				description: "Only tokens whose name matches this text (Notion's own matching)",
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'multiOptions',
				options: [
					{ name: 'Active', value: 'active' },
					{ name: 'Expired', value: 'expired' },
					{ name: 'Revoked', value: 'revoked' },
				],
				default: [],
			},
		]),
	],
	execute: perItem({
		parse(itemIndex) {
			return {
				workspaceId: readWorkspaceId(this, itemIndex),
				limit: returnLimit(this, itemIndex),
				owner: filterParameter(this, itemIndex, 'owner', readOwner),
				search: filterParameter(this, itemIndex, 'search', (value) => requireName(value, 'Filters → Search')),
				status: filterParameter(this, itemIndex, 'status', readStatuses),
			};
		},

		async run(client: NotionOrganizationClient, { workspaceId, limit, owner, search, status }) {
			let creatorIds: string[] | undefined;
			if (owner?.by === 'id') creatorIds = [owner.id];
			if (owner?.by === 'email') {
				const users = await client.listWorkspaceUsers(workspaceId);
				const match = oneAccount(
					peopleWithAddress(users, owner.email, workspaceId).map((user) => ({ user })),
					owner.email,
				)?.user;
				if (match === undefined) {
					throw new NotionAdminError('not_found', `No member of workspace ${workspaceId} has the email ${owner.email}`, 'Check the address, or give the owner by user ID');
				}
				creatorIds = [match.id];
			}
			const tokens = await client.listPersonalAccessTokens(
				workspaceId,
				{ creatorIds, search, status: status?.length ? status : undefined },
				{ limit },
			);
			return tokens as IDataObject[];
		},
	}),
};
