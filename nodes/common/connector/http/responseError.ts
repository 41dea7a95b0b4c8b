/**
 * Turns a failed answer (or no answer) from either Notion API into a NotionAdminError whose
 * message says what happened and whose hint says what to do. Notion error bodies
 * (`{object:'error', status, code, message, request_id}`) and SCIM error bodies
 * (`{schemas:[...Error], status: "409" | 409, scimType, detail}`) are both understood; anything
 * else (an HTML page from the edge, an empty body) is described by its status. The transport
 * took the tokens it sent out of the answer; what is shown of it (message, request id) also
 * loses anything that merely looks like a credential.
 */
import { NotionAdminError, type NotionAdminErrorKind } from '../errors';
import { redact } from '../redact';
import type { Api } from '../transport';
import type { AttemptFailure } from './retryPolicy';

/** A NotionAdminError that also keeps the protocol details the connector reacts to. */
export class RequestFailure extends NotionAdminError {
	/** SCIM `scimType` (e.g. `invalidPath`, `uniqueness`) or Notion `code` (e.g. `rate_limited`). */
	readonly code?: string;
	/** The request may have taken effect although no good answer came back (lost response, 5xx). */
	readonly ambiguous: boolean;

	constructor(
		kind: NotionAdminErrorKind,
		message: string,
		hint: string,
		extra: ConstructorParameters<typeof NotionAdminError>[3] & { code?: string; ambiguous?: boolean },
	) {
		super(kind, message, hint, extra);
		this.code = extra.code;
		this.ambiguous = extra.ambiguous ?? false;
	}
}

export const SCIM_REVOKED_HINT =
	'The SCIM token was revoked or is invalid — it stops working when the owner who created it leaves the workspace or loses the owner role; create a new one under Manage organization → General → SCIM provisioning (older Notion: Settings → Identity & provisioning)';
export const SCIM_FORBIDDEN_HINT =
	'SCIM needs the Enterprise plan and SCIM provisioning enabled for the workspace; on other plans use the Notion API credential alone (reads only). On Enterprise, the token may have been revoked: create a new one under Manage organization → General → SCIM provisioning (older Notion: Settings → Identity & provisioning)';

/** A token refused (401) or a capability missing (403), with what to do per API. */
const ACCESS_REFUSED: Record<401 | 403, { kind: NotionAdminErrorKind; hint: Record<Api, string> }> = {
	401: {
		kind: 'unauthorized',
		hint: {
			scim: SCIM_REVOKED_HINT,
			standard: 'The Notion API token is invalid or was revoked; paste the internal integration secret again in the Notion API credential',
			organization: 'The organization bot token is invalid or was revoked; create one in the organization console and paste it into the Notion Organization API credential',
		},
	},
	403: {
		kind: 'forbidden',
		hint: {
			scim: SCIM_FORBIDDEN_HINT,
			standard: "The integration lacks a capability: enable 'Read user information including email addresses' in the integration's settings",
			organization: 'The organization bot token lacks the scope this request needs; add it to the token in the organization console',
		},
	},
};

const RATE_HINTS: Record<string, string> = {
	public_api_space_request_rate_limit:
		"The workspace's shared request budget is spent (other integrations or workers use it too); try again later, or lower the Request Budget of the credentials that share the workspace",
	public_api_endpoint_rate_limit: 'Notion limits this endpoint on its own; try again later',
};

interface ErrorBody {
	message?: string;
	code?: string;
	requestId?: string;
}

/** Reads whichever error shape the body has; tolerant of anything. */
function readErrorBody(text: string): ErrorBody {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return {};
	}
	if (typeof parsed !== 'object' || parsed === null) return {};
	const body = parsed as Record<string, unknown>;
	const str = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
	return {
		message: redact(str(body.message) ?? str(body.detail) ?? ''),
		code: str(body.code) ?? str(body.scimType),
		requestId: optionalRedact(str(body.request_id)),
	};
}

const optionalRedact = (text: string | undefined) => (text === undefined ? undefined : redact(text));

const API_NAMES: Record<Api, string> = { standard: 'Notion API', scim: 'Notion SCIM API', organization: "Notion's Admin API" };

interface Described {
	api: Api;
	method: string;
	/** Path without query, shown in messages (never the full URL: a proxy URL may hold secrets). */
	path: string;
}

