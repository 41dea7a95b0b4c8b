/**
 * Fields that several operations share: the user and group pickers, the users list, the
 * Options collection, Return All / Limit. None carries a resource or operation display rule:
 * `defineResource` adds it.
 */
import type { INodeProperties } from 'n8n-workflow';

/** For the pickers' "By ID" mode in the editor: a UUID with or without dashes. */
const ID_PATTERN =
	'^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$';

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

/** A resource locator: pick from the list, give the ID, or type the text mode's value. */
function picker(
	what: 'user' | 'group',
	description: string,
	searchListMethod: string,
	textMode: { displayName: string; name: string; placeholder: string },
): INodeProperties {
	return {
		displayName: what === 'user' ? 'User' : 'Group',
		name: what,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true },
			},
			idMode(what),
			{ ...textMode, type: 'string' },
		],
	};
}

export const userLocator = (): INodeProperties =>
	picker('user', 'The workspace member', 'searchUsers', {
		displayName: 'By Email',
		name: 'email',
		placeholder: 'e.g. ada@example.com',
	});

export const groupLocator = (): INodeProperties =>
	picker('group', 'The workspace group', 'searchGroups', {
		displayName: 'By Name',
		name: 'name',
		placeholder: 'e.g. Engineering',
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

/** A line of text above an operation's fields. */
export function notice(name: string, text: string): INodeProperties {
	return { displayName: text, name, type: 'notice', default: '' };
}

export const guestsNotice = notice(
	'guestsNotice',
	"Guests cannot be managed: Notion's APIs list and change workspace members only.",
);

/** The Options collection of an operation. */
export const optionsCollection = (options: INodeProperties[]) => collection('Options', options);

/** The Filters collection of a Get Many operation. */
export const filtersCollection = (options: INodeProperties[]) => collection('Filters', options);

function collection(displayName: 'Options' | 'Filters', options: INodeProperties[]): INodeProperties {
	return {
		displayName,
		name: displayName.toLowerCase(),
		type: 'collection',
		placeholder: displayName === 'Options' ? 'Add Option' : 'Add Filter',
		default: {},
		options,
	};
}

/** Return All and Limit of a Get Many operation, read back by `returnLimit`. */
export function returnAllAndLimit(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}
