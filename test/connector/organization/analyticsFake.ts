/**
 * A loopback stand-in for the Admin API's analytics reports and the file host that serves their
 * files, on one node:http server, recording every request with its headers. The organization
 * client reaches it through loopbackTransport (which adds the organization bot token, as n8n
 * does) and the report files through the client's default FileDownload (the runtime's fetch):
 * so a test can see which requests carried the token.
 *
 * Scripted, not a model: each report answers its `statuses` in turn (the last one repeats), and
 * a completed report's link is `/files/<id>?sig=<n>`, good until `expireLinks()`.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DirectoryTuning } from '../../../nodes/common/connector/directoryOptions';
import { createOrganizationClient } from '../../../nodes/common/connector/organization/organizationClient';
import { loopbackTransport } from '../../support/loopbackTransport';
import { fakeClock } from '../fakeClock';

export const TOKEN = 'adm_analytics-fake-token-0123456789';
export const WORKSPACE = '11111111-1111-4111-8111-111111111111';
/** When every link the fake gives stops working by its word (the clients' clock starts a week before). */
export const LINK_EXPIRES = Date.UTC(2026, 5, 22);

export interface SeenRequest {
	method: string;
	path: string;
	query: URLSearchParams;
	headers: IncomingHttpHeaders;
	body: string;
}

export interface FakeReport {
	id: string;
	statuses: string[];
	format: 'csv' | 'jsonl';
	/** The file's content, written in these pieces (a function may wait between them). */
	file: string[] | ((write: (text: string) => Promise<void>) => Promise<void>);
	extra?: Record<string, unknown>;
}

/** An Admin API error body in the `{"type":"error",…}` envelope. */
export interface Refusal {
	status: number;
	code: string;
}

export interface AnalyticsFake {
	url: string;
	seen: SeenRequest[];
	reports: Map<string, FakeReport>;
	/** The next create answers this instead of queueing a report. */
	refuseCreate: (refusal: Refusal) => void;
	/** Every link given so far stops working (403 from the file host). */
	expireLinks: () => void;
	/** The file host refuses every link, fresh ones too. */
	refuseAllLinks: () => void;
	close: () => Promise<void>;
}

