/**
 * Fetching a completed report's file from its signed link. The link carries its own credential,
 * so the request is a plain GET with no Authorization header: it never goes through the Admin
 * API's transport (which adds the organization bot token), but through a FileDownload that is
 * given nothing but the URL. The body comes as a stream of chunks, decoded here as it arrives,
 * so a large file is never held whole.
 *
 * The link is never put in a message: its query string is the credential.
 */
import { NotionAdminError } from '../errors';

export interface FileResponse {
	status: number;
	/** The body as it arrives. */
	body: AsyncIterable<Uint8Array | string>;
	/** Stops reading (a refused answer's body is not wanted). */
	cancel?: () => Promise<void>;
}

/** A plain GET of `url` that follows redirects and adds no header of its own. */
export type FileDownload = (url: string, options: { timeoutMs: number }) => Promise<FileResponse>;

/** Ten minutes for a whole file: a 100,000-row report is some tens of megabytes. */
export const DOWNLOAD_TIMEOUT_MS = 10 * 60 * 1000;

async function* nothing(): AsyncGenerator<Uint8Array> {}

/**
 * The runtime's fetch, sent with no headers at all (and so none of the organization's); a
 * redirect to the file store is followed. The node may pass one over n8n's helpers instead.
 */
export const fetchDownload: FileDownload = async (url, { timeoutMs }) => {
	const response = await fetch(url, { method: 'GET', redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
	const body = response.body;
	return {
		status: response.status,
		body: body ?? nothing(),
		cancel: async () => {
			await body?.cancel();
		},
	};
};

/** Where a link points, for messages: the host only. */
export function hostOf(url: string): string {
	try {
		return new URL(url).host;
	} catch {
		return 'the file host';
	}
}

export function requireLink(url: string): string {
	let protocol: string | undefined;
	try {
		protocol = new URL(url).protocol;
	} catch {
		protocol = undefined;
	}
	if (protocol === 'https:' || protocol === 'http:') return url;
	throw new NotionAdminError('bad_response', "Notion's report link is not a web address", 'Read the report again for a fresh link', { api: 'organization' });
}

export async function openFile(download: FileDownload, url: string, timeoutMs: number): Promise<FileResponse> {
	try {
		return await download(requireLink(url), { timeoutMs });
	} catch (error) {
		if (error instanceof NotionAdminError) throw error;
		throw new NotionAdminError(
			'unavailable',
			`The report file could not be fetched from ${hostOf(url)} (${error instanceof Error ? error.name : 'network error'})`,
			'Check the connection to the file host and try again',
			{ api: 'organization' },
		);
	}
}

/**
 * The file's text piece by piece as its bytes arrive (UTF-8, a character split between two
 * chunks kept whole, a leading byte-order mark dropped). Bytes that are not UTF-8 are an error,
 * never replaced: a changed name or address would go unnoticed.
 */
export async function* decodedText(body: AsyncIterable<Uint8Array | string>, host: string): AsyncGenerator<string> {
	const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
	let bytes = 0;
	const broken = (what: string) =>
		new NotionAdminError('bad_response', `The report file from ${host} ${what} after ${bytes} bytes`, 'Read the report again and download it anew', {
			api: 'organization',
		});
	const iterator = body[Symbol.asyncIterator]();
	for (;;) {
		let next: IteratorResult<Uint8Array | string>;
		try {
			next = await iterator.next();
		} catch {
			throw broken('stopped arriving');
		}
		if (next.done) break;
		const chunk = next.value;
		if (typeof chunk === 'string') {
			bytes += chunk.length;
			if (chunk !== '') yield chunk;
			continue;
		}
		let piece: string;
		try {
			piece = decoder.decode(chunk, { stream: true });
		} catch {
			throw broken('is not UTF-8 text');
		}
		bytes += chunk.byteLength;
		if (piece !== '') yield piece;
	}
	let rest: string;
	try {
		rest = decoder.decode();
	} catch {
		throw broken('ends inside a character');
	}
	if (rest !== '') yield rest;
}
