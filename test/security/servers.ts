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

/** Records every request; passes it on to `target` if given, else answers 200 `{}`. */
export async function startRecorder(target?: string): Promise<TestServer> {
	const seen: Seen[] = [];
	const server = createServer((incoming, outgoing) => {
		seen.push({ method: incoming.method ?? '', url: incoming.url ?? '', headers: incoming.headers });
		if (target === undefined) {
			incoming.resume();
			outgoing.writeHead(200, { 'content-type': 'application/json' }).end('{}');
			return;
		}
		const to = new URL(target);
		const forward = httpRequest(
			{ host: to.hostname, port: to.port, method: incoming.method, path: incoming.url, headers: { ...incoming.headers, host: to.host } },
			(answer) => {
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

/** The bearer tokens in the Authorization headers a server received. */
export function bearerTokens(server: TestServer): string[] {
	return [
		...new Set(
			server.seen
				.map((request) => request.headers.authorization)
				.filter((value): value is string => value !== undefined)
				.map((value) => value.replace(/^Bearer\s+/i, '')),
		),
	];
}
