/**
 * The fields several Notion Organization operations share, and their readers: the workspace
 * picker, a user by ID, and lists of IDs. Each reader checks the value with the connector's
 * rules, naming the field, so a bad item fails before any request.
 */
import type { IExecuteFunctions, INodeParameterResourceLocator, INodeProperties } from 'n8n-workflow';

import type { NotionOrganizationClient } from '../common/connector/organization/organizationClient';
import { requireId } from '../common/connector/validate';
import type { Operation } from '../common/operationKit/defineResource';
import { picker } from '../common/operationKit/fields';

/** An operation of this node: its connector is the organization client. */
export type OrganizationOperation = Operation<NotionOrganizationClient>;

export function workspaceLocator(description = 'The workspace of the organization'): INodeProperties {
	return picker({ displayName: 'Workspace', name: 'workspace', description, searchListMethod: 'searchWorkspaces' });
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