export async function startAnalyticsFake(): Promise<AnalyticsFake> {
	const seen: SeenRequest[] = [];
	const reports = new Map<string, FakeReport>();
	const reads = new Map<string, number>();
	let signature = 0;
	let goodFrom = 0;
	let refuseAll = false;
	let refusal: Refusal | undefined;
	let created = 0;

	const server = createServer((incoming, outgoing) => {
		const chunks: Buffer[] = [];
		incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
		incoming.on('end', () => {
			const url = new URL(incoming.url ?? '/', 'http://fake');
			const request = { method: incoming.method ?? '', path: url.pathname, query: url.searchParams, headers: incoming.headers, body: Buffer.concat(chunks).toString('utf8') };
			seen.push(request);
			void answer(request, outgoing);
		});
	});

	const send = (outgoing: ServerResponse, status: number, body: unknown) => {
		outgoing.writeHead(status, { 'content-type': 'application/json', 'x-notion-request-id': 'fake-req' });
		outgoing.end(JSON.stringify(body));
	};

	const reportBody = (report: FakeReport) => {
		const count = reads.get(report.id) ?? 0;
		reads.set(report.id, count + 1);
		const status = report.statuses[Math.min(count, report.statuses.length - 1)];
		const body: Record<string, unknown> = { object: 'analytics_report', id: report.id, workspace_id: WORKSPACE, status, file_format: report.format, ...report.extra };
		if (status === 'completed') {
			signature += 1;
			body.download_url = `${address}/files/${report.id}?sig=${signature}`;
			body.link_expires_at = LINK_EXPIRES;
		}
		return body;
	};

	async function answer(request: SeenRequest, outgoing: ServerResponse): Promise<void> {
		const { method, path } = request;
		if (method === 'POST' && path === '/admin/v1/analytics/user_activity/reports') {
			if (refusal !== undefined) {
				const { status, code } = refusal;
				refusal = undefined;
				return send(outgoing, status, { type: 'error', status, code, message: `Refused: ${code}` });
			}
			created += 1;
			const id = `report-${created}`;
			if (!reports.has(id)) reports.set(id, { id, statuses: ['queued'], format: 'jsonl', file: [] });
			return send(outgoing, 202, { id, status: 'queued' });
		}
		const one = /^\/admin\/v1\/analytics\/user_activity\/reports\/([^/]+)$/.exec(path);
		if (method === 'GET' && one) {
			const report = reports.get(decodeURIComponent(one[1]));
			if (report === undefined) return send(outgoing, 404, { type: 'error', status: 404, code: 'object_not_found', message: 'No such report' });
			return send(outgoing, 200, reportBody(report));
		}
		if (method === 'GET' && path === '/admin/v1/analytics/reports') {
			const all = [...reports.values()];
			const start = Number(request.query.get('start_cursor') ?? 0);
			const size = Number(request.query.get('page_size') ?? 100);
			const page = all.slice(start, start + size).map((report) => ({ id: report.id, status: report.statuses[0], file_format: report.format }));
			const next = start + size < all.length ? String(start + size) : null;
			return send(outgoing, 200, { object: 'list', type: 'analytics_report', results: page, has_more: next !== null, next_cursor: next });
		}
		const file = /^\/files\/([^/]+)$/.exec(path);
		if (method === 'GET' && file) {
			const report = reports.get(file[1]);
			const sig = Number(request.query.get('sig'));
			if (report === undefined || refuseAll || sig < goodFrom) {
				outgoing.writeHead(403, { 'content-type': 'application/xml' });
				return void outgoing.end('<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>');
			}
			outgoing.writeHead(200, { 'content-type': report.format === 'csv' ? 'text/csv' : 'application/x-ndjson' });
			const write = (text: string) => new Promise<void>((resolve) => outgoing.write(text, () => resolve()));
			if (typeof report.file === 'function') await report.file(write);
			else for (const piece of report.file) await write(piece);
			return void outgoing.end();
		}
		send(outgoing, 400, { type: 'error', status: 400, code: 'invalid_request_url', message: `Unscripted ${method} ${path}` });
	}

	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		url: address,
		seen,
		reports,
		refuseCreate: (given) => (refusal = given),
		expireLinks: () => (goodFrom = signature + 1),
		refuseAllLinks: () => (refuseAll = true),
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

/** The organization client on the fake, over loopback HTTP with the token added, on a virtual clock. */
export function clientOn(fake: AnalyticsFake, start = Date.UTC(2026, 5, 15, 12), tuning: Partial<DirectoryTuning> = {}) {
	const clock = fakeClock(start);
	const client = createOrganizationClient({
		baseUrl: `${fake.url}/admin`,
		transport: loopbackTransport({ admin: TOKEN }),
		now: clock.now,
		sleep: clock.sleep,
		random: () => 0.5,
		tuning: { requestsPerSecond: 1000, burst: 1000, timeoutMs: 5000, maxAttempts: 2, baseDelayMs: 10, ...tuning },
	});
	return { client, clock };
}

export const apiRequests = (fake: AnalyticsFake) => fake.seen.filter((request) => request.path.startsWith('/admin/'));
export const fileRequests = (fake: AnalyticsFake) => fake.seen.filter((request) => request.path.startsWith('/files/'));

/** `n` JSONL rows of members (every tenth a page guest). */
export function jsonlRows(n: number, from = 0): string[] {
	const rows: string[] = [];
	for (let i = from; i < from + n; i++) {
		const role = i % 10 === 9 ? 'page_guest' : 'member';
		rows.push(`${JSON.stringify({ workspace_id: WORKSPACE, user_id: userId(i), name: `User ${i}`, email: `u${i}@example.com`, current_role: role, current_teamspaces: ['General'], page_views: i % 7, page_edits: i % 3, active_days: i % 31 })}\n`);
	}
	return rows;
}

export const userId = (i: number) => `aaaaaaaa-0000-4000-8000-${String(i).padStart(12, '0')}`;
