/**
 * HTTP plumbing on node:http: request log, latency, injected faults, rate limiting, then the
 * route of the API that was called. Every answer of the two Notion APIs carries an
 * x-notion-request-id header (Notion error bodies repeat it as request_id).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFileHost } from './admin/fileHost';
import { joinOrganization, seedInOrganization } from './admin/joinOrganization';
import { organizationFromSeed } from './admin/orgSeed';
import type { Answer } from './answer';
import type { RequestContext } from './context';
import { createControl } from './control';
import { serverError } from './errors';
import { FaultPlan, isListFault } from './faults';
import { wrongList } from './listFaults';
import { applyListingChanges } from './listingChanges';
import { RequestLimits } from './limitAnswers';
import { adminApi } from './routes/admin';
import { controlApi } from './routes/control';
import { scimApi } from './routes/scim';
import { standardApi } from './routes/standardApi';
import type { Runtime } from './runtime';
import { demoSeed } from './seed';
import { Workspace } from './store';
import {
	DEFAULT_BEHAVIOURS,
	type ApiKind,
	type Emulator,
	type EmulatorOptions,
	type FaultKind,
	type ListFaultKind,
	type LogEntry,
} from './types';

const EDGE_502_HTML =
	'<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n';

const PREFIXES: Array<[string, ApiKind]> = [
	['/scim/v2', 'scim'],
	['/admin/v1', 'admin'],
	['/_emulator', 'control'],
	['/v1', 'standard'],
];

function classify(pathname: string): { api: ApiKind; segments: string[] } {
	for (const [prefix, api] of PREFIXES) {
		if (pathname === prefix || pathname.startsWith(`${prefix}/`)) {
			const segments = pathname.slice(prefix.length).split('/').filter(Boolean).map(decodeSegment);
			return { api, segments };
		}
	}
	// Outside every API: the standard API answers (an invalid request URL once authenticated).
	return { api: 'standard', segments: ['?'] };
}

function decodeSegment(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

/** A member listing: what list faults and listing changes apply to (filtered lookups are not). */
function isListRequest(method: string, api: ApiKind, segments: string[], query: URLSearchParams): boolean {
	if (method !== 'GET' || segments.length !== 1) return false;
	if (api === 'scim') return segments[0] === 'Users' && !query.has('filter');
	return api === 'standard' && segments[0] === 'users';
}

function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

function bearerOf(req: IncomingMessage): string | undefined {
	const match = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
	return match?.[1].trim();
}

/** The runtime behind each emulator started in this process, for `organizationOf`. */
const runtimes = new WeakMap<Emulator, Runtime>();

/** The organization the new workspace joins, with that organization's main store. */
function hostOf(emulator: Emulator | undefined): Runtime | undefined {
	if (emulator === undefined) return undefined;
	const host = runtimes.get(emulator);
	if (!host?.store.org) throw new Error('organizationOf: not an emulator started in this process');
	return host;
}

