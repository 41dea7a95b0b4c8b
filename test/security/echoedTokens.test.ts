/**
 * A server (or a proxy in front of it) that echoes the token it received in its error answers:
 * in the message, the request id, a header, URL-, form-, HTML- or \u-escaped, quoted twice.
 * Notion's token formats are not all documented, so the tokens here have odd shapes: short,
 * with spaces, base64 with `=` `+` `/`, with quotes and backslashes, with non-ASCII letters.
 * None of it may reach an item, an error or a log, in any of those forms.
 */
import type { INodeParameters } from 'n8n-workflow';
import { LoggerProxy } from 'n8n-workflow';

import { startEmulator, type Emulator } from '../../tools/notion-emulator';
import { createPollHarness, packageNodeType, runNode, testCredential, type TestCredentials } from '../../tools/engine-harness';
import { acmeSeed } from '../nodes/acmeWorkspace';
import { registerSecrets } from '../../tools/engine-harness/records';
import { encodedForms } from './secretsScan';
import { startRecorder, type Answer, type Seen, type TestServer } from './servers';

const TOKEN_PAIRS: Array<{ shape: string; api: string; scim: string }> = [
	{ shape: 'short, with a space; base64 with = + /', api: 'k9 =+/', scim: 'Zm9v+YmFy/YmF6==' },
	{ shape: 'quotes, backslash, markup; non-ASCII letters and spaces', api: `tok"en\\with'<&>x`, scim: 'grüße tôkén 42' },
];

const OTHER_TOKEN = `ntn_${'Q7x'.repeat(12)}`;

