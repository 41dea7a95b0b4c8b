/**
 * An analytics report's file on the file host: `/analytics/{32-hex key}/user-activity-{id}.{csv|jsonl}`,
 * served until that link's expiry by the emulator's clock. The body is written in chunks of about
 * 64 KiB as rows are made, waiting for the socket to drain, so neither side needs the whole file at once.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Writable } from 'node:stream';
import type { Workspace } from '../store';
import { reportFileName, reportOfKey } from './analyticsReports';
import { reportLines } from './reportRows';

const CHUNK = 64 * 1024;

type XmlError = (res: ServerResponse, status: number, code: string, message: string) => number;

/** Resolves once the socket drains or closes, leaving no listener behind (one wait per chunk). */
function drained(res: Writable): Promise<void> {
	return new Promise((resolve) => {
		const done = () => {
			res.off('drain', done);
			res.off('close', done);
			resolve();
		};
		res.on('drain', done);
		res.on('close', done);
	});
}

/** Writes the lines in chunks of about 64 KiB, waiting for each to drain; ends the stream. */
export async function writeInChunks(res: Writable, lines: Iterable<string>): Promise<void> {
	let chunk = '';
	for (const line of lines) {
		if (res.destroyed) return;
		chunk += line;
		if (chunk.length < CHUNK) continue;
		const flushed = res.write(chunk);
		chunk = '';
		if (!flushed) await drained(res);
	}
	res.end(chunk);
}

export function serveReport(req: IncomingMessage, res: ServerResponse, store: Workspace, path: string, xmlError: XmlError): number {
	const match = /^\/analytics\/([0-9a-f]{32})\/([^/]+)$/.exec(path);
	const org = store.org;
	const found = match && org ? reportOfKey(org, match[1]) : undefined;
	if (!org || !match || !found || reportFileName(found.report) !== match[2]) return xmlError(res, 404, 'NoSuchKey', 'The specified key does not exist.');
	if (store.now() >= found.expiresAt) return xmlError(res, 403, 'AccessDenied', 'Request has expired');
	const type = found.report.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8';
	res.writeHead(200, { 'content-type': type, 'content-disposition': `attachment; filename="${match[2]}"` });
	if (req.method === 'HEAD') {
		res.end();
		return 200;
	}
	writeInChunks(res, reportLines(org, found.report, store)).catch((e: unknown) => res.destroy(e instanceof Error ? e : new Error(String(e))));
	return 200;
}
