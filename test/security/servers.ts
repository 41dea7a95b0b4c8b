/**
 * Tiny loopback servers for the credential tests: one that records what reaches it (and passes
 * requests on to the emulator, or answers them itself), and one that redirects every request
 * to another address.
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Seen {
	method: string;
	url: string;
	headers: IncomingHttpHeaders;
}

export interface TestServer {
	url: string;
	seen: Seen[];
	stop(): Promise<void>;
}

async function listen(server: Server, seen: Seen[]): Promise<TestServer> {
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		seen,
		stop: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

/** An answer the relay gives itself instead of passing the request on. */
export interface Answer {
	status: number;
	/** The reason phrase after the status code (Node's default for the status if not given). */
	reason?: string;
	headers?: Record<string, string>;
	body: string;
}

export interface RelayHooks {
	/** Called before a request is passed on (e.g. to script an emulator fault for exactly it). */
	before?: (request: Seen) => void;
	/** An answer to give in the target's place (e.g. an error echoing the request's token); undefined passes it on. */
	answer?: (request: Seen) => Answer | undefined;
	/**
	 * Whether this request's answer is lost: it reaches the target but the connection is cut once
	 * the target has answered, as when a network fails mid-response.
	 */
	loseAnswer?: (request: Seen) => boolean;
}

/** Records every request; passes it on to `target` if given, else answers 200 `{}`. */
export async function startRecorder(target?: string, hooks: RelayHooks = {}): Promise<TestServer> {
	const { before, loseAnswer, answer } = hooks;
	const seen: Seen[] = [];
	const server = createServer((incoming, outgoing) => {
		const request: Seen = { method: incoming.method ?? '', url: incoming.url ?? '', headers: incoming.headers };
		seen.push(request);
		before?.(request);
		const own = answer?.(request);
		if (own !== undefined) {
			incoming.resume();
			if (own.reason === undefined) outgoing.writeHead(own.status, own.headers ?? {});
			else outgoing.writeHead(own.status, own.reason, own.headers ?? {});
			outgoing.end(own.body);
			return;
		}
		if (target === undefined) {
			incoming.resume();
			outgoing.writeHead(200, { 'content-type': 'application/json' }).end('{}');
			return;
		}
		const to = new URL(target);
		const forward = httpRequest(
			{ host: to.hostname, port: to.port, method: incoming.method, path: incoming.url, headers: { ...incoming.headers, host: to.host } },
			(answer) => {
				if (loseAnswer?.(request)) {
					answer.resume();
					answer.on('end', () => outgoing.destroy());
					return;
				}
				outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(outgoing);
			},
		);
		forward.on('error', () => outgoing.destroy());
		incoming.pipe(forward);
	});
	return await listen(server, seen);
}

/** Answers every request with a redirect to the same path on `target`. */
export async function startRedirector(target: string, status = 307): Promise<TestServer> {
	const seen: Seen[] = [];
	const server = createServer((incoming, outgoing) => {
		seen.push({ method: incoming.method ?? '', url: incoming.url ?? '', headers: incoming.headers });
		incoming.resume();
		outgoing.writeHead(status, { location: `${target}${incoming.url ?? '/'}` }).end();
	});
	return await listen(server, seen);
}

/**
 * Which of the given tokens came to a server in Authorization headers, by their names (never
 * the tokens themselves, so that a failing test does not print them); `other` for any other.
 */
export function tokensReceived(server: TestServer, tokens: Record<string, string>): string[] {
	const names = new Set<string>();
	for (const request of server.seen) {
		const header = request.headers.authorization;
		if (header === undefined) continue;
		const bearer = header.replace(/^Bearer\s+/i, '');
		names.add(Object.entries(tokens).find(([, token]) => token === bearer)?.[0] ?? 'other');
	}
	return [...names].sort();
}
