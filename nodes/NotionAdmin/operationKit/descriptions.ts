/**
 * Fields of Notion Admin's operations: the user and group pickers, the users list, the raw
 * option, the guests notice. None carries a resource or operation display rule:
 * `defineResource` adds it.
 */
import type { INodeProperties } from 'n8n-workflow';

import { notice, picker } from '../../common/operationKit/fields';

export const userLocator = (): INodeProperties =>
	picker({
		displayName: 'User',
		name: 'user',
		description: 'The workspace member',
		searchListMethod: 'searchUsers',
		textMode: { displayName: 'By Email', name: 'email', placeholder: 'e.g. ada@example.com' },
	});

export const groupLocator = (): INodeProperties =>
	picker({
		displayName: 'Group',
		name: 'group',
		description: 'The workspace group',
		searchListMethod: 'searchGroups',
		textMode: { displayName: 'By Name', name: 'name', placeholder: 'e.g. Engineering' },
	});

/** One or many users per item: IDs or emails, comma-separated or an array from an expression. */
export function usersField(description: string): INodeProperties {
	return {
		displayName: 'Users',
		name: 'users',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. ada@example.com, 5e0b2c7a-1b2c-4d3e-8f90-123456789abc',
		description: `${description}. User IDs or emails, separated by commas, or an array from an expression.`,
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

export const guestsNotice = notice(
	'guestsNotice',
	"Guests cannot be managed: Notion's APIs list and change workspace members only.",
);
