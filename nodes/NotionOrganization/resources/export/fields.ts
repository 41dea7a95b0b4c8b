/**
 * Start's fields beyond the workspace: the member it runs as, the format, waiting, and the
 * Options collection; and their readers (each checked, naming the field, before any request).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../common/operationKit/fields';
import { booleanParameter, optionParameter } from '../../../common/operationKit/parameters';
import { NotionAdminError } from '../../../common/connector/errors';
import { checkTimeout } from '../../../common/connector/organization/statusPolling';
import type { ExportFormat, ExportRequest } from '../../../common/connector/organization/workspaceExports';
import { quoteValue } from '../../../common/connector/redact';
import { requireEmail } from '../../../common/connector/validate';
import { readIdList, readWorkspaceId } from '../../fields';

const FORMATS: Array<INodePropertyOptions & { value: ExportFormat }> = [
	{ name: 'HTML', value: 'html' },
	{ name: 'Markdown & CSV', value: 'markdown' },
	{ name: 'PDF', value: 'pdf' },
];

const VIEWS: Array<INodePropertyOptions & { value: 'all' | 'currentView' }> = [
	{ name: 'All Views', value: 'all' },
	{ name: 'Current View', value: 'currentView' },
];

export const startFields: INodeProperties[] = [
	{
		displayName: 'On Behalf Of (Email)',
		name: 'onBehalfOf',
		type: 'string',
		placeholder: 'e.g. ada@example.com',
		default: '',
		required: true,
		description: 'An active member of the workspace: the export holds what they can see',
	},
	{ displayName: 'Format', name: 'format', type: 'options', options: FORMATS, default: 'markdown' },
	{
		displayName: 'Wait Until Done',
		name: 'waitUntilDone',
		type: 'boolean',
		default: true,
		description: 'Whether to check the export until it is done and return its download links, or return its job ID at once',
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeoutSeconds',
		type: 'number',
		displayOptions: { show: { waitUntilDone: [true] } },
		default: 600,
		typeOptions: { minValue: 0 },
		description: 'How long to wait in all. At the timeout the item fails saying the export still runs; check it later with Get Status.',
	},
	optionsCollection([
		{ displayName: 'Database Views', name: 'databaseViews', type: 'options', options: VIEWS, default: 'all', description: 'Export databases with every view, or only the current one' },
		{ displayName: 'Flatten File Tree', name: 'flattenFileTree', type: 'boolean', default: false, description: 'Whether to put every file in one folder' },
		{ displayName: 'Include Comments', name: 'includeComments', type: 'boolean', default: false, description: 'Whether to include comments' },
		{ displayName: 'Include Files', name: 'includeFiles', type: 'boolean', default: true, description: 'Whether to include uploaded files and images, or pages only' },
		{
			displayName: 'Teamspace IDs',
			name: 'teamspaceIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. 5e0b2c7a-1b2c-4d3e-8f90-123456789abc',
			description: 'Only these teamspaces (IDs separated by commas, or an array from an expression); the whole workspace without',
		},
	]),
];

function readTimeoutMs(ctx: IExecuteFunctions, itemIndex: number): number {
	const value = ctx.getNodeParameter('timeoutSeconds', itemIndex) as unknown;
	if (typeof value !== 'number') {
		throw new NotionAdminError('invalid_input', `${quoteValue(value)} is not a number of seconds`, 'Give a number such as 600', { field: 'Timeout (Seconds)' });
	}
	return checkTimeout(value * 1000, 'Timeout (Seconds)');
}

export interface StartParameters {
	request: ExportRequest;
	/** undefined: return at once. */
	timeoutMs?: number;
}

export function readStart(ctx: IExecuteFunctions, itemIndex: number): StartParameters {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const flag = (name: string, field: string) => (options[name] === undefined ? undefined : booleanParameter(ctx, itemIndex, `options.${name}`, `Options → ${field}`, false));
	const request: ExportRequest = {
		workspaceId: readWorkspaceId(ctx, itemIndex),
		onBehalfOfEmail: requireEmail(ctx.getNodeParameter('onBehalfOf', itemIndex), 'On Behalf Of (Email)'),
		format: optionParameter(ctx, itemIndex, 'format', 'Format', FORMATS, 'markdown'),
		teamspaceIds: options.teamspaceIds === undefined ? undefined : readIdList(options.teamspaceIds, 'Options → Teamspace IDs'),
		includeFiles: flag('includeFiles', 'Include Files'),
		includeComments: flag('includeComments', 'Include Comments'),
		flattenFileTree: flag('flattenFileTree', 'Flatten File Tree'),
		databaseViews: options.databaseViews === undefined ? undefined : optionParameter(ctx, itemIndex, 'options.databaseViews', 'Options → Database Views', VIEWS, 'all'),
	};
	const wait = booleanParameter(ctx, itemIndex, 'waitUntilDone', 'Wait Until Done', true);
	return { request, timeoutMs: wait ? readTimeoutMs(ctx, itemIndex) : undefined };
}
