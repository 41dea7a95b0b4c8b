/** Parameters that several operations share: the user and group pickers and the users list. */
import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { ID_PATTERN } from './validate';

const idMode = (what: string) => ({
	displayName: 'By ID',
	name: 'id',
	type: 'string' as const,
	placeholder: 'e.g. 5e0b2c7a-1b2c-4d3e-8f90-123456789abc',
	validation: [
		{
			type: 'regex' as const,
			properties: { regex: ID_PATTERN, errorMessage: `Not a valid Notion ${what} ID` },
		},
	],
});

export function userLocator(displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName: 'User',
		name: 'user',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The workspace member',
		displayOptions,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchUsers', searchable: true },
			},
			idMode('user'),
			{
				displayName: 'By Email',
				name: 'email',
				type: 'string',
				placeholder: 'e.g. ada@example.com',
			},
		],
	};
}

export function groupLocator(displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Group',
		name: 'group',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The workspace group',
		displayOptions,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchGroups', searchable: true },
			},
			idMode('group'),
			{
				displayName: 'By Name',
				name: 'name',
				type: 'string',
				placeholder: 'e.g. Engineering',
			},
		],
	};
}

/** One or many users per item: IDs or emails, comma-separated or an array from an expression. */
export function usersField(displayOptions: IDisplayOptions, description: string): INodeProperties {
	return {
		displayName: 'Users',
		name: 'users',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. ada@example.com, 5e0b2c7a-1b2c-4d3e-8f90-123456789abc',
		description: `${description}. User IDs or emails, separated by commas, or an array from an expression.`,
		displayOptions,
	};
}

export function rawOption(what: string): INodeProperties {
	return {
		displayName: 'Include Raw Resource',
		name: 'raw',
		type: 'boolean',
		default: false,
		description: `Whether to add the untouched ${what} as Notion returned it under "raw"`,
	};
}

export const guestsNotice = (displayOptions: IDisplayOptions): INodeProperties => ({
	displayName: "Guests cannot be managed: Notion's APIs list and change workspace members only.",
	name: 'guestsNotice',
	type: 'notice',
	default: '',
	displayOptions,
});

/** The Options collection of an operation. */
export function optionsCollection(
	displayOptions: IDisplayOptions,
	options: INodeProperties[],
): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions,
		options,
	};
}

/** Return All and Limit of a Get Many operation, read back by `returnLimit`. */
export function returnAllAndLimit(displayOptions: IDisplayOptions): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions,
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { ...displayOptions, show: { ...displayOptions.show, returnAll: [false] } },
		},
	];
}
