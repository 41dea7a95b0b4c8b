/**
 * Where the tokens may go: only to the http(s) host their credential names, never to the other
 * credential's host, and not along a redirect to another host.
 */
import type { INodeParameters } from 'n8n-workflow';

import { startEmulator, type Emulator } from '../../tools/notion-emulator';
import { createPollHarness, packageNodeType, runNode, testCredential, type TestCredentials } from '../../tools/engine-harness';
import { registerSecrets } from '../../tools/engine-harness/records';
import { startRecorder, startRedirector, tokensReceived, type TestServer } from './servers';

let emulator: Emulator;
const servers: TestServer[] = [];
beforeEach(async () => {
	emulator = await startEmulator({ rateLimit: false });
	registerSecrets(emulator.tokens.api, emulator.tokens.scim);
});
afterEach(async () => {
	for (const server of servers.splice(0)) await server.stop();
	await emulator.stop();
});

async function server(start: Promise<TestServer>): Promise<TestServer> {
	const started = await start;
	servers.push(started);
	return started;
}

function credentials(apiBaseUrl: string, scimBaseUrl: string): TestCredentials {
	return {
		notionAdminApi: { token: emulator.tokens.api, baseUrl: apiBaseUrl, requestsPerSecond: 1000 },
		notionAdminScimApi: { token: emulator.tokens.scim, baseUrl: scimBaseUrl },
	};
}

const admin = (parameters: Record<string, unknown>, creds: TestCredentials) =>
	runNode({ type: packageNodeType('notionAdmin'), parameters: parameters as INodeParameters, credentials: creds });

const tokens = () => ({ 'API token': emulator.tokens.api, 'SCIM token': emulator.tokens.scim });
const apiRequests = () => emulator.control.requestLog().filter((entry) => entry.api !== 'control');

describe('Base URLs accept only http(s)', () => {
	const BAD = [
		'ftp://127.0.0.1:21',
		'file:///etc/passwd',
		'javascript:alert(1)',
		'ws://127.0.0.1:4010',
		'data:text/plain,hello',
		'gopher://127.0.0.1:70',
		'127.0.0.1:4010',
		'//127.0.0.1:4010',
		'ftp://admin:hunter2@127.0.0.1',
	];

	for (const [which, credential] of [
		['API', 'Notion Admin API'],
		['SCIM', 'Notion Admin SCIM API'],
	] as const) {
		it.each(BAD)(`the ${which} credential's %s is refused before any request, without echoing it`, async (url) => {
			const creds = which === 'API' ? credentials(url, emulator.url) : credentials(emulator.url, url);
			const run = await admin({ resource: 'user', operation: 'getAll', returnAll: true }, creds);
			expect(run.status).toBe('error');
			expect(run.error?.message).toContain(`"Base URL" field of the "${credential}" credential`);
			expect(`${run.error?.message} ${run.error?.description}`).not.toContain('hunter2');
			expect(apiRequests()).toEqual([]);
		});
	}

	it('the trigger refuses them too, and its baseline is untouched', async () => {
		const trigger = createPollHarness({
			type: packageNodeType('notionUsersSyncTrigger'),
			credentials: credentials('file:///etc/passwd', emulator.url),
		});
		await expect(trigger.poll()).rejects.toThrow(/Base URL/);
		expect(trigger.staticData()).toEqual({});
		expect(apiRequests()).toEqual([]);
	});
});

describe('each token goes only to its own host', () => {
	it('the API token only to the API base URL, the SCIM token only to the SCIM base URL, in every operation', async () => {
		const apiHost = await server(startRecorder(emulator.url));
		const scimHost = await server(startRecorder(emulator.url));
		const creds = credentials(apiHost.url, scimHost.url);
		const operations: Array<Record<string, unknown>> = [
			{ resource: 'user', operation: 'getAll', returnAll: true },
			{ resource: 'user', operation: 'create', email: 'hedy@acme.test', role: 'member' },
			{ resource: 'user', operation: 'get', user: { __rl: true, mode: 'email', value: 'hedy@acme.test' } },
			{ resource: 'group', operation: 'create', name: 'Inventors', options: { members: 'hedy@acme.test' } },
			{ resource: 'workspace', operation: 'getLicenseSummary' },
		];
		for (const parameters of operations) expect((await admin(parameters, creds)).status).toBe('success');
		// Once the SCIM token is revoked, reads fall back to the standard API.
		emulator.control.revokeScimToken();
		expect((await admin(operations[0], creds)).status).toBe('success');
		const trigger = createPollHarness({ type: packageNodeType('notionUsersSyncTrigger'), credentials: creds });
		await trigger.poll();

		expect(apiHost.seen.length).toBeGreaterThan(0);
		expect(scimHost.seen.length).toBeGreaterThan(0);
		expect(tokensReceived(apiHost, tokens())).toEqual(['API token']);
		expect(tokensReceived(scimHost, tokens())).toEqual(['SCIM token']);
		expect(apiHost.seen.every((request) => request.url.startsWith('/v1/'))).toBe(true);
		expect(scimHost.seen.every((request) => request.url.startsWith('/scim/'))).toBe(true);
	});
});

describe('a redirect to another host does not carry the Authorization header', () => {
	for (const status of [301, 302, 307, 308]) {
		it(`${status} from both base URLs: the node fails clearly and the other host gets no token`, async () => {
			const elsewhere = await server(startRecorder());
			const redirector = await server(startRedirector(elsewhere.url, status));
			const run = await admin({ resource: 'user', operation: 'getAll', returnAll: true }, credentials(redirector.url, redirector.url));

			expect(run.status).toBe('error');
			expect(redirector.seen.length).toBeGreaterThan(0);
			expect(tokensReceived(elsewhere, tokens())).toEqual([]);
		});

		it(`${status} on the credential's Test button: the other host gets no token`, async () => {
			const elsewhere = await server(startRecorder());
			const redirector = await server(startRedirector(elsewhere.url, status));
			for (const [type, token] of [
				['notionAdminApi', emulator.tokens.api],
				['notionAdminScimApi', emulator.tokens.scim],
			] as const) {
				await testCredential(type, { token, baseUrl: redirector.url });
			}
			expect(redirector.seen.length).toBe(2);
			expect(tokensReceived(elsewhere, tokens())).toEqual([]);
		});
	}
});
