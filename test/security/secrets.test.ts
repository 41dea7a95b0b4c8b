/**
 * Tokens never show: not in output items, error messages or descriptions, nor in anything
 * logged, whatever fails. The global teardown scans every recorded run of the whole suite
 * (records.ts); these tests make the failures happen on purpose and also watch the logs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INodeParameters } from 'n8n-workflow';
import { LoggerProxy } from 'n8n-workflow';

import { startEmulator, type Emulator, type FaultKind } from '../../tools/notion-emulator';
import { createPollHarness, packageNodeType, runNode, testCredential, type TestCredentials } from '../../tools/engine-harness';
import { RECORD_DIR_ENV, recordRun, registerSecrets } from '../../tools/engine-harness/records';
import { scanRecords } from './secretsScan';

describe('the scan itself', () => {
	let dir: string;
	let saved: string | undefined;
	beforeEach(() => {
		saved = process.env[RECORD_DIR_ENV];
		dir = mkdtempSync(join(tmpdir(), 'scan-test-'));
		process.env[RECORD_DIR_ENV] = dir;
	});
	afterEach(() => {
		if (saved === undefined) delete process.env[RECORD_DIR_ENV];
		else process.env[RECORD_DIR_ENV] = saved;
		rmSync(dir, { recursive: true, force: true });
	});

	it('finds a token in an output item, and in an error cause that JSON would drop', () => {
		registerSecrets('secret_planted-for-the-scan-test');
		recordRun('workflow', { items: [{ json: { note: 'nothing here' } }] });
		expect(scanRecords(dir)).toMatchObject({ runs: 1, secrets: 1, leaks: [] });

		recordRun('workflow', { items: [{ json: { note: 'Bearer secret_planted-for-the-scan-test' } }] });
		const cause = new Error('request failed', { cause: new Error('header was secret_planted-for-the-scan-test') });
		recordRun('poll', { error: cause });
		expect(scanRecords(dir).leaks).toHaveLength(2);
	});

	it('finds tokens of odd shapes, also JSON-escaped, URL-encoded or \\u-escaped', () => {
		const odd = [`q"u\\ot'e`, 'gr\u00fc\u00dfe t\u00f4k', 'k9 =+/'];
		registerSecrets(...odd);
		recordRun('workflow', { items: [{ json: { note: 'nothing here' } }] });
		expect(scanRecords(dir)).toMatchObject({ secrets: 3, leaks: [] });

		recordRun('workflow', { items: [{ json: { note: `echo: ${odd[0]}` } }] });
		recordRun('workflow', { items: [{ json: { note: `echo: ${encodeURIComponent(odd[1])}` } }] });
		recordRun('workflow', { items: [{ json: { note: 'echo: \\u006b\\u0039\\u0020\\u003d\\u002b\\u002f' } }] });
		expect(scanRecords(dir).leaks).toEqual([
			expect.stringContaining('as is, JSON-escaped'),
			expect.stringContaining('URL-encoded'),
			expect.stringContaining('\\u-escaped'),
		]);
	});
});

describe('failures do not show a token', () => {
	let emulator: Emulator;
	const WRONG = { api: 'secret_wrong-token-typed-by-a-user', scim: 'scim-wrong-token-typed-by-a-user' };
	const logged: string[] = [];

	beforeEach(async () => {
		emulator = await startEmulator({ rateLimit: false });
		registerSecrets(emulator.tokens.api, emulator.tokens.scim, WRONG.api, WRONG.scim);
		logged.length = 0;
		// Backoff waits drawn at 0: exhausting retries costs no wall time.
		jest.spyOn(Math, 'random').mockReturnValue(0);
		for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
			jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
				logged.push(args.map(String).join(' '));
			});
		}
		const keep = (text: unknown) => logged.push(String(text));
		LoggerProxy.init({ error: keep, warn: keep, info: keep, debug: keep, scoped: () => LoggerProxy } as never);
	});
	afterEach(async () => {
		jest.restoreAllMocks();
		await emulator.stop();
	});

	function credentials(tokens: { api: string; scim?: string }): TestCredentials {
		const creds: TestCredentials = { notionAdminApi: { token: tokens.api, baseUrl: emulator.url, requestsPerSecond: 1000 } };
		if (tokens.scim !== undefined) creds.notionAdminScimApi = { token: tokens.scim, baseUrl: emulator.url };
		return creds;
	}

	/** Items, message, description and stack; with `whole`, the engine's whole error object too (it holds the node's own parameters). */
	async function everythingShown(parameters: Record<string, unknown>, creds: TestCredentials, whole = true): Promise<string> {
		const shown: string[] = [];
		for (const continueOnFail of [false, true]) {
			const run = await runNode({
				type: packageNodeType('notionAdmin'),
				parameters: parameters as INodeParameters,
				credentials: creds,
				node: continueOnFail ? { onError: 'continueRegularOutput' } : undefined,
			});
			shown.push(JSON.stringify(run.items), String(run.error?.message), String(run.error?.description), String(run.error?.stack));
			if (whole) shown.push(JSON.stringify(run.error ?? null));
		}
		return shown.join('\n');
	}

	const secrets = () => [emulator.tokens.api, emulator.tokens.scim, WRONG.api, WRONG.scim];

	function expectNoSecret(text: string): void {
		for (const secret of secrets()) expect(text).not.toContain(secret);
		for (const line of logged) for (const secret of secrets()) expect(line).not.toContain(secret);
	}

	const getAll = { resource: 'user', operation: 'getAll', returnAll: true };
	const create = { resource: 'user', operation: 'create', email: 'hedy@acme.test', role: 'member' };
	const addMembers = { resource: 'group', operation: 'addMembers', group: { __rl: true, mode: 'name', value: 'Engineering' }, users: 'hedy@acme.test' };

	it('wrong tokens (401 from both APIs)', async () => {
		const creds = credentials(WRONG);
		expectNoSecret(await everythingShown(getAll, creds));
		expectNoSecret(await everythingShown(create, creds));
		expectNoSecret(await everythingShown(addMembers, creds));
	});

	it('a revoked SCIM token and a workspace not on Enterprise', async () => {
		const creds = credentials(emulator.tokens);
		emulator.control.revokeScimToken();
		expectNoSecret(await everythingShown(create, creds));
		emulator.control.setPlan('business');
		expectNoSecret(await everythingShown(getAll, creds));
		expectNoSecret(await everythingShown(addMembers, creds));
	});

	it('every request failing, whatever the fault', async () => {
		const creds = credentials(emulator.tokens);
		const kinds: FaultKind[] = ['500', '502', '503', '504', 'edge502', 'reset', 'malformed', 'truncated'];
		emulator.control.setFaultRate(1, kinds, 3);
		expectNoSecret(await everythingShown(getAll, creds));
		expectNoSecret(await everythingShown(create, creds));
		expectNoSecret(await everythingShown({ resource: 'workspace', operation: 'getLicenseSummary' }, creds));
	});

	it('a failing trigger poll and a failing credential test', async () => {
		const trigger = createPollHarness({ type: packageNodeType('notionUsersSyncTrigger'), credentials: credentials(WRONG) });
		const error = (await trigger.poll().catch((e: unknown) => e)) as Error & { description?: string };
		expect(error).toBeInstanceOf(Error);
		expectNoSecret(`${error.message} ${error.description} ${error.stack} ${JSON.stringify(error)}`);

		for (const [type, token] of [
			['notionAdminApi', WRONG.api],
			['notionAdminScimApi', WRONG.scim],
		] as const) {
			const result = await testCredential(type, { token, baseUrl: emulator.url });
			expect(result.status).toBe('Error');
			expectNoSecret(JSON.stringify(result));
		}
	});

	it('a token pasted by mistake into a field is not echoed in the error', async () => {
		// Looks like a token, but is not registered: this test, not the global scan, reports it.
		const pasted = `secret_${'a1B2'.repeat(10)}`;
		// Through an expression, as data from an upstream node: n8n checks literal ids itself.
		const value = `={{ "${pasted}" }}`;
		const creds = credentials(emulator.tokens);
		const cases: Array<Record<string, unknown>> = [
			{ resource: 'user', operation: 'get', user: { __rl: true, mode: 'id', value } },
			{ resource: 'user', operation: 'get', user: { __rl: true, mode: 'email', value } },
			{ resource: 'user', operation: 'create', email: value, role: 'member' },
			{ resource: 'user', operation: 'create', email: 'hedy@acme.test', role: value },
			{ resource: 'group', operation: 'addMembers', group: { __rl: true, mode: 'name', value: 'Engineering' }, users: value },
			{ resource: 'group', operation: 'create', name: 'Pasted', options: { members: value } },
		];
		const echoed: string[] = [];
		for (const parameters of cases) {
			if ((await everythingShown(parameters, creds, false)).includes(pasted)) echoed.push(`${parameters.resource} → ${parameters.operation}`);
		}
		expect(echoed).toEqual([]);
	});
});
