/**
 * The one seam through which the connector talks HTTP. The n8n nodes implement it with
 * n8n's request helpers (proxy, SSL and credential authentication apply there, so the
 * connector never holds a token); tests implement it with plain loopback HTTP.
 *
 * A transport adds the tokens, so it alone knows them: it also takes them out of what it hands
 * back (`withoutSecrets`), so that an answer echoing a token never reaches the connector, nor
 * any message, item or log built from it.
 */
import type { Redact } from './redact';

/** `organization`: the Admin API, with the organization bot token (it spans workspaces). */
export type Api = 'standard' | 'scim' | 'organization';

export interface HttpRequest {
	api: Api;
	method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	/** Absolute URL. */
	url: string;
	headers: Record<string, string>;
	/** Serialized JSON body, if any. */
	body?: string;
	timeoutMs: number;
}

export interface HttpResponse {
	status: number;
	/** Lower-case header names. */
	headers: Record<string, string>;
	/** Raw body text; the connector parses it (and copes with bodies that are not JSON). */
	body: string;
}

/** Network-level failure: connection reset or refused, or no answer within `timeoutMs`. */
export class TransportError extends Error {
	constructor(
		readonly reason: 'timeout' | 'network',
		message: string,
	) {
		super(message);
		this.name = 'TransportError';
	}
}

export type HttpTransport = (request: HttpRequest) => Promise<HttpResponse>;

/**
 * The answer with the transport's secrets removed from its body and header values (a request
 * id header or an error body may echo the Authorization header). The replacement holds no
 * quote or backslash, so a JSON body stays JSON.
 */
export function withoutSecrets(response: HttpResponse, redact: Redact): HttpResponse {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(response.headers)) headers[name] = redact(value);
	return { status: response.status, headers, body: redact(response.body) };
}
