import { secretRedactor, type Redact } from '../connector/redact';
import type { Api, HttpRequest, HttpResponse, HttpTransport } from '../connector/transport';
import { TransportError, withoutSecrets } from '../connector/transport';
import { API_CREDENTIAL, ORGANIZATION_CREDENTIAL, SCIM_CREDENTIAL, type NotionContext } from './credentialSettings';

/** Which credential n8n authenticates each API's requests with. */
const CREDENTIAL_FOR: Record<Api, string> = {
	standard: API_CREDENTIAL,
	scim: SCIM_CREDENTIAL,
	organization: ORGANIZATION_CREDENTIAL,
};

const TIMEOUT_CODES = new Set([
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'UND_ERR_CONNECT_TIMEOUT',
	'UND_ERR_HEADERS_TIMEOUT',
	'UND_ERR_BODY_TIMEOUT',
]);

interface FullResponse {
	statusCode: number;
	headers?: Record<string, unknown>;
	body?: unknown;
}

/**
 * The connector's HTTP seam over n8n's request helpers, so n8n's proxy, SSL and SSRF settings
 * apply and n8n adds the token. HTTP statuses come back as answers (the connector decides
 * what they mean); only failures without an answer become `TransportError`s. `tokens` are the
 * credentials' tokens n8n sends: taken out of every answer and failure, whatever their shape.
 */
export function n8nTransport(
	ctx: NotionContext,
	tokens: ReadonlyArray<string | undefined> = [],
): HttpTransport {
	const redact = secretRedactor(tokens);
	return async (request: HttpRequest): Promise<HttpResponse> => {
		let response: FullResponse;
		try {
			response = (await ctx.helpers.httpRequestWithAuthentication.call(
				ctx,
				CREDENTIAL_FOR[request.api],
				{
					method: request.method,
					url: request.url,
					headers: withJsonContentType(request),
					body: request.body,
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
					json: false,
					encoding: 'text',
					timeout: request.timeoutMs,
					disableFollowRedirect: true,
				},
			)) as FullResponse;
		} catch (error) {
			throw toTransportError(error, request, redact);
		}
		return withoutSecrets(
			{
				status: response.statusCode,
				headers: lowerCaseHeaders(response.headers),
				body: bodyText(response.body),
			},
			redact,
		);
	};
}

function withJsonContentType(request: HttpRequest): Record<string, string> {
	if (
		request.body === undefined ||
		Object.keys(request.headers).some((name) => name.toLowerCase() === 'content-type')
	) {
		return request.headers;
	}
	return { ...request.headers, 'Content-Type': 'application/json' };
}

function lowerCaseHeaders(headers: Record<string, unknown> | undefined): Record<string, string> {
	const result: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers ?? {})) {
		if (value === undefined || value === null) continue;
		result[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
	}
	return result;
}

function bodyText(body: unknown): string {
	if (body === undefined || body === null) return '';
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	return JSON.stringify(body);
}

/**
 * n8n wraps the request library's error (whose config holds the Authorization header) in a
 * NodeApiError; only a code and a message (without the tokens) are carried over, so no token
 * can travel further.
 */
function toTransportError(error: unknown, request: HttpRequest, redact: Redact): TransportError {
	const chain = causeChain(error);
	const code = chain.map((link) => link.code).find((c): c is string => typeof c === 'string');
	const innermost = chain[chain.length - 1];
	const detail =
		typeof innermost?.message === 'string' && innermost.message ? redact(innermost.message) : 'no answer';
	const timedOut =
		(code !== undefined && TIMEOUT_CODES.has(code)) ||
		(code === 'ECONNABORTED' && /timeout/i.test(detail));
	const target = `${request.method} ${new URL(request.url).pathname}`;
	return timedOut
		? new TransportError('timeout', `${target}: no answer within ${request.timeoutMs} ms`)
		: new TransportError('network', `${target}: ${detail}${code ? ` (${code})` : ''}`);
}

function causeChain(error: unknown): Array<{ code?: unknown; message?: unknown }> {
	const chain: Array<{ code?: unknown; message?: unknown; cause?: unknown }> = [];
	let current: unknown = error;
	while (typeof current === 'object' && current !== null && chain.length < 8) {
		const link = current as { code?: unknown; message?: unknown; cause?: unknown };
		if (chain.includes(link)) break;
		chain.push(link);
		current = link.cause;
	}
	return chain;
}
