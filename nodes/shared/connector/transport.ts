/**
 * The one seam through which the connector talks HTTP. The n8n nodes implement it with
 * n8n's request helpers (proxy, SSL and credential authentication apply there, so the
 * connector never holds a token); tests implement it with plain loopback HTTP.
 */
export type Api = 'standard' | 'scim';

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
