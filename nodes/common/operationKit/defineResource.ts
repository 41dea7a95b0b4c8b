/**
 * One operation is one module: its entry in the Operation list, its fields and its execute.
 * A resource is the list of its operation modules; from it this builds the Operation selector,
 * each field's display rule (shown for this resource and operation, on top of the field's own
 * conditions) and the dispatch table, so none of them is typed by hand.
 */
import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import type { NotionDirectory } from '../connector/notionDirectory';
import type { OperationExecute } from './execute';

export interface OperationOption {
	/** As the editor lists it (options are sorted by this, as n8n's linter wants). */
	name: string;
	value: string;
	description: string;
	/** What the node does, as n8n shows it among the node's actions. */
	action: string;
}

/** `C` is the connector the node hands its operations (Notion Organization's is not a directory). */
export interface Operation<C = NotionDirectory> {
	option: OperationOption;
	/** The operation's fields in editor order; no `resource`/`operation` display rule of their own. */
	fields: INodeProperties[];
	execute: OperationExecute<C>;
}

export interface Resource<C = NotionDirectory> {
	option: { name: string; value: string };
	/** The Operation selector followed by every operation's fields. */
	properties: INodeProperties[];
	execute: Record<string, OperationExecute<C>>;
}

/** The field, shown only for this resource and operation and under its own conditions as well. */
function shownFor(resource: string, operation: string, field: INodeProperties): INodeProperties {
	const own: IDisplayOptions = field.displayOptions ?? {};
	if (own.show?.resource !== undefined || own.show?.operation !== undefined) {
		throw new Error(`${resource} → ${operation}: the field "${field.name}" sets its own resource or operation rule`);
	}
	return {
		...field,
		displayOptions: { ...own, show: { resource: [resource], operation: [operation], ...own.show } },
	};
}

/**
 * `operations` in the order their fields appear in the editor; `defaultOperation` is the one a
 * new node starts with.
 */
export function defineResource<C = NotionDirectory>(
	option: { name: string; value: string },
	operations: Array<Operation<C>>,
	defaultOperation: string,
): Resource<C> {
	const execute: Record<string, OperationExecute<C>> = {};
	for (const operation of operations) {
		if (execute[operation.option.value]) {
			throw new Error(`${option.value}: two operations have the value "${operation.option.value}"`);
		}
		execute[operation.option.value] = operation.execute;
	}
	if (!execute[defaultOperation]) throw new Error(`${option.value}: no operation "${defaultOperation}"`);

	const selector: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [option.value] } },
		options: operations
			.map((operation) => ({ ...operation.option }))
			.sort(byName),
		default: defaultOperation,
	};
	const fields = operations.flatMap((operation) =>
		operation.fields.map((field) => shownFor(option.value, operation.option.value, field)),
	);
	return { option, properties: [selector, ...fields], execute };
}

/** The editor's order for options: by name. */
export function byName(a: { name: string }, b: { name: string }): number {
	return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
