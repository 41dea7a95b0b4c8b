/**
 * The fields several Notion Organization operations share, and their readers: the workspace
 * picker, a user by ID, and lists of IDs. Each reader checks the value with the connector's
 * rules, naming the field, so a bad item fails before any request.
 */
import type { IExecuteFunctions, INodeParameterResourceLocator, INodeProperties } from 'n8n-workflow';

import type { NotionOrganizationClient } from '../shared/connector/organization/organizationClient';
import { requireId } from '../shared/connector/validate';
import type { Operation } from '../NotionAdmin/operationKit/defineResource';

/** An operation of this node: its connector is the organization client. */
export type OrganizationOperation = Operation<NotionOrganizationClient>;

const ID_PATTERN =
	'^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$';

export function workspaceLocator(description = 'The workspace of the organization'): INodeProperties {
	return {
		displayName: 'Workspace',
		name: 'workspace',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchWorkspaces', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 5e0b2c7a-1b2c-4d3e-8f90-123456789abc',
				validation: [
					{ type: 'regex', properties: { regex: ID_PATTERN, errorMessage: 'Not a valid Notion workspace ID' } },
				],
			},
		],
	};
}

export function readWorkspaceId(ctx: IExecuteFunctions, itemIndex: number, name = 'workspace'): string {
	const { value } = ctx.getNodeParameter(name, itemIndex) as INodeParameterResourceLocator;
	return requireId(value, 'Workspace');
}

/** A required ID typed or mapped from an expression. */
export function idField(displayName: string, name: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 5e0b2c7a-1b2c-4d3e-8f90-123456789abc',
		description,
	};
}

export function readId(ctx: IExecuteFunctions, itemIndex: number, name: string, field: string): string {
	return requireId(ctx.getNodeParameter(name, itemIndex), field);
}

/** IDs separated by commas, or an array from an expression; each checked. */
export function readIdList(value: unknown, field: string): string[] {
	const entries = Array.isArray(value) ? value : String(value ?? '').split(',');
	const ids = entries.map((entry) => (typeof entry === 'string' ? entry.trim() : entry)).filter((entry) => entry !== '');
	return [...new Set(ids.map((entry) => requireId(entry, field)))];
}
