import type { INodeProperties } from 'n8n-workflow';

import type { OperationExecute } from '../../shared/execute';
import * as create from './create';
import * as get from './get';
import * as getAll from './getAll';
import * as remove from './remove';
import * as update from './update';

export const userOperations: Record<string, OperationExecute> = {
	create: create.execute,
	get: get.execute,
	getAll: getAll.execute,
	remove: remove.execute,
	update: update.execute,
};

export const userDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description:
					'Add a person to the workspace by email with a role (needs SCIM); returns the member',
				action: 'Create a user',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get one workspace member by ID or email',
				action: 'Get a user',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List workspace members, optionally filtered by email or name',
				action: 'Get many users',
			},
			{
				name: 'Remove From Workspace',
				value: 'remove',
				description:
					'Remove a member from the workspace, freeing the seat; the Notion account is kept (needs SCIM)',
				action: 'Remove a user from the workspace',
			},
			{
				name: 'Update',
				value: 'update',
				description:
					'Change a member’s name, email, role or active state; only the given fields change (needs SCIM)',
				action: 'Update a user',
			},
		],
		default: 'getAll',
	},
	...create.description,
	...get.description,
	...getAll.description,
	...update.description,
	...remove.description,
];
