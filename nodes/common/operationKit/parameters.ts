/**
 * Readers for the parameters whose type the editor enforces but an expression does not: a
 * boolean, a limit or an option set by `{{ ... }}` can arrive as any value. Guessing (the
 * text "false" is truthy) could apply a change the user meant to preview, so anything but the
 * exact type fails before any request, naming the item and the field.
 */
import type { IDataObject, IExecuteFunctions, INodePropertyOptions } from 'n8n-workflow';

import { quoteValue } from '../connector/redact';
import { invalidInput } from './itemInput';

/** What the expression gave, told so that text "false" and the boolean false look different. */
function given(value: unknown): string {
	if (typeof value === 'string') return `the text ${quoteValue(value)}`;
	if (typeof value === 'number') return `the number ${value}`;
	if (value === null || value === undefined) return 'an empty value';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	return String(value);
}

/**
 * `name` is the parameter's path (e.g. `options.raw`); `fallback` applies only when the
 * parameter is not set at all.
 */
export function booleanParameter(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	field: string,
	fallback: boolean,
): boolean {
	const value = ctx.getNodeParameter(name, itemIndex, fallback) as unknown;
	if (typeof value === 'boolean') return value;
	throw invalidInput(
		ctx,
		itemIndex,
		field,
		`${given(value)} is not true or false`,
		'An expression here must give a boolean: true or false, not text or a number.',
	);
}

/** A whole number of at least 1. */
function limitParameter(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	field: string,
): number {
	const value = ctx.getNodeParameter(name, itemIndex) as unknown;
	if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 1) return value;
	throw invalidInput(
		ctx,
		itemIndex,
		field,
		`${given(value)} is not a whole number of 1 or more`,
		'An expression here must give a number such as 50, not text.',
	);
}

/** One of the values of `options` (the field's own option list, so the two cannot drift apart). */
export function optionParameter<T extends string>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	field: string,
	options: ReadonlyArray<INodePropertyOptions & { value: T }>,
	fallback: T,
): T {
	const value = ctx.getNodeParameter(name, itemIndex, fallback) as unknown;
	const option = options.find((candidate) => candidate.value === value);
	if (option) return option.value;
	throw invalidInput(
		ctx,
		itemIndex,
		field,
		`${given(value)} is not one of its options`,
		`Use one of: ${options.map((candidate) => `"${candidate.value}" (${candidate.name})`).join(', ')}.`,
	);
}

/** The "Include Raw Resource" option (`rawOption`) of the read operations. */
export function rawParameter(ctx: IExecuteFunctions, itemIndex: number): boolean {
	return booleanParameter(ctx, itemIndex, 'options.raw', 'Options → Include Raw Resource', false);
}

/** A field of the Filters collection, checked by `check`; undefined when the filter is not added. */
export function filterParameter<T>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	check: (value: unknown) => T,
): T | undefined {
	const filters = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	return filters[name] === undefined ? undefined : check(filters[name]);
}

/** "Return All" and "Limit" of the Get Many operations: the limit, or undefined for all. */
export function returnLimit(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	if (booleanParameter(ctx, itemIndex, 'returnAll', 'Return All', false)) return undefined;
	return limitParameter(ctx, itemIndex, 'limit', 'Limit');
}
