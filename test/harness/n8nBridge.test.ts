/**
 * The bridge between n8n and the connector, driven through a real PollContext (n8n's own
 * credential lookup and request helpers) against the emulator.
 */
import { TransportError, type HttpRequest } from '../../nodes/common/connector/transport';
import { directoryFor } from '../../nodes/common/n8n/directoryFromContext';
import { sourceOf } from '../connector/workspace';
import { n8nTransport } from '../../nodes/common/n8n/n8nTransport';
import { startEmulator, type Emulator } from '../../tools/notion-emulator';
import { createPollHarness, emulatorCredentials, packageNodeType, type TestCredentials } from '../../tools/engine-harness';

const TRIGGER = packageNodeType('notionUsersSyncTrigger');

let emulator: Emulator;

beforeAll(async () => {
	emulator = await startEmulator({ rateLimit: false });
});

afterAll(async () => {
	await emulator.stop();
});

beforeEach(() => emulator.control.resetLog());

function contextWith(credentials: TestCredentials) {
	return createPollHarness({ type: TRIGGER, credentials }).context();
}

function request(partial: Partial<HttpRequest> & Pick<HttpRequest, 'url'>): HttpRequest {
	return {
		api: 'standard',
		method: 'GET',
		headers: { 'Notion-Version': '2022-06-28' },
		timeoutMs: 5000,
		...partial,
	};
}

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
	try {
		await promise;
	} catch (error) {
		return error;
	}
	throw new Error('expected a failure');
}

describe('n8nTransport', () => {
	test('sends through n8n with the credential of the API asked for and returns the raw answer', async () => {
		const transport = n8nTransport(contextWith(emulatorCredentials(emulator)));
		const me = await transport(request({ url: `${emulator.url}/v1/users/me` }));
		expect(me.status).toBe(200);
		expect(me.headers['content-type']).toMatch(/application\/json/);
		expect(JSON.parse(me.body)).toEqual(expect.objectContaining({ object: 'user', type: 'bot' }));

		const users = await transport(
			request({ api: 'scim', url: `${emulator.url}/scim/v2/Users?count=1`, headers: {} }),
		);
		expect(users.status).toBe(200);
		expect(JSON.parse(users.body)).toEqual(expect.objectContaining({ itemsPerPage: 1 }));
	});

	test('answers HTTP errors instead of throwing them', async () => {
		const transport = n8nTransport(
			contextWith({ notionAdminApi: { token: 'secret_wrong', baseUrl: emulator.url } }),
		);
		const answer = await transport(request({ url: `${emulator.url}/v1/users/me` }));
		expect(answer.status).toBe(401);
		expect(JSON.parse(answer.body)).toEqual(expect.objectContaining({ code: 'unauthorized' }));
	});

	test('sends a JSON body as JSON', async () => {
		const transport = n8nTransport(contextWith(emulatorCredentials(emulator)));
		const created = await transport(
			request({
				api: 'scim',
				method: 'POST',
				url: `${emulator.url}/scim/v2/Users`,
				headers: {},
				body: JSON.stringify({
					schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
					userName: 'bridge.test@acme.test',
					name: { givenName: 'Bridge', familyName: 'Test' },
				}),
			}),
		);
		expect(created.status).toBe(201);
		expect(JSON.parse(created.body)).toEqual(
			expect.objectContaining({ userName: 'bridge.test@acme.test' }),
		);
	});

	test('a reset connection becomes a network TransportError that carries no token', async () => {
		const transport = n8nTransport(contextWith(emulatorCredentials(emulator)));
		emulator.control.scriptFaults(['reset']);
		const error = await failureOf(transport(request({ url: `${emulator.url}/v1/users/me` })));
		expect(error).toBeInstanceOf(TransportError);
		expect((error as TransportError).reason).toBe('network');
		expect(
			JSON.stringify({ ...(error as object), message: (error as Error).message }),
		).not.toContain(emulator.tokens.api);
	});

	test('no answer within the timeout becomes a timeout TransportError', async () => {
		const transport = n8nTransport(contextWith(emulatorCredentials(emulator)));
		emulator.control.scriptFaults(['hang']);
		const error = await failureOf(
			transport(request({ url: `${emulator.url}/v1/users/me`, timeoutMs: 300 })),
		);
		expect(error).toBeInstanceOf(TransportError);
		expect((error as TransportError).reason).toBe('timeout');
	});

	test('a refused connection becomes a network TransportError', async () => {
		const closed = await startEmulator({ rateLimit: false });
		const url = closed.url;
		await closed.stop();
		const transport = n8nTransport(
			contextWith({ notionAdminApi: { token: 'secret_x', baseUrl: url } }),
		);
		const error = await failureOf(transport(request({ url: `${url}/v1/users/me` })));
		expect(error).toBeInstanceOf(TransportError);
		expect((error as TransportError).reason).toBe('network');
		expect((error as Error).message).toContain('ECONNREFUSED');
	});
});

describe('directoryFor', () => {
	test('reads through SCIM when the node has a SCIM credential', async () => {
		const directory = await directoryFor(contextWith(emulatorCredentials(emulator)));
		expect(await sourceOf(directory)).toEqual({ source: 'scim' });
	});

	test('without a SCIM credential it falls back to the standard API and says why', async () => {
		const directory = await directoryFor(
			contextWith(emulatorCredentials(emulator, { scim: false })),
		);
		const listing = await directory.listMembers();
		expect(listing.via).toEqual(
			expect.objectContaining({ source: 'api', fallbackReason: 'no_scim_token' }),
		);
		expect(listing.members.length).toBeGreaterThan(0);
		expect(emulator.control.requestLog().every((entry) => entry.api === 'standard')).toBe(true);
	});

	test.each([
		['ftp://127.0.0.1/', 'notionAdminApi', 'Notion Admin API'],
		['file:///etc/passwd', 'notionAdminApi', 'Notion Admin API'],
		['not a url', 'notionAdminApi', 'Notion Admin API'],
		['javascript:alert(1)', 'notionAdminScimApi', 'Notion Admin SCIM API'],
	])('refuses the Base URL %s of %s', async (baseUrl, type, displayName) => {
		const credentials = emulatorCredentials(emulator);
		credentials[type] = { ...credentials[type], baseUrl };
		const error = await failureOf(directoryFor(contextWith(credentials)));
		expect((error as Error).message).toBe(
			`The "Base URL" field of the "${displayName}" credential must be an http:// or https:// URL`,
		);
		expect(emulator.control.requestLog()).toEqual([]);
	});

	test('a Base URL with trailing slashes works', async () => {
		const credentials = emulatorCredentials(emulator);
		credentials.notionAdminApi = { ...credentials.notionAdminApi, baseUrl: `${emulator.url}//` };
		const directory = await directoryFor(contextWith(credentials));
		expect((await directory.listMembers({ limit: 1 })).members.length).toBeGreaterThan(0);
	});
});
