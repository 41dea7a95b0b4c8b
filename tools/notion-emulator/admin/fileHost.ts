/**
 * The file host: a second loopback server, started and stopped with the emulator, that serves
 * export downloads and analytics report files the way a signed storage URL does: the secret is in the link, so a request needs
 * no credential, and one that brings an Authorization header anyway is refused (as signed-URL
 * stores refuse a second auth mechanism). It records every request's headers, so a test can prove
 * a client never sent it a token; the value of an Authorization or Cookie header is recorded
 * as `[redacted]` so the record itself never holds a secret.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Workspace } from '../store';
import { serveReport } from './reportFile';
import { EMPTY_ZIP, fileName } from './exports';

export interface FileHostRequest {
	method: string;
	path: string;
	headers: Record<string, string>;
	status: number;
}

export interface FileHost {
	url: string;
	requests(): FileHostRequest[];
	stop(): Promise<void>;
}

const SECRET_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);

function xmlError(res: ServerResponse, status: number, code: string, message: string): number {
	res.writeHead(status, { 'content-type': 'application/xml' }).end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`);
	return status;
}

function serve(req: IncomingMessage, res: ServerResponse, store: Workspace): number {
	if (req.method !== 'GET' && req.method !== 'HEAD') return xmlError(res, 405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
	if (req.headers.authorization !== undefined) return xmlError(res, 400, 'InvalidArgument', 'Only one auth mechanism allowed; the link is the credential.');
	const path = new URL(req.url ?? '/', 'http://x').pathname;
	if (path.startsWith('/analytics/')) return serveReport(req, res, store, path, xmlError);
	const match = /^\/exports\/([0-9a-f]{32})\/([^/]+)$/.exec(path);
	const jobs = store.org?.exports.all() ?? [];
	const job = match ? jobs.find((j) => j.fileKeys.includes(match[1])) : undefined;
	const index = job && match ? job.fileKeys.indexOf(match[1]) : -1;
	if (!job || !match || fileName(job, index) !== match[2]) return xmlError(res, 404, 'NoSuchKey', 'The specified key does not exist.');
	if (store.now() >= (job.urlExpiresAt ?? 0)) return xmlError(res, 403, 'AccessDenied', 'Request has expired');
	res.writeHead(200, {
		'content-type': 'application/zip',
		'content-length': String(EMPTY_ZIP.length),
		'content-disposition': `attachment; filename="${match[2]}"`,
	});
	res.end(req.method === 'HEAD' ? undefined : EMPTY_ZIP);
	return 200;
}

/** Starts the file host on loopback; `store()` is the emulator's live workspace (and organization). */
export async function startFileHost(store: () => Workspace): Promise<FileHost> {
	const log: FileHostRequest[] = [];
	const server = createServer((req, res) => {
		const headers: Record<string, string> = {};
		for (const [name, value] of Object.entries(req.headers)) {
			if (value !== undefined) headers[name] = SECRET_HEADERS.has(name) ? '[redacted]' : String(value);
		}
		const entry: FileHostRequest = { method: req.method ?? 'GET', path: new URL(req.url ?? '/', 'http://x').pathname, headers, status: 0 };
		log.push(entry);
		entry.status = serve(req, res, store());
	});
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		requests: () => log.map((e) => ({ ...e, headers: { ...e.headers } })),
		// Idempotent, as the emulator's stop is.
		stop: async () => {
			if (!server.listening) return;
			const closed = once(server, 'close');
			server.close();
			server.closeAllConnections();
			await closed;
		},
	};
}
