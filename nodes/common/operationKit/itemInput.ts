/**
 * Input errors name the item and the field the user has to fix. The rules themselves are the
 * connector's (nodes/common/connector/validate.ts, each failure carrying the field it was given);
 * an operation calls them while reading an item, and the item loops map what they throw here.
 */
import type { IExecuteFunctions, NodeOperationError } from 'n8n-workflow';

import { NotionAdminError } from '../connector/errors';
import { invalidInputError } from '../n8n/toNodeError';

export function invalidInput(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	problem: string,
	description: string,
): NodeOperationError {
	return invalidInputError(
		ctx.getNode(),
		`${field}: ${problem} [item ${itemIndex}]`,
		description,
		itemIndex,
	);
}

/** What reading an item threw, with a connector input check's failure tied to the item and field. */
export function itemInputError(ctx: IExecuteFunctions, itemIndex: number, error: unknown): unknown {
	if (error instanceof NotionAdminError && error.kind === 'invalid_input' && error.field) {
		return invalidInput(ctx, itemIndex, error.field, error.message, error.hint);
	}
	return error;
}
