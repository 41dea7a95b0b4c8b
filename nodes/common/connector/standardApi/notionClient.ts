/**
 * The @notionhq/client instance for the standard API, with its fetch routed through our
 * requester.
 *
 * Why through the requester rather than the SDK calling the transport and us retrying around
 * it: the requester is the single place that paces (the shared per-credential budget), retries,
 * applies timeouts and classifies failures for BOTH APIs. The SDK therefore runs with its own
 * retries off and only shapes requests (paths, query, Notion-Version header) and responses
 * (types); a failure reaches the caller as our NotionAdminError, which the SDK rethrows as is.
 */
import { Client, LogLevel } from '@notionhq/client';
import type { Requester } from '../http/requester';
import type { HttpRequest } from '../transport';

/** Any version ≥ 2022-06-28 has the same users endpoints; this one is widely deployed. */
export const NOTION_VERSION = '2022-06-28';

/**
 * The SDK's own timer wraps the whole paced and retried call, so it must not fire before our
 * per-attempt timeouts and retries have run their course; they bound the call instead.
 */
const SDK_TIMEOUT_MS = 24 * 60 * 60 * 1000;

const METHODS = new Set<HttpRequest['method']>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** `deadline` (from `now()`) bounds every request the client makes, retries included. */
export function createNotionClient(apiBaseUrl: string, requester: Requester, deadline?: number): Client {
	return new Client({
		// No `auth`: the transport adds authentication, the connector never holds the token.
		baseUrl: apiBaseUrl.replace(/\/+$/, '').replace(/\/v1$/i, ''),
		notionVersion: NOTION_VERSION,
		retry: false,
		timeoutMs: SDK_TIMEOUT_MS,
		logLevel: LogLevel.ERROR,
		logger: () => undefined,
		fetch: async (url, init) => {
			const method = (init?.method ?? 'GET').toUpperCase() as HttpRequest['method'];
			if (!METHODS.has(method)) throw new Error(`Unsupported method ${method}`);
			if (init?.body !== undefined && typeof init.body !== 'string') throw new Error('Form bodies are not supported');
			const result = await requester.send({
				api: 'standard',
				method,
				url,
				headers: init?.headers,
				body: init?.body === undefined ? undefined : JSON.parse(init.body),
				deadline,
			});
			return {
				ok: true,
				status: result.status,
				headers: result.headers,
				text: async () => result.text,
			};
		},
	});
}
