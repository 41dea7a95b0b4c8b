import type { Api } from './transport';

/**
 * The closed set of failures the connector reports. Every error says what went wrong
 * (`message`) and what the user can do about it (`hint`); neither ever contains a token.
 */
export type NotionAdminErrorKind =
	| 'invalid_input' // rejected before any request (bad email, id, empty name, unknown role)
	| 'not_found'
	| 'conflict' // already a member, duplicate group name
	| 'scim_required' // a write without a working SCIM token (absent, revoked, not Enterprise)
	| 'unauthorized' // the standard API token is invalid
	| 'forbidden' // token lacks a capability (e.g. user information) or Notion refuses the change
	| 'refused' // Notion refuses by rule: token owner removal, group delete orphaning pages
	| 'rate_limited' // still limited after every retry
	| 'unavailable' // 5xx / edge errors / resets after every retry; a redirect (never followed)
	| 'timeout'
	| 'bad_response' // malformed or truncated body
	| 'partial' // a multi-request change stopped midway: see `applied`
	| 'outcome_unknown'; // a write was sent, but the read that would tell whether Notion applied it failed

export class NotionAdminError extends Error {
	readonly kind: NotionAdminErrorKind;
	readonly hint: string;
	readonly httpStatus?: number;
	/** Which API answered, when one did. */
	readonly api?: Api;
	/** Notion's request id or SCIM detail, safe to show. */
	readonly requestId?: string;
	/** Field the error is about, for invalid input. */
	readonly field?: string;
	/** For `partial`: what was applied before the failure. */
	readonly applied?: unknown;

	constructor(
		kind: NotionAdminErrorKind,
		message: string,
		hint: string,
		extra: {
			httpStatus?: number;
			api?: Api;
			requestId?: string;
			field?: string;
			applied?: unknown;
			cause?: unknown;
		} = {},
	) {
		super(message);
		this.name = 'NotionAdminError';
		this.kind = kind;
		this.hint = hint;
		this.httpStatus = extra.httpStatus;
		this.api = extra.api;
		this.requestId = extra.requestId;
		this.field = extra.field;
		this.applied = extra.applied;
	}
}
