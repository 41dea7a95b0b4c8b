/**
 * The item loop every per-item operation shares: one call per item, `pairedItem` on every
 * output, and continue-on-fail turning a failure into an `{ error, ... }` item.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { NotionDirectory } from '../../shared/connector/directory';
import { NotionAdminError } from '../../shared/connector/errors';
import { toNodeError } from '../../shared/n8n/toNodeError';

/** Runs one operation over all input items of one execution. */
export type OperationExecute = (
	this: IExecuteFunctions,
	directory: NotionDirectory,
	items: INodeExecutionData[],
) => Promise<INodeExecutionData[]>;

/** What one input item produced: zero or more output objects. */
export type ItemHandler = (
	this: IExecuteFunctions,
	directory: NotionDirectory,
	itemIndex: number,
) => Promise<IDataObject | IDataObject[]>;

/** The JSON of a failed item under continue-on-fail: what went wrong, what to do, what was applied. */
export function failureJson(
	nodeError: ReturnType<typeof toNodeError>,
	cause: unknown,
): IDataObject {
	const json: IDataObject = { error: nodeError.message };
	if (nodeError.description) json.description = nodeError.description;
	if (cause instanceof NotionAdminError) {
		json.kind = cause.kind;
		if (cause.applied !== undefined) json.applied = cause.applied as IDataObject;
	}
	return json;
}

export function failedItem(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
	extra: IDataObject = {},
): INodeExecutionData {
	return {
		json: { ...extra, ...failureJson(toNodeError(ctx.getNode(), error, itemIndex), error) },
		pairedItem: { item: itemIndex },
	};
}

export function perItem(handler: ItemHandler): OperationExecute {
	return async function (this: IExecuteFunctions, directory, items) {
		const out: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const result = await handler.call(this, directory, itemIndex);
				for (const json of Array.isArray(result) ? result : [result]) {
					out.push({ json, pairedItem: { item: itemIndex } });
				}
			} catch (error) {
				if (!this.continueOnFail()) throw toNodeError(this.getNode(), error, itemIndex);
				out.push(failedItem(this, error, itemIndex));
			}
		}
		return out;
	};
}