export function describeFailure(
	failure: AttemptFailure,
	request: Described,
	bodyText: string,
	headers: Record<string, string>,
	attempts: number,
): RequestFailure {
	const apiName = API_NAMES[request.api];
	const what = `${request.method} ${request.path}`;
	const tries = attempts > 1 ? ` (after ${attempts} attempts)` : '';
	const base = { api: request.api };
	switch (failure.type) {
		case 'timeout':
			return new RequestFailure(
				'timeout',
				`${apiName} did not answer ${what} in time${tries}`,
				'Notion is slow or unreachable; try again later, or raise the timeout',
				base,
			);
		case 'network':
			return new RequestFailure(
				'unavailable',
				`The connection to the ${apiName} failed during ${what}${tries}`,
				'Check the Base URL in the credential and the network or proxy between n8n and Notion',
				base,
			);
		case 'bad_body':
			return new RequestFailure(
				'bad_response',
				`${apiName} answered ${what} with a body that is not valid JSON or not in the shape it must have${tries}`,
				'Notion or a proxy in between sent a broken answer; try again later',
				base,
			);
		case 'edge':
			return new RequestFailure(
				'unavailable',
				`Notion's edge proxy answered ${what} with HTTP ${failure.status} before reaching the ${apiName}${tries}`,
				'Notion is having trouble; try again in a few minutes (see status.notion.so)',
				{ ...base, httpStatus: failure.status, requestId: optionalRedact(headers['cf-ray']) },
			);
		case 'status':
			return describeStatus(failure.status, apiName, what, tries, readErrorBody(bodyText), request.api, headers, failure.limit?.reason);
	}
}

function describeStatus(
	status: number,
	apiName: string,
	what: string,
	tries: string,
	body: ErrorBody,
	api: Api,
	headers: Record<string, string>,
	limitReason?: string,
): RequestFailure {
	const detail = body.message ? `: ${body.message}` : '';
	const extra = {
		api,
		httpStatus: status,
		code: body.code,
		requestId: body.requestId ?? optionalRedact(headers['x-notion-request-id']),
	};
	const message = `${apiName} refused ${what} with HTTP ${status}${detail}${tries}`;
	const make = (kind: NotionAdminErrorKind, hint: string) => new RequestFailure(kind, message, hint, extra);
	if (status === 429 && limitReason === 'public_api_request_blocked') {
		return make(
			'rate_limited',
			"Notion has restricted this integration's API access (public_api_request_blocked); retrying will not help: contact Notion support",
		);
	}
	if (status === 429 || status === 529) {
		return make('rate_limited', RATE_HINTS[limitReason ?? ''] ?? 'Notion kept limiting the request rate; try again later, or lower the Request Budget in the credential');
	}
	if (status === 401 || status === 403) {
		const refused = ACCESS_REFUSED[status];
		return make(refused.kind, refused.hint[api]);
	}
	if (status === 404) return make('not_found', 'Check the id; the member or group may have been removed');
	if (status === 409) return make('conflict', 'It already exists in the workspace');
	if (status >= 500) return make('unavailable', 'Notion is having trouble; try again in a few minutes (see status.notion.so)');
	if (status >= 300 && status < 400) return redirected(status, apiName, what, tries, headers, extra);
	return make('invalid_input', 'Notion rejected the request; check the values given');
}

/**
 * A 3xx is no refusal of the values given: whatever answered (the Base URL, a proxy) sends the
 * request elsewhere. Redirects are never followed, so the token is never carried to another
 * address; the Base URL is what to check.
 */
function redirected(
	status: number,
	apiName: string,
	what: string,
	tries: string,
	headers: Record<string, string>,
	extra: ConstructorParameters<typeof RequestFailure>[3],
): RequestFailure {
	let to = '';
	try {
		// Only the host: a full location may carry a path or a query with secrets in it.
		to = headers.location ? ` to ${redact(new URL(headers.location).host)}` : '';
	} catch {
		to = '';
	}
	return new RequestFailure(
		'unavailable',
		`${apiName} answered ${what} with a redirect (HTTP ${status})${to}${tries}: redirects are not followed, so the token is not sent to another address`,
		"Check the Base URL in the credential: it must be the API's own address (https://api.notion.com), not one that redirects (http:// instead of https://, another host, a proxy)",
		extra,
	);
}