export async function startServer(options: EmulatorOptions = {}): Promise<Emulator> {
	const host = hostOf(options.organizationOf);
	const ownSeed = options.seed ?? demoSeed();
	const seed = host?.store.org ? seedInOrganization(ownSeed, host.store.org, host.store) : ownSeed;
	const rt: Runtime = {
		store: Workspace.fromSeed(seed, options.now),
		behaviours: { ...DEFAULT_BEHAVIOURS, ...options.behaviours },
		faults: new FaultPlan(),
		log: [],
	};
	const organization = organizationFromSeed(seed, rt.store);
	rt.store.attachOrganization(organization);
	if (host?.store.org) joinOrganization(host.store.org, rt.store);
	if (options.faults)
		rt.faults.setRate(options.faults.rate, options.faults.kinds, options.faults.seed);
	const limits = new RequestLimits(options.rateLimit ?? { requestsPerSecond: 3, burst: 10 });
	const latencyMs = options.latencyMs ?? 0;
	// Export downloads are served apart, as Notion's come from file storage, not from the API host.
	const fileHost = await startFileHost(() => rt.store);
	organization.fileHostUrl = fileHost.url;
	const control = createControl(rt, fileHost);
	let baseUrl = '';

	function send(res: ServerResponse, entry: LogEntry, answer: Answer, requestId?: string): void {
		entry.status = answer.status;
		const headers: Record<string, string> = { ...answer.headers };
		if (requestId) headers['x-notion-request-id'] = requestId;
		if (answer.body === undefined) {
			res.writeHead(answer.status, headers).end();
			return;
		}
		let body = answer.body;
		// The Admin API's public-style errors carry it too (its strict `type` family does not).
		const carriesId = entry.api === 'standard' || entry.api === 'admin';
		if (requestId && carriesId && (body as { object?: string }).object === 'error') {
			body = { ...(body as object), request_id: requestId };
		}
		const text = JSON.stringify(body);
		// A route may answer in another media type (SCIM's application/scim+json).
		headers['content-type'] ??= 'application/json; charset=utf-8';
		headers['content-length'] = String(Buffer.byteLength(text));
		res.writeHead(answer.status, headers).end(text);
	}

	function route(ctx: RequestContext, api: Exclude<ApiKind, 'control'>): Answer {
		if (api === 'admin') return adminApi(ctx);
		return api === 'scim' ? scimApi(ctx) : standardApi(ctx);
	}

	function fault(
		kind: FaultKind,
		req: IncomingMessage,
		res: ServerResponse,
		entry: LogEntry,
		ctx: RequestContext,
		api: Exclude<ApiKind, 'control'>,
		requestId: string,
	): void {
		entry.fault = kind;
		switch (kind) {
			case 'reset':
				req.socket.destroy();
				return;
			case 'hang':
				// Never answered; stop() destroys the socket.
				return;
			case 'edge502':
				entry.status = 502;
				res
					.writeHead(502, {
						'content-type': 'text/html',
						'cf-ray': `${randomBytes(8).toString('hex')}-SJC`,
					})
					.end(EDGE_502_HTML);
				return;
			case 'malformed': {
				entry.status = 200;
				const text = '{"object":"list","results":[{"object":"user",<oops>';
				res.writeHead(200, {
					'content-type': 'application/json; charset=utf-8',
					'x-notion-request-id': requestId,
				});
				res.end(text);
				return;
			}
			case 'truncated': {
				// The real answer, computed on a throw-away copy so that a write has no effect.
				const real = route(ctx.method === 'GET' ? ctx : { ...ctx, store: ctx.store.clone() }, api);
				const text = JSON.stringify(real.body ?? {});
				const half = Buffer.from(text).subarray(0, Math.floor(Buffer.byteLength(text) / 2));
				entry.status = 200;
				res.writeHead(200, {
					'content-type': 'application/json; charset=utf-8',
					'content-length': String(half.length),
					'x-notion-request-id': requestId,
				});
				res.end(half);
				return;
			}
			default: {
				const status = Number(kind) as 429 | 500 | 502 | 503 | 504 | 529;
				const headers = status === 429 || status === 529 ? { 'retry-after': '1' } : undefined;
				send(
					res,
					entry,
					serverError(api, status, `Injected ${kind} fault`, rt.behaviours, headers),
					requestId,
				);
			}
		}
	}

	async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const method = req.method ?? 'GET';
		const url = new URL(req.url ?? '/', baseUrl);
		const { api, segments } = classify(url.pathname);
		const entry: LogEntry = { method, path: url.pathname, status: 0, api };
		rt.log.push(entry);
		const ctx: RequestContext = {
			method,
			segments,
			query: url.searchParams,
			headers: req.headers,
			rawBody: await readBody(req),
			bearer: bearerOf(req),
			store: rt.store,
			behaviours: rt.behaviours,
			baseUrl,
		};
		if (api === 'control') {
			send(res, entry, controlApi(ctx, control));
			return;
		}
		const requestId = randomUUID();
		// Notion answers in about `latencyMs`, its own work included, and works on many requests at
		// once: the answer is made on arrival and held until then, so that ten requests in flight
		// are not answered one emulator-computation after the other.
		const due = performance.now() + latencyMs;
		const untilDue = async () => {
			const left = due - performance.now();
			if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
		};
		const listRequest = isListRequest(method, api, segments, url.searchParams);
		if (listRequest) {
			const changed = applyListingChanges(rt, rt.faults.listingChangesDue());
			if (changed.length > 0) entry.listingChange = changed;
		}
		const kind = rt.faults.next(listRequest);
		// List faults apply to the member listings of SCIM and the standard API only.
		if (kind && isListFault(kind) && api !== 'admin') {
			const real = route(ctx, api);
			await untilDue();
			if (real.status !== 200) {
				// Only a 200 listing can be made wrong: the fault waits for the next one.
				rt.faults.putBack(kind);
				send(res, entry, real, requestId);
				return;
			}
			entry.fault = kind;
			send(res, entry, wrongList(kind as ListFaultKind, api, real), requestId);
			return;
		}
		if (kind) {
			await untilDue();
			fault(kind, req, res, entry, ctx, api, requestId);
			return;
		}
		const answer = limits.answer(
			ctx,
			api,
			url.pathname,
			rt.behaviours.sharedRateLimit,
			rt.behaviours.scimErrorStatusType === 'string',
			(routed) => route(routed, api),
		);
		await untilDue();
		send(res, entry, answer, requestId);
	}

	const server = createServer((req, res) => {
		handle(req, res).catch((e: unknown) => {
			// A bug in the emulator must show up as a 500, never as a hung test.
			if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end(String(e));
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', resolve);
	});
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	const emulator: Emulator = {
		url: baseUrl,
		tokens: { ...seed.tokens, admin: organization.adminToken },
		control,
		limits,
		fileHostUrl: fileHost.url,
		stop: () => {
			// Idempotent, so a test's own stop and its afterEach may both call it.
			if (!server.listening) return fileHost.stop();
			const closed = new Promise<void>((resolve, reject) => {
				server.close((e) => (e ? reject(e) : resolve()));
				server.closeAllConnections();
			});
			return Promise.all([closed, fileHost.stop()]).then(() => undefined);
		},
	};
	runtimes.set(emulator, rt);
	return emulator;
}
