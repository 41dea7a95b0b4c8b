/** Error answers in the two shapes the reference documents: Notion's (Part 1.6) and RFC 7644 §3.12. */
import type { Answer } from './answer';
import type { ApiKind, Behaviours } from './types';

/** Only codes that Notion documents: the SDK treats any other code as an unknown response. */
export type NotionErrorCode =
	| 'invalid_json'
	| 'invalid_request_url'
	| 'invalid_request'
	| 'validation_error'
	| 'missing_version'
	| 'unauthorized'
	| 'restricted_resource'
	| 'object_not_found'
	| 'conflict_error'
	| 'rate_limited'
	| 'internal_server_error'
	| 'service_unavailable'
	| 'gateway_timeout'
	| 'service_overload';

/** request_id is filled in by the HTTP layer so that it matches the x-notion-request-id header. */
export function notionError(
	status: number,
	code: NotionErrorCode,
	message: string,
	headers?: Record<string, string>,
): Answer {
	return { status, body: { object: 'error', status, code, message }, headers };
}

export type ScimType =
	| 'invalidFilter'
	| 'tooMany'
	| 'uniqueness'
	| 'mutability'
	| 'invalidSyntax'
	| 'invalidPath'
	| 'noTarget'
	| 'invalidValue'
	| 'invalidVers'
	| 'sensitive';

const SCIM_ERROR_URN = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** Thrown inside SCIM handlers; the router turns it into an answer. */
export class ScimFailure extends Error {
	constructor(
		readonly status: number,
		readonly detail: string,
		readonly scimType?: ScimType,
		readonly headers?: Record<string, string>,
	) {
		super(detail);
	}
}

export function scimError(
	failure: ScimFailure,
	statusType: Behaviours['scimErrorStatusType'],
): Answer {
	return {
		status: failure.status,
		headers: failure.headers,
		body: {
			schemas: [SCIM_ERROR_URN],
			status: statusType === 'number' ? failure.status : String(failure.status),
			...(failure.scimType ? { scimType: failure.scimType } : {}),
			detail: failure.detail,
		},
	};
}

const CODE_OF_STATUS: Record<number, NotionErrorCode> = {
	429: 'rate_limited',
	500: 'internal_server_error',
	// Notion documents no code for 502; the gateway's upstream is unavailable.
	502: 'service_unavailable',
	503: 'service_unavailable',
	504: 'gateway_timeout',
	529: 'service_overload',
};

/** A 429 or 5xx in the shape of the API that was called (rate limiting and injected faults). */
export function serverError(
	api: Exclude<ApiKind, 'control'>,
	status: keyof typeof CODE_OF_STATUS,
	message: string,
	behaviours: Behaviours,
	headers?: Record<string, string>,
): Answer {
	if (api === 'scim')
		return scimError(
			new ScimFailure(status, message, undefined, headers),
			behaviours.scimErrorStatusType,
		);
	return notionError(status, CODE_OF_STATUS[status], message, headers);
}
