import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { WORKSPACE_CREDENTIALS } from '../shared/n8n/credentialSettings';
import { NODE_ICON } from '../shared/n8n/nodeIcon';
import { directoryFor } from '../shared/n8n/directoryFromContext';
import { searchGroups } from './listSearch/searchGroups';
import { searchUsers } from './listSearch/searchUsers';
import { group } from './resources/group';
import { user } from './resources/user';
import { workspace } from './resources/workspace';

/** In the order their fields appear in the editor; the Resource list is sorted by name. */
const resources = [user, group, workspace];

export class NotionAdmin implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Notion Admin',
		name: 'notionAdmin',
		icon: NODE_ICON,
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Administer a Notion workspace: add, change and remove members, manage groups over SCIM, and count seats',
		defaults: { name: 'Notion Admin' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: WORKSPACE_CREDENTIALS,
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: resources
					.map((resource) => resource.option)
					.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
				default: 'user',
			},
			...resources.flatMap((resource) => resource.properties),
		],
	};

	methods = {
		listSearch: { searchGroups, searchUsers },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const resource = this.getNodeParameter('resource', 0) as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		const run = resources.find((candidate) => candidate.option.value === resource)?.execute[
			operation
		];
		if (!run) {
			throw new NodeOperationError(
				this.getNode(),
				`The operation "${operation}" is not supported for the resource "${resource}"`,
			);
		}
		const directory = await directoryFor(this);
		return [await run.call(this, directory, this.getInputData())];
	}
}
