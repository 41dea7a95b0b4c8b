/**
 * Fields that operations of both action nodes share: resource pickers, notices, the Options and
 * Filters collections, Return All / Limit. None carries a resource or operation display rule:
 * `defineResource` adds it.
 */
import type { INodeProperties, INodePropertyMode } from 'n8n-workflow';

/** For the pickers' "By ID" mode in the editor: a UUID with or without dashes. */
const ID_PATTERN =
	'^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$';

// A mode, not a parameter: it has no default (`as const` keeps n8n's lint rule for parameters off it).
const idMode = (what: string): INodePropertyMode => ({
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

/** A resource locator: pick from the list, give the ID, or (when there is one) type the text mode's value. */
export function picker(field: {
	displayName: string;
	name: string;
	description: string;
	searchListMethod: string;
	textMode?: { displayName: string; name: string; placeholder: string };
}): INodeProperties {
	const { displayName, name, description, searchListMethod, textMode } = field;
	return {
		displayName,
		name,
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
			idMode(displayName.toLowerCase()),
			...(textMode === undefined ? [] : [{ ...textMode, type: 'string' as const }]),
		],
	};
}

/** A person's email address, required. */
export function emailField(description: string): INodeProperties {
	return {
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'e.g. ada@example.com',
		default: '',
		required: true,
		description,
	};
}

/** A line of text above an operation's fields. */
export function notice(name: string, text: string): INodeProperties {
	return { displayName: text, name, type: 'notice', default: '' };
}

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
