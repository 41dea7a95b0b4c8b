import { returnAllAndLimit } from '../../../common/operationKit/fields';
import { perItem } from '../../../common/operationKit/execute';
import { returnLimit } from '../../../common/operationKit/parameters';
import type { NotionOrganizationClient } from '../../../common/connector/organization/organizationClient';
import { readWorkspaceId, workspaceLocator, type OrganizationOperation } from '../../fields';
import { memberItem } from '../../output';

export const getAll: OrganizationOperation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		description: 'List the active members (restricted members included) and guest bots of one workspace (scope user:read)',
		action: 'Get many members of a workspace',
	},
	fields: [workspaceLocator(), ...returnAllAndLimit()],
	execute: perItem({
		parse(itemIndex) {
			return { workspaceId: readWorkspaceId(this, itemIndex), limit: returnLimit(this, itemIndex) };
		},

		async run(client: NotionOrganizationClient, { workspaceId, limit }) {
			const users = await client.listWorkspaceUsers(workspaceId, { limit });
			return users.map((user) => memberItem(user, workspaceId));
		},
	}),
};
