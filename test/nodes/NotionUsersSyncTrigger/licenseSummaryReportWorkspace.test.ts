/**
 * License Summary makes the license report only for the workspace of the trigger's own
 * credentials, as the API key's bot tells it (GET /v1/users/me), before any Admin API request.
 * Through a real PollContext: a second emulator joined to the same organization is the wrong
 * pick; a proxy in front of the workspace changes what /v1/users/me says.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INodeParameters } from 'n8n-workflow';

import { generateSeed, startEmulator, type Emulator } from '../../../tools/notion-emulator';
import { createPollHarness, emulatorCredentials, organizationCredentials, packageNodeType, type EmulatorEndpoint } from '../../../tools/engine-harness';
import { licenseReportSeed } from '../../support/licenseReportSeed';
import { adminRequests, byId, organization, startOrganization } from '../NotionOrganization/support';
import { emitted, pollFailure as failure } from './support';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: async () => undefined,
}));

let emu: Emulator;
let joined: Emulator | undefined;
let proxy: Server | undefined;
beforeEach(async () => {
	emu = await startOrganization({ seed: licenseReportSeed() });
});
afterEach(async () => {
	const running = proxy;
	proxy = undefined;
	if (running !== undefined) {
		running.closeAllConnections();
		await new Promise((resolve) => running.close(resolve));
	}
	await joined?.stop();
	joined = undefined;
	await emu.stop();
});

const main = () => emu.control.snapshot().workspace;
const byList = (id: string, name: string) => ({ __rl: true, mode: 'list', value: id, cachedResultName: name });

/** "Acme Research": another workspace of the same organization, served by its own emulator. */
async function joinResearch(): Promise<Emulator> {
	const seed = generateSeed({ members: 5, seed: 11 });
	seed.workspace = { ...seed.workspace, name: 'Acme Research' };
	joined = await startEmulator({ seed, rateLimit: false, organizationOf: emu });
	return joined;
}

/** The workspace behind a proxy that answers GET /v1/users/me with `me` and forwards the rest. */
async function behindProxy(me: unknown): Promise<EmulatorEndpoint> {
	const target = new URL(emu.url);
	const server = createServer((incoming, outgoing) => {
		if (incoming.method === 'GET' && (incoming.url ?? '').split('?')[0] === '/v1/users/me') {
			incoming.resume();
			outgoing.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(me));
			return;
		}
		const forward = httpRequest(
			{ host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: { ...incoming.headers, host: target.host } },
			(answer) => {
				outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(outgoing);
			},
		);
		incoming.pipe(forward);
	});
	proxy = server;
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { ...emu, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** The token's bot as Notion answers it, in this workspace or as told. */
const bot = (fields: Record<string, unknown>) => ({ object: 'user', id: '9a3b5ae0-c6e6-482d-b0e1-ed315ee6dc57', type: 'bot', name: 'Sync', avatar_url: null, bot: { owner: { type: 'workspace', workspace: true }, ...fields } });

function trigger(parameters: INodeParameters, workspace: EmulatorEndpoint = emu) {
	return createPollHarness({
		type: packageNodeType('notionUsersSyncTrigger'),
		parameters: { mode: 'licenseSummary', ...parameters },
		credentials: { ...emulatorCredentials(workspace, { requestsPerSecond: 1000 }), ...organizationCredentials(emu, { requestsPerMinute: 100_000 }) },
	});
}

/** No report asked for, at the organization or anywhere: no Admin API request at all. */
function expectNoReport() {
	expect(adminRequests(emu)).toEqual([]);
	expect(organization(emu).analyticsReports).toEqual([]);
	expect(emu.control.fileHostRequests()).toEqual([]);
}

describe("License Summary's report workspace is the trigger's own", () => {
	it('another workspace of the organization fails the poll naming both workspaces, before any Admin API request; nothing emitted', async () => {
		const research = (await joinResearch()).control.snapshot().workspace;
		expect(research.id).not.toBe(main().id);
		emu.control.resetLog();

		const error = await failure(trigger({ reportWorkspace: byList(research.id, 'Acme Research') }).poll());
		expect(error.message).toContain(`License Report Workspace: "Acme Research" (${research.id}) is not the workspace of this trigger's credentials, "${main().name}" (${main().id})`);
		expect(error.description).toContain(`Choose the trigger's workspace, "${main().name}" (${main().id}), in License Report Workspace`);
		expect(error.description).toContain('separate trigger');
		expectNoReport();
		expect(joined?.control.requestLog()).toEqual([]);

		// Given by id, the chosen workspace is named by its id alone.
		const byIdError = await failure(trigger({ reportWorkspace: byId(research.id) }).poll());
		expect(byIdError.message).toContain(`workspace ${research.id} is not the workspace of this trigger's credentials, "${main().name}"`);
		expectNoReport();
	});

	it.each([
		['dashed, lower case', (id: string) => id],
		['without dashes', (id: string) => id.replace(/-/g, '')],
		['upper case', (id: string) => id.toUpperCase()],
		['upper case without dashes', (id: string) => id.replace(/-/g, '').toUpperCase()],
	])('its own workspace %s: the report as always, asked for after the check', async (_form, write) => {
		emu.control.resetLog();
		const items = emitted(await trigger({ reportWorkspace: byId(write(main().id)) }).poll()) ?? [];
		expect(items).toHaveLength(1);
		expect(items[0].licenseReport).toMatchObject({ kind: 'summary', workspaceId: main().id, seats: { total: 12 } });
		const log = emu.control.requestLog().map((entry) => `${entry.method} ${entry.path}`);
		const checked = log.indexOf('GET /v1/users/me');
		expect(checked).toBeGreaterThanOrEqual(0);
		expect(log.findIndex((line) => line.startsWith('POST /admin/'))).toBeGreaterThan(checked);
		expect(log.findIndex((line) => line.includes('/admin/'))).toBeGreaterThan(checked);
	});

	it("Notion's answer in another form (upper case, no dashes) still names the trigger's workspace", async () => {
		const workspace = await behindProxy(bot({ workspace_id: main().id.replace(/-/g, '').toUpperCase(), workspace_name: main().name }));
		const items = emitted(await trigger({ reportWorkspace: byId(main().id) }, workspace).poll()) ?? [];
		expect(items[0].licenseReport).toMatchObject({ workspaceId: main().id });
	});

	it.each([
		['a bot without workspace_id', bot({ workspace_name: 'Acme' })],
		['a bot with an empty bot object', { ...bot({}), bot: {} }],
		['a person (no bot)', { object: 'user', id: '9a3b5ae0-c6e6-482d-b0e1-ed315ee6dc57', type: 'person', name: 'Ada', person: {} }],
		['a workspace_id that is no id', bot({ workspace_id: 'acme', workspace_name: 'Acme' })],
	])("/v1/users/me answering %s: the workspace cannot be confirmed, the poll fails saying how to go on; nothing emitted", async (_case, me) => {
		const workspace = await behindProxy(me);
		emu.control.resetLog();
		const error = await failure(trigger({ reportWorkspace: byId(main().id) }, workspace).poll());
		expect(error.message).toContain("License Report Workspace: the workspace of this trigger's credentials could not be confirmed");
		expect(error.description).toContain('Clear License Report Workspace for the summary without the report');
		expectNoReport();
	});
});
