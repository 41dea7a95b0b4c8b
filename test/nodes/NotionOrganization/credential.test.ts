/**
 * The Notion Organization API credential: its Test button against the emulator's Admin API (the
 * version header sent, a wrong token and a missing scope explained), its Base URL checked before
 * any request, and its token never shown, even when a server echoes it in an error.
 */
import { testCredential, packageNodeType, runNode } from '../../../tools/engine-harness';
import { registerSecrets } from '../../../tools/engine-harness/records';
import type { Emulator } from '../../../tools/notion-emulator';
import { startRecorder } from '../../security/servers';
import { startOrganization } from './support';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startOrganization();
});
afterAll(async () => {
	await emulator.stop();
});
beforeEach(() => {
	emulator.control.setBehaviours({ adminTokenScopes: 'all' });
	emulator.control.resetLog();
});

describe('Notion Organization API credential', () => {
	it('its Test button lists the workspaces with the organization token and the version header', async () => {
		const result = await testCredential('notionOrganizationApi', { token: emulator.tokens.admin, baseUrl: `${emulator.url}/admin` });
		expect(result).toEqual(expect.objectContaining({ status: 'OK', statusCode: 200 }));
		expect(emulator.control.requestLog().at(-1)).toEqual(expect.objectContaining({ method: 'GET', path: '/admin/v1/spaces', status: 200 }));
	});

	it('a Base URL given with /v1 or a trailing slash works', async () => {
		for (const baseUrl of [`${emulator.url}/admin/v1`, `${emulator.url}/admin/`]) {
			const result = await testCredential('notionOrganizationApi', { token: emulator.tokens.admin, baseUrl });
			expect(result.status).toBe('OK');
		}
	});

	it('a wrong token fails the test, saying so', async () => {
		const result = await testCredential('notionOrganizationApi', { token: 'adm_wrong-token-for-the-test', baseUrl: `${emulator.url}/admin` });
		expect(result).toEqual(expect.objectContaining({ status: 'Error', statusCode: 401 }));
		expect(result.message).toContain('organization bot token');
	});

	it('a token without workspace:read fails the test, naming the scope', async () => {
		emulator.control.setBehaviours({ adminTokenScopes: ['user:read'] });
		const result = await testCredential('notionOrganizationApi', { token: emulator.tokens.admin, baseUrl: `${emulator.url}/admin` });
		expect(result).toEqual(expect.objectContaining({ status: 'Error', statusCode: 403 }));
		expect(result.message).toContain('"workspace:read"');
	});

	it('a Base URL with a user name and password is refused before any request', async () => {
		const run = await runNode({
			type: packageNodeType('notionOrganization'),
			parameters: { resource: 'workspace', operation: 'getAll', returnAll: true },
			credentials: { notionOrganizationApi: { token: emulator.tokens.admin, baseUrl: `http://user:pw@127.0.0.1:1/admin` } },
		});
		expect(run.status).toBe('error');
		expect(run.error?.message).toContain('"Base URL" field of the "Notion Organization API" credential');
		expect(run.error?.message).not.toContain('pw@');
		expect(emulator.control.requestLog()).toEqual([]);
	});

	it('a server echoing the token in its error: the token is in no item, error or description', async () => {
		const token = 'adm_echo-me-if-you-can-0123456789';
		registerSecrets(token);
		const echo = await startRecorder(undefined, {
			// The bare token, without "Bearer " (which a pattern would catch): only the transport knows it.
			answer: (request) => {
				const received = String(request.headers.authorization).replace(/^Bearer /, '');
				return {
					status: 401,
					headers: { 'content-type': 'application/json', 'x-notion-request-id': `req ${received}` },
					body: JSON.stringify({ type: 'error', status: 401, code: 'unauthorized', message: `Invalid token ${received}`, request_id: received }),
				};
			},
		});
		try {
			for (const continueOnFail of [false, true]) {
				const run = await runNode({
					type: packageNodeType('notionOrganization'),
					parameters: { resource: 'workspace', operation: 'getAll', returnAll: true },
					credentials: { notionOrganizationApi: { token, baseUrl: `${echo.url}/admin` } },
					node: continueOnFail ? { onError: 'continueRegularOutput' } : undefined,
				});
				expect(echo.seen.at(-1)?.headers.authorization).toBe(`Bearer ${token}`);
				const shown = JSON.stringify({ items: run.items, error: run.error, description: run.error?.description, message: run.error?.message });
				expect(shown).toContain('HTTP 401');
				expect(shown).not.toContain(token);
			}
		} finally {
			await echo.stop();
		}
	});
});
