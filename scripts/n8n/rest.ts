/** n8n's internal REST API, as the editor uses it. */
import { createRequire } from 'node:module';
import path from 'node:path';

import { appDir } from './paths';
import { outputsOf, type ExecutionOutcome, type RawRunData } from './runData';

export interface ExecutionSummary {
	id: string;
	workflowId: string;
	mode: string;
	status: string;
	startedAt: string;
	stoppedAt: string | null;
}

/** The owner account made on every fresh user folder (loopback only, test data). */
export const OWNER = {
	email: 'owner@example.com',
	firstName: 'Notion',
	lastName: 'Admin',
	password: 'NotionAdmin1',
} as const;

/** n8n's internal REST API as the editor uses it: cookie auth bound to a browser id. */
export class N8nRest {
	static readonly browserId = 'n8n-nodes-notion-admin-cli';

	private cookie = '';

	constructor(readonly baseUrl: string) {}

	async request<T>(method: string, route: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.baseUrl}/rest${route}`, {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': N8nRest.browserId,
				...(this.cookie ? { cookie: this.cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = response.headers
			.getSetCookie()
			.find((value) => value.startsWith('n8n-auth='));
		if (setCookie) this.cookie = setCookie.split(';')[0];
		const text = await response.text();
		if (!response.ok)
			throw new Error(`${method} /rest${route} → ${response.status}: ${text.slice(0, 300)}`);
		const parsed = JSON.parse(text) as { data: T };
		return parsed.data;
	}

	/** Publishes (activates) the workflow's current version; triggers start polling right away. */
	async activate(workflowId: string): Promise<void> {
		const workflow = await this.request<{ versionId: string }>('GET', `/workflows/${workflowId}`);
		await this.request('POST', `/workflows/${workflowId}/activate`, {
			versionId: workflow.versionId,
		});
	}

	async executions(workflowId: string): Promise<ExecutionSummary[]> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		return (
			await this.request<{ results: ExecutionSummary[] }>('GET', `/executions?filter=${filter}`)
		).results;
	}

	/** Output items by node name; the run data comes back in n8n's `flatted` encoding. */
	async executionOutputs(executionId: string): Promise<ExecutionOutcome['outputs']> {
		const execution = await this.request<{ data: string }>('GET', `/executions/${executionId}`);
		const flatted = createRequire(path.join(appDir, 'package.json'))('flatted') as {
			parse: (text: string) => unknown;
		};
		return outputsOf((flatted.parse(execution.data) as RawRunData['data'])?.resultData?.runData);
	}

	/** Node types the editor offers (`/types/nodes.json`, outside /rest). */
	async nodeTypeNames(): Promise<string[]> {
		return this.typeNames('nodes');
	}

	/** Credential types the editor offers (`/types/credentials.json`, outside /rest). */
	async credentialTypeNames(): Promise<string[]> {
		return this.typeNames('credentials');
	}

	private async typeNames(kind: 'nodes' | 'credentials'): Promise<string[]> {
		const response = await fetch(`${this.baseUrl}/types/${kind}.json`, {
			headers: { 'browser-id': N8nRest.browserId, cookie: this.cookie },
		});
		if (!response.ok) throw new Error(`GET /types/${kind}.json → ${response.status}`);
		return ((await response.json()) as Array<{ name: string }>).map((type) => type.name);
	}

	/** Makes the owner account (fresh instance) and logs in as it. */
	async setupOwnerAndLogin(): Promise<void> {
		await this.request('POST', '/owner/setup', OWNER);
		await this.request('POST', '/login', {
			emailOrLdapLoginId: OWNER.email,
			password: OWNER.password,
		});
	}
}
