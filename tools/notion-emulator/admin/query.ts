/** Reading Admin API requests: UUIDs in paths and bodies, bracket-encoded arrays, JSON bodies. */
import type { RequestContext } from '../context';
import { normalizeId } from '../records';
import { validationError } from './errors';

/** A UUID (with or without dashes) in dashed lower case, or a 400 naming where it was. */
export function uuidAt(raw: unknown, where: string): string {
	const id = typeof raw === 'string' ? normalizeId(raw) : undefined;
	if (id === undefined) {
		throw validationError(`${where} should be a valid uuid, instead was \`${JSON.stringify(raw ?? null)}\`.`);
	}
	return id;
}

/** `?name[]=a&name[]=b` (the documented encoding); an absent parameter is undefined. */
export function bracketArray(ctx: RequestContext, name: string): string[] | undefined {
	const values = ctx.query.getAll(`${name}[]`);
	return values.length > 0 ? values : undefined;
}

/** The JSON object body, or a 400. */
export function jsonBody(ctx: RequestContext): Record<string, unknown> {
	let parsed: unknown;
	try {
		parsed = ctx.rawBody ? JSON.parse(ctx.rawBody) : undefined;
	} catch {
		throw validationError('body failed validation: the body is not valid JSON.');
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw validationError('body failed validation: body should be an object.');
	}
	return parsed as Record<string, unknown>;
}

/** A required string field of the body, or a 400 naming it. */
export function stringField(body: Record<string, unknown>, field: string): string {
	const value = body[field];
	if (typeof value !== 'string' || value === '') {
		throw validationError(`body failed validation: body.${field} should be a non-empty string, instead was \`${JSON.stringify(value ?? null)}\`.`);
	}
	return value;
}

/** The JSON object body when one was sent, else `{}` (DELETE bodies are optional). */
export function optionalBody(ctx: RequestContext): Record<string, unknown> {
	return ctx.rawBody.trim() === '' ? {} : jsonBody(ctx);
}
