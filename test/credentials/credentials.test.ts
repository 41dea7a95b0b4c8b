import { NotionAdminApi } from '../../credentials/NotionAdminApi.credentials';
import { NotionAdminScimApi } from '../../credentials/NotionAdminScimApi.credentials';
import { startEmulator, type Emulator } from '../../tools/notion-emulator';
import { createPollHarness, emulatorCredentials, packageNodeType, runNode, testCredential } from '../../tools/engine-harness';

let emulator: Emulator;

beforeAll(async () => {
	emulator = await startEmulator({ rateLimit: false });
});

afterAll(async () => {
	await emulator.stop();
});

describe('Notion Admin API credential', () => {
	test('its test request passes with the integration token', async () => {
		const result = await testCredential('notionAdminApi', {
			token: emulator.tokens.api,
			baseUrl: emulator.url,
		});
		expect(result).toEqual(expect.objectContaining({ status: 'OK', statusCode: 200 }));
		expect(emulator.control.requestLog().at(-1)).toEqual(
			expect.objectContaining({ method: 'GET', path: '/v1/users/me', status: 200 }),
		);
	});

	test('its test request fails with a wrong token', async () => {
		const result = await testCredential('notionAdminApi', {
			token: 'secret_wrong',
			baseUrl: emulator.url,
		});
		expect(result).toEqual(expect.objectContaining({ status: 'Error', statusCode: 401 }));
		expect(result.message).toMatch(/refused the token \(HTTP 401\).*paste the internal integration secret again/);
	});

	test('a Base URL with a trailing slash works', async () => {
		const result = await testCredential('notionAdminApi', {
			token: emulator.tokens.api,
			baseUrl: `${emulator.url}/`,
		});
		expect(result.status).toBe('OK');
	});
});

describe('Notion Admin SCIM API credential', () => {
	test('its test request passes with the SCIM token in one GET', async () => {
		emulator.control.resetLog();
		const result = await testCredential('notionAdminScimApi', {
			token: emulator.tokens.scim,
			baseUrl: emulator.url,
		});
		expect(result).toEqual(expect.objectContaining({ status: 'OK', statusCode: 200 }));
		expect(emulator.control.requestLog()).toEqual([
			expect.objectContaining({ method: 'GET', path: '/scim/v2/Users', api: 'scim', status: 200 }),
		]);
	});

	test('the standard API token is not a SCIM token', async () => {
		const result = await testCredential('notionAdminScimApi', {
			token: emulator.tokens.api,
			baseUrl: emulator.url,
		});
		expect(result.status).toBe('Error');
		expect(result.statusCode).toBe(401);
	});

	test('its test request fails once the token is revoked', async () => {
		const revoked = await startEmulator({ rateLimit: false });
		try {
			revoked.control.revokeScimToken();
			const result = await testCredential('notionAdminScimApi', {
				token: revoked.tokens.scim,
				baseUrl: revoked.url,
			});
			expect(result).toEqual(expect.objectContaining({ status: 'Error', statusCode: 401 }));
			expect(result.message).toMatch(/SCIM token was refused \(HTTP 401\).*create a new one/);
		} finally {
			await revoked.stop();
		}
	});
});

describe('credential types', () => {
	const types = [new NotionAdminApi(), new NotionAdminScimApi()];

	test('do not take the names of n8n’s own Notion credentials', () => {
		expect(types.map((type) => type.name)).toEqual(['notionAdminApi', 'notionAdminScimApi']);
		for (const type of types) {
			expect(['notionApi', 'notionOAuth2Api']).not.toContain(type.name);
		}
	});

	test('keep tokens in password fields and offer a Base URL defaulting to Notion', () => {
		for (const type of types) {
			const token = type.properties.find((property) => property.name === 'token');
			expect(token?.typeOptions?.password).toBe(true);
			const baseUrl = type.properties.find((property) => property.name === 'baseUrl');
			expect(baseUrl?.default).toBe('https://api.notion.com');
		}
	});

	test('the SCIM test asks for a single user, the API test for the token’s own bot', () => {
		expect(new NotionAdminScimApi().test.request).toEqual(
			expect.objectContaining({ url: '/scim/v2/Users', qs: { count: 1 } }),
		);
		expect(new NotionAdminApi().test.request.url).toBe('/v1/users/me');
	});

	test('the API credential has a request budget, automatic unless told otherwise; the old rate stays hidden', () => {
		const properties = new NotionAdminApi().properties;
		const budget = properties.find((p) => p.name === 'requestBudget');
		expect(budget?.default).toBe('automatic');
		expect(budget?.description).toMatch(/queue mode/i);
		expect(properties.find((p) => p.name === 'requestsPerMinute')?.displayOptions).toEqual({ show: { requestBudget: ['custom'] } });
		expect(properties.find((p) => p.name === 'requestsPerSecond')).toMatchObject({ type: 'hidden', default: 3 });
	});

	test('the SCIM credential warns that SCIM is Enterprise-only and tokens die with their owner', () => {
		const help = new NotionAdminScimApi().properties
			.map((property) => `${property.displayName} ${property.description ?? ''}`)
			.join(' ');
		expect(help).toMatch(/Enterprise/);
		expect(help).toMatch(/owner who created it leaves/);
		expect(help).toMatch(/loses the owner role/);
	});
});

