/**
 * An HttpTransport over plain node:http for tests, the demo and the benchmark: it plays the
 * part n8n's request helpers play in the nodes (adds the credential's bearer token per API,
 * enforces the timeout, follows no redirect, takes its tokens out of every answer) and reports
 * resets and timeouts as TransportError.
 */
import { Agent, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { secretRedactor } from '../../nodes/common/connector/redact';
import {
	TransportError,
	withoutSecrets,
	type Api,
	type HttpRequest,
	type HttpResponse,
	type HttpTransport,
} from '../../nodes/common/connector/transport';

/**
 * The emulator's shape: `api` is the standard API's integration token, `scim` the SCIM token,
 * `admin` the organization bot token (the Admin API's).
 */
export interface Tokens {
	api?: string;
	scim?: string;
	admin?: string;
}

const TOKEN_FOR: Record<Api, keyof Tokens> = { standard: 'api', scim: 'scim', organization: 'admin' };

export interface LoopbackOptions {
	/** Called once per request sent (after the answer or failure), e.g. to count or inspect. */
	onRequest?: (request: HttpRequest) => void;
}

/** Keeps connections open between requests, like n8n's helpers do. */
const agent = new Agent({ keepAlive: true, maxSockets: 32 });

export function loopbackTransport(tokens: Tokens, options: LoopbackOptions = {}): HttpTransport {
	// Like n8n's transport: the tokens it adds are taken out of every answer.
	const redact = secretRedactor([tokens.api, tokens.scim, tokens.admin]);
	return async (request) => {
		try {
			return withoutSecrets(await send(request, tokens[TOKEN_FOR[request.api]]), redact);
		} finally {
			options.onRequest?.(request);
		}
	};
}

function send(request: HttpRequest, token: string | undefined): Promise<HttpResponse> {
	const headers: Record<string, string> = { ...request.headers };
	if (token !== undefined) headers.authorization = `Bearer ${token}`;
	if (request.body !== undefined) headers['content-length'] = String(Buffer.byteLength(request.body));
	const url = new URL(request.url);
	const open = url.protocol === 'https:' ? httpsRequest : httpRequest;

	return new Promise<HttpResponse>((resolve, reject) => {
		let settled = false;
		const fail = (error: TransportError) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			req.destroy();
			reject(error);
		};
		const req = open(url, { method: request.method, headers, agent: url.protocol === 'https:' ? undefined : agent }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('error', () => fail(new TransportError('network', `Connection lost while reading ${request.method} ${url.pathname}`)));
			res.on('close', () => {
				if (!res.complete) fail(new TransportError('network', `Connection lost while reading ${request.method} ${url.pathname}`));
			});
			res.on('end', () => {
				if (settled) return;
				settled = true;
				clearTimeout(timer);
				const responseHeaders: Record<string, string> = {};
				for (const [name, value] of Object.entries(res.headers)) {
					if (value !== undefined) responseHeaders[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
				}
				resolve({ status: res.statusCode ?? 0, headers: responseHeaders, body: Buffer.concat(chunks).toString('utf8') });
			});
		});
		const timer = setTimeout(
			() => fail(new TransportError('timeout', `No answer to ${request.method} ${url.pathname} within ${request.timeoutMs} ms`)),
			request.timeoutMs,
		);
		req.on('error', (error: NodeJS.ErrnoException) =>
			fail(new TransportError('network', `${request.method} ${url.pathname} failed: ${error.code ?? 'connection error'}`)),
		);
		if (request.body !== undefined) req.write(request.body);
		req.end();
	});
}
