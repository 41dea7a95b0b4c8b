/**
 * The baseline a hand-written integration would be: sequential paging, no pacing, and on a 429
 * it waits the Retry-After seconds and tries again (nothing else is retried). Plain fetch, on
 * purpose independent of the connector.
 */
export interface NaiveStats {
	/** 429 answers met. */
	met429: number;
	/** 429s given up on (after `maxRetries`). */
	unhandled429: number;
}

export interface NaiveClientOptions {
	baseUrl: string;
	token: string;
	/** Retries of one request after 429s before giving up. */
	maxRetries?: number;
}

const NOTION_VERSION = '2022-06-28';
const SCIM_PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

export class NaiveClient {
	readonly stats: NaiveStats = { met429: 0, unhandled429: 0 };
	private readonly maxRetries: number;

	constructor(private readonly options: NaiveClientOptions) {
		this.maxRetries = options.maxRetries ?? 50;
	}

	/** Every SCIM user, one page of 100 after the other; returns how many were listed. */
	async listScimUsers(): Promise<number> {
		let startIndex = 1;
		let listed = 0;
		for (;;) {
			const page = (await this.call('GET', `/scim/v2/Users?startIndex=${startIndex}&count=100`)) as {
				totalResults: number;
				itemsPerPage: number;
				Resources?: unknown[];
			};
			const got = page.Resources?.length ?? 0;
			listed += got;
			if (got === 0 || startIndex - 1 + got >= page.totalResults) return listed;
			startIndex += got;
		}
	}

	/** Every user of the standard API, following the cursor. */
	async listApiUsers(): Promise<number> {
		let cursor: string | null = null;
		let listed = 0;
		do {
			const query: string = cursor ? `&start_cursor=${encodeURIComponent(cursor)}` : '';
			const page = (await this.call('GET', `/v1/users?page_size=100${query}`)) as {
				results: unknown[];
				has_more: boolean;
				next_cursor: string | null;
			};
			listed += page.results.length;
			cursor = page.has_more ? page.next_cursor : null;
		} while (cursor);
		return listed;
	}

	/** One PATCH per user, as a per-item node would send it. */
	async addGroupMember(groupId: string, userId: string): Promise<void> {
		await this.call('PATCH', `/scim/v2/Groups/${groupId}`, {
			schemas: [SCIM_PATCH_OP],
			Operations: [{ op: 'add', path: 'members', value: [{ value: userId }] }],
		});
	}

	private async call(method: string, path: string, body?: unknown): Promise<unknown> {
		for (let attempt = 0; ; attempt++) {
			const response = await fetch(`${this.options.baseUrl}${path}`, {
				method,
				headers: {
					authorization: `Bearer ${this.options.token}`,
					'notion-version': NOTION_VERSION,
					...(body === undefined ? {} : { 'content-type': 'application/scim+json' }),
				},
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			const text = await response.text();
			if (response.status === 429) {
				this.stats.met429++;
				if (attempt >= this.maxRetries) {
					this.stats.unhandled429++;
					throw new Error(`${method} ${path}: still 429 after ${attempt} retries`);
				}
				const seconds = Number(response.headers.get('retry-after'));
				await new Promise((resolve) => setTimeout(resolve, (Number.isFinite(seconds) ? seconds : 1) * 1000));
				continue;
			}
			if (response.status >= 300) throw new Error(`${method} ${path}: HTTP ${response.status}`);
			return text ? JSON.parse(text) : undefined;
		}
	}
}
