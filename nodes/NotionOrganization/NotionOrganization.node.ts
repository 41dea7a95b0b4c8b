import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { ORGANIZATION_CREDENTIAL } from '../shared/n8n/credentialSettings';
import { NODE_ICON } from '../shared/n8n/nodeIcon';
import { organizationFor } from '../shared/n8n/organizationFromContext';
import { searchWorkspaces } from './listSearch/searchWorkspaces';
import { mcpConnection } from './resources/mcpConnection';
import { member } from './resources/member';
import { personalAccessToken } from './resources/personalAccessToken';
import { session } from './resources/session';
import { workspace } from './resources/workspace';

/** In the order their fields appear in the editor; the Resource list is sorted by name. */
const resources = [workspace, member, session, personalAccessToken, mcpConnection];

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
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			"Administer a whole Notion Enterprise organization with its Admin API: every workspace, its members, sessions, personal access tokens and MCP connections. Notion Admin manages one workspace; this node spans the organization's workspaces.",
		defaults: { name: 'Notion Organization' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: ORGANIZATION_CREDENTIAL, required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: resources
					.map((resource) => resource.option)
					.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
				default: 'member',
			},
			...resources.flatMap((resource) => resource.properties),
		],
	};

	methods = {
		listSearch: { searchWorkspaces },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const resource = this.getNodeParameter('resource', 0) as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		const run = resources.find((candidate) => candidate.option.value === resource)?.execute[operation];
		if (!run) {
			throw new NodeOperationError(
				this.getNode(),
				`The operation "${operation}" is not supported for the resource "${resource}"`,
			);
		}
		const client = await organizationFor(this);
		return [await run.call(this, client, this.getInputData())];
	}
}
