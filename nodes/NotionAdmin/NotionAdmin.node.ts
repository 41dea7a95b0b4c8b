import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { WORKSPACE_CREDENTIALS } from '../common/n8n/credentialSettings';
import { NODE_ICON } from '../common/n8n/nodeIcon';
import { ACTION_NODE, resourceProperties, runSelectedOperation } from '../common/operationKit/resourceNode';
import { directoryFor } from '../common/n8n/directoryFromContext';
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
		...ACTION_NODE,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		usableAsTool: true,
		description:
			'Administer a Notion workspace: add, change and remove members, manage groups over SCIM, and count seats',
		defaults: { name: 'Notion Admin' },
		credentials: WORKSPACE_CREDENTIALS,
		properties: resourceProperties(resources, 'user'),
	};

	methods = {
		listSearch: { searchGroups, searchUsers },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runSelectedOperation(this, resources, directoryFor);
	}
}
