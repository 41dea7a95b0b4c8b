/**
 * The item loop every per-item operation shares: every item checked first, then its calls,
 * `pairedItem` on every output, and continue-on-fail turning a failure into an
 * `{ error, ... }` item.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { NotionDirectory } from '../connector/notionDirectory';
import { toNodeError } from '../n8n/toNodeError';
import { itemInputError } from './itemInput';
import { rawParameter } from './parameters';

/** Runs one operation over all input items of one execution, with the node's connector `C`. */
export type OperationExecute<C = NotionDirectory> = (
	this: IExecuteFunctions,
	directory: C,
	items: INodeExecutionData[],
) => Promise<INodeExecutionData[]>;

/**
 * A per-item operation in two steps, so that every item is read and checked before the first
 * request: a bad item fails (or stops the run) without anything half-done.
 */
export interface ItemOperation<P, C = NotionDirectory> {
	/**
	 * Reads and checks the item's parameters; makes no request. A connector input check that
	 * fails here is reported with the item and the field it names.
	 */
	parse(this: IExecuteFunctions, itemIndex: number): P;
	/** The connector call(s); zero or more output objects for this item. */
	run(
		this: IExecuteFunctions,
		directory: C,
		params: P,
		itemIndex: number,
	): Promise<IDataObject | IDataObject[]>;
}

/**
 * The JSON of a failed item under continue-on-fail: what went wrong, what to do, and (from the
 * connector's token-free details) the kind of failure and what was applied.
 */
function failureJson(nodeError: ReturnType<typeof toNodeError>): IDataObject {
	const json: IDataObject = { error: nodeError.message };
	if (nodeError.description) json.description = nodeError.description;
	const details = nodeError.errorResponse;
	// An API failure carries its kind in the connector's details; failed input checks in `type`.
	if (typeof details?.kind === 'string') json.kind = details.kind;
	else if (nodeError instanceof NodeOperationError && nodeError.type) json.kind = nodeError.type;
	if (details?.applied !== undefined) json.applied = details.applied;
	return json;
}

/** `extra` adds to the failure JSON and wins over it (e.g. the item's own share of `applied`). */
export function failedItem(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
	extra: IDataObject = {},
): INodeExecutionData {
	return {
		json: { ...failureJson(toNodeError(ctx.getNode(), error, itemIndex)), ...extra },
		pairedItem: { item: itemIndex },
	};
}

export function perItem<P, C = NotionDirectory>(operation: ItemOperation<P, C>): OperationExecute<C> {
	return async function (this: IExecuteFunctions, directory, items) {
		const parsed: Array<{ params: P } | { error: unknown }> = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				parsed.push({ params: operation.parse.call(this, itemIndex) });
			} catch (thrown) {
				const error = itemInputError(this, itemIndex, thrown);
				if (!this.continueOnFail()) throw toNodeError(this.getNode(), error, itemIndex);
				parsed.push({ error });
			}
		}

		const out: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			const entry = parsed[itemIndex];
			try {
				if ('error' in entry) throw entry.error;
				const result = await operation.run.call(this, directory, entry.params, itemIndex);
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

/** A Get operation: the item's picker and its Include Raw option, then one lookup per item. */
export function getEach<R>(
	readRef: (ctx: IExecuteFunctions, itemIndex: number) => R,
	find: (directory: NotionDirectory, ref: R, raw: boolean) => Promise<IDataObject>,
): OperationExecute {
	return perItem({
		parse(itemIndex) {
			return { ref: readRef(this, itemIndex), raw: rawParameter(this, itemIndex) };
		},

		async run(directory, { ref, raw }) {
			return await find(directory, ref, raw);
		},
	});
}
