import type { INodeProperties } from 'n8n-workflow';

import type { OperationExecute } from '../../shared/execute';
import * as addMembers from './addMembers';
import * as create from './create';
import * as deleteGroup from './delete';
import * as get from './get';
import * as getAll from './getAll';
import * as getMembers from './getMembers';
import * as removeMembers from './removeMembers';
import * as rename from './rename';
import * as setMembers from './setMembers';

export const groupOperations: Record<string, OperationExecute> = {
	addMembers: addMembers.execute,
	create: create.execute,
	delete: deleteGroup.execute,
	get: get.execute,
	getAll: getAll.execute,
	getMembers: getMembers.execute,
	removeMembers: removeMembers.execute,
	rename: rename.execute,
	setMembers: setMembers.execute,
};

export const groupDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['group'] } },
		options: [
			{
				name: 'Add Members',
				value: 'addMembers',
				description:
					'Add one or many workspace members to a group; items for the same group are sent together (needs SCIM)',
				action: 'Add members to a group',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create a group, optionally with members (needs SCIM)',
				action: 'Create a group',
			},
			{
				name: 'Delete',
				value: 'delete',
				description:
					'Delete a group; Notion refuses if pages would lose their last full-access holder (needs SCIM)',
				action: 'Delete a group',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a group by ID or name, with its member IDs',
				action: 'Get a group',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the workspace groups, optionally by name',
				action: 'Get many groups',
			},
			{
				name: 'Get Members',
				value: 'getMembers',
				description: 'List the members of a group, one item per member',
				action: 'Get the members of a group',
			},
			{
				name: 'Remove Members',
				value: 'removeMembers',
				description:
					'Take one or many members out of a group; they stay in the workspace (needs SCIM)',
				action: 'Remove members from a group',
			},
			{
				name: 'Rename',
				value: 'rename',
				description: 'Give a group a new name (needs SCIM)',
				action: 'Rename a group',
			},
			{
				name: 'Set Members',
				value: 'setMembers',
				description:
					'Make a group hold exactly the given users, adding and removing as needed; dry run outputs the plan only (needs SCIM)',
				action: 'Set the members of a group',
			},
		],
		default: 'getAll',
	},
	...addMembers.description,
	...create.description,
	...deleteGroup.description,
	...get.description,
	...getAll.description,
	...getMembers.description,
	...removeMembers.description,
	...rename.description,
	...setMembers.description,
];