/** Every way the relay writes a token into a message. */
function echoes(token: string): string {
	const unicodeEscaped = [...token].map((char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`).join('');
	const html = token.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
	return [
		`Invalid token ${token}`,
		`url=${encodeURIComponent(token)}`,
		`form=${encodeURIComponent(token).replace(/%20/g, '+')}`,
		`html=${html}`,
		`escaped=${unicodeEscaped}`,
		`nested=${JSON.stringify(JSON.stringify({ token }))}`,
		// Another integration's token, which no credential here holds: only its prefix gives it away.
		`other=${OTHER_TOKEN}`,
	].join('; ');
}

/** Header values must be Latin-1; every token here is. */
const json = (status: number, body: unknown, token: string, extraHeaders: Record<string, string> = {}): Answer => ({
	status,
	headers: { 'content-type': 'application/json', 'x-notion-request-id': token, ...extraHeaders },
	body: JSON.stringify(body),
});

type Mode = 'scimDown' | 'allRefused' | 'edge' | { reasonPhrase: number };

/** What the relay answers instead of the emulator, in each mode. */
function echoAnswer(mode: Mode, request: Seen): Answer | undefined {
	const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
	const scim = request.url.startsWith('/scim/');
	const scimError = (status: number) =>
		json(status, { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: String(status), detail: echoes(token) }, token);
	const apiError = (status: number, code: string) =>
		json(status, { object: 'error', status, code, message: echoes(token), request_id: token }, token);
	if (typeof mode === 'object') {
		// The status line itself: `HTTP/1.1 401 Invalid token …`, which n8n's Test button shows.
		return { ...scimError(mode.reasonPhrase), reason: `Invalid token ${token}` };
	}
	switch (mode) {
		case 'scimDown':
			return scim ? scimError(503) : undefined;
		case 'allRefused':
			return scim ? scimError(request.method === 'GET' ? 401 : 400) : apiError(400, 'validation_error');
		case 'edge':
			return { status: 502, headers: { 'cf-ray': token, 'content-type': 'text/html' }, body: `<html>${echoes(token)}</html>` };
	}
}

describe.each(TOKEN_PAIRS)('tokens echoed in error answers ($shape)', (pair) => {
	let emulator: Emulator;
	let relay: TestServer;
	let mode: Mode = 'scimDown';
	let echoed = 0;
	const logged: string[] = [];

	beforeEach(async () => {
		emulator = await startEmulator({ seed: acmeSeed({ api: pair.api, scim: pair.scim }), rateLimit: false });
		relay = await startRecorder(emulator.url, {
			answer: (request) => {
				const answer = echoAnswer(mode, request);
				if (answer) echoed += 1;
				return answer;
			},
		});
		registerSecrets(pair.api, pair.scim);
		echoed = 0;
		logged.length = 0;
		// Backoff waits drawn at 0: exhausting retries costs no wall time.
		jest.spyOn(Math, 'random').mockReturnValue(0);
		for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
			jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
				logged.push(args.map(String).join(' '));
			});
		}
		const keep = (text: unknown, meta?: unknown) => logged.push(`${String(text)} ${JSON.stringify(meta ?? null)}`);
		LoggerProxy.init({ error: keep, warn: keep, info: keep, debug: keep, scoped: () => LoggerProxy } as never);
	});
	afterEach(async () => {
		jest.restoreAllMocks();
		await relay.stop();
		await emulator.stop();
	});

	const credentials = (): TestCredentials => ({
		notionAdminApi: { token: pair.api, baseUrl: relay.url, requestsPerSecond: 1000 },
		notionAdminScimApi: { token: pair.scim, baseUrl: relay.url },
	});

	/** Items, errors (whole) and their descriptions, with and without continue-on-fail. */
	async function everythingShown(parameters: Record<string, unknown>): Promise<string> {
		const shown: string[] = [];
		for (const continueOnFail of [false, true]) {
			const run = await runNode({
				type: packageNodeType('notionAdmin'),
				parameters: parameters as INodeParameters,
				credentials: credentials(),
				node: continueOnFail ? { onError: 'continueRegularOutput' } : undefined,
			});
			shown.push(JSON.stringify(run.items), String(run.error?.message), String(run.error?.description), String(run.error?.stack));
			shown.push(JSON.stringify(run.error ?? null));
		}
		return shown.join('\n');
	}

	async function pollShown(parameters: INodeParameters): Promise<string> {
		const trigger = createPollHarness({ type: packageNodeType('notionUsersSyncTrigger'), parameters, credentials: credentials() });
		try {
			return JSON.stringify(await trigger.poll({ mode: 'manual' }));
		} catch (error) {
			const e = error as Error & { description?: string };
			return `${e.message} ${e.description} ${e.stack} ${JSON.stringify(e)}`;
		}
	}

	/** Which token showed, in which form (never the token itself, so a failure does not print it). */
	function leaks(text: string): string[] {
		const found: string[] = [];
		for (const [name, token] of [['API token', pair.api], ['SCIM token', pair.scim]] as const) {
			for (const [form, encoded] of Object.entries(encodedForms(token))) {
				if (text.includes(encoded)) found.push(`${name} ${form} in what was shown`);
				if (logged.some((line) => line.includes(encoded))) found.push(`${name} ${form} in a log`);
			}
		}
		return [...new Set(found)];
	}

	const getAll = { resource: 'user', operation: 'getAll', returnAll: true };
	const create = { resource: 'user', operation: 'create', email: 'hedy@acme.test', role: 'member' };
	const addMembers = { resource: 'group', operation: 'addMembers', group: { __rl: true, mode: 'id', value: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa' }, users: 'grace@acme.test' };
	const licenses = { resource: 'workspace', operation: 'getLicenseSummary' };

	it('SCIM failing with the token in its answers: the fallback reads and their fallbackDetail', async () => {
		mode = 'scimDown';
		const shown = [await everythingShown(getAll), await everythingShown(licenses), await pollShown({ mode: 'snapshot' })].join('\n');
		expect(echoed).toBeGreaterThan(0);
		// The echo went all the way into the items' fallbackDetail, minus the token.
		expect(shown).toMatch(/"fallbackReason":"scim_unavailable","fallbackDetail":"[^"]*Invalid token \[redacted\]/);
		expect(leaks(shown)).toEqual([]);
	});

	it('both APIs refusing with the token in their answers: error items and errors', async () => {
		mode = 'allRefused';
		const shown = [
			await everythingShown(getAll),
			await everythingShown(create),
			await everythingShown(addMembers),
			await pollShown({ mode: 'changes' }),
		].join('\n');
		expect(echoed).toBeGreaterThan(0);
		// The echo went all the way through, minus the token.
		expect(shown).toContain('Invalid token [redacted]');
		expect(leaks(shown)).toEqual([]);
		expect(shown).toContain('other=ntn_[redacted]');
		expect(shown).not.toContain(OTHER_TOKEN);
	});

	it('the edge proxy answering with the token in its request id', async () => {
		mode = 'edge';
		const shown = [await everythingShown(getAll), await everythingShown(create)].join('\n');
		expect(echoed).toBeGreaterThan(0);
		expect(leaks(shown)).toEqual([]);
	});

	it.each([301, 400, 401, 403, 404, 418, 429, 500, 502, 503])(
		'the Test buttons, when the reason phrase of an HTTP %i echoes the token',
		async (status) => {
			mode = { reasonPhrase: status };
			const results = [
				await testCredential('notionAdminApi', { token: pair.api, baseUrl: relay.url }),
				await testCredential('notionAdminScimApi', { token: pair.scim, baseUrl: relay.url }),
			];
			expect(results.map((result) => [result.status, result.statusCode])).toEqual([['Error', status], ['Error', status]]);
			expect(leaks(JSON.stringify(results))).toEqual([]);
			expect(results.map((result) => result.message)).toEqual([expect.stringContaining(`HTTP ${status}`), expect.stringContaining(`HTTP ${status}`)]);
		},
	);
});
