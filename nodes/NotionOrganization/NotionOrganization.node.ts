import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { ORGANIZATION_CREDENTIAL } from '../common/n8n/credentialSettings';
import { NODE_ICON } from '../common/n8n/nodeIcon';
import { ACTION_NODE, resourceProperties, runSelectedOperation } from '../common/operationKit/resourceNode';
import { organizationFor } from '../common/n8n/organizationFromContext';
import { searchWorkspaces } from './listSearch/searchWorkspaces';
import { exportResource } from './resources/export';
import { legalHold } from './resources/legalHold';
import { mcpConnection } from './resources/mcpConnection';
import { member } from './resources/member';
import { permissionGroup } from './resources/permissionGroup';
import { personalAccessToken } from './resources/personalAccessToken';
import { session } from './resources/session';
import { workspace } from './resources/workspace';

/** In the order their fields appear in the editor; the Resource list is sorted by name. */
const resources = [workspace, member, session, personalAccessToken, mcpConnection, permissionGroup, exportResource, legalHold];

/**
 * Notion's Admin API with the organization bot token alone. A sibling of Notion Admin rather
 * than more of its operations: Notion Admin is bound to one workspace by its credentials (the
 * workspace's API key and SCIM token), while this token spans every workspace of the
 * organization, so its operations take the workspace as a parameter and never ask for a
 * workspace credential.
 */
export class NotionOrganization implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Notion Organization',
		name: 'notionOrganization',
		icon: NODE_ICON,
		...ACTION_NODE,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		usableAsTool: true,
		description:
			"Administer a whole Notion Enterprise organization with its Admin API: every workspace, its members, sessions, personal access tokens and MCP connections. Notion Admin manages one workspace; this node spans the organization's workspaces.",
		defaults: { name: 'Notion Organization' },
		credentials: [{ name: ORGANIZATION_CREDENTIAL, required: true }],
		properties: resourceProperties(resources, 'member'),
	};

	methods = {
		listSearch: { searchWorkspaces },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runSelectedOperation(this, resources, organizationFor);
	}
}