/** The emulator's address with a user name and password in it, e.g. http://admin:pw@127.0.0.1:1234. */
const withUserInfo = (url: string) => url.replace('://', '://admin:s3cr3t-pass@');

const requestsSeen = () => emulator.control.requestLog().filter((entry) => entry.api !== 'control');

describe('Base URL forms the nodes accept pass the Test button too', () => {
	test.each([
		['notionAdminApi', '/v1'],
		['notionAdminApi', '/v1/'],
		['notionAdminScimApi', '/scim/v2'],
		['notionAdminScimApi', '/scim/v2/'],
	] as const)('%s with a Base URL ending in %s', async (type, suffix) => {
		const token = type === 'notionAdminApi' ? emulator.tokens.api : emulator.tokens.scim;
		const result = await testCredential(type, { token, baseUrl: `${emulator.url}${suffix}` });
		expect(result).toEqual(expect.objectContaining({ status: 'OK', statusCode: 200 }));
	});

	test.each([
		['/v1', ''],
		['', '/scim/v2'],
		['/v1/', '/scim/v2/'],
	])('the admin node reads with API Base URL …%s and SCIM Base URL …%s', async (apiSuffix, scimSuffix) => {
		const credentials = emulatorCredentials(emulator);
		credentials.notionAdminApi.baseUrl = `${emulator.url}${apiSuffix}`;
		credentials.notionAdminScimApi.baseUrl = `${emulator.url}${scimSuffix}`;
		const run = await runNode({
			type: packageNodeType('notionAdmin'),
			parameters: { resource: 'user', operation: 'getAll', returnAll: true },
			credentials,
		});
		expect(run.status).toBe('success');
		expect(run.items[0]?.json).toEqual(expect.objectContaining({ source: 'scim' }));
	});
});

describe('a Base URL with a user name and password is refused, naming the field', () => {
	test.each(['notionAdminApi', 'notionAdminScimApi'] as const)('by the %s Test button, before any request', async (type) => {
		emulator.control.resetLog();
		const token = type === 'notionAdminApi' ? emulator.tokens.api : emulator.tokens.scim;
		const result = await testCredential(type, { token, baseUrl: withUserInfo(emulator.url) });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/"Base URL"/);
		expect(result.message).toMatch(/user name or password/);
		expect(result.message).not.toContain('s3cr3t-pass');
		expect(requestsSeen()).toEqual([]);
	});

	test.each([
		['notionAdminApi', 'Notion Admin API'],
		['notionAdminScimApi', 'Notion Admin SCIM API'],
	] as const)('by the admin node when the %s credential has one, before any request', async (type, label) => {
		emulator.control.resetLog();
		const credentials = emulatorCredentials(emulator);
		credentials[type].baseUrl = withUserInfo(emulator.url);
		const run = await runNode({
			type: packageNodeType('notionAdmin'),
			parameters: { resource: 'user', operation: 'getAll', returnAll: true },
			credentials,
		});
		expect(run.status).toBe('error');
		expect(run.error?.message).toContain(`"Base URL" field of the "${label}" credential`);
		expect(run.error?.message).toMatch(/user name or password/);
		expect(JSON.stringify(run.error)).not.toContain('s3cr3t-pass');
		expect(requestsSeen()).toEqual([]);
	});

	test('by the sync trigger, before any request', async () => {
		emulator.control.resetLog();
		const credentials = emulatorCredentials(emulator);
		credentials.notionAdminApi.baseUrl = withUserInfo(emulator.url);
		const trigger = createPollHarness({ type: packageNodeType('notionUsersSyncTrigger'), credentials });
		const error = (await trigger.poll().catch((e: unknown) => e)) as Error;
		expect(error.message).toMatch(/"Base URL" field of the "Notion Admin API" credential/);
		expect(requestsSeen()).toEqual([]);
	});
});
