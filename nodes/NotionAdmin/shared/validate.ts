/**
 * Input checks that run before any request, so a bad item never costs a call. The rules are
 * the connector's; this file only turns their failure into an n8n error that names the item
 * and the field the user has to fix.
 */
import type { IExecuteFunctions, NodeOperationError } from 'n8n-workflow';

import { NotionAdminError } from '../../shared/connector/errors';
import type { WritableRole } from '../../shared/connector/model';
import * as check from '../../shared/connector/validate';
import { invalidInputError, toNodeError } from '../../shared/n8n/toNodeError';

/** For the pickers' "By ID" mode in the editor: a UUID with or without dashes. */
export const ID_PATTERN =
	'^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$';

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

function atItem<T>(ctx: IExecuteFunctions, itemIndex: number, field: string, run: () => T): T {
	try {
		return run();
	} catch (error) {
		if (error instanceof NotionAdminError) {
			throw invalidInput(ctx, itemIndex, field, error.message, error.hint);
		}
		throw toNodeError(ctx.getNode(), error, itemIndex);
	}
}

export function isId(value: string): boolean {
	return check.normalizeId(value) !== undefined;
}

export function isEmail(value: string): boolean {
	try {
		check.requireEmail(value);
		return true;
	} catch {
		return false;
	}
}

/** The dashed lower-case form, so ids compare equal however they were typed. */
export function requireId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
): string {
	return atItem(ctx, itemIndex, field, () => check.requireId(value, field));
}

export function requireEmail(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
): string {
	return atItem(ctx, itemIndex, field, () => check.requireEmail(value, field));
}

export function requireName(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
): string {
	return atItem(ctx, itemIndex, field, () => check.requireName(value, field));
}

export function requireRole(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
): WritableRole {
	return atItem(ctx, itemIndex, field, () => check.requireRole(value, field));
}
