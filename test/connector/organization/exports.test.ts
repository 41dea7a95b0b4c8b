/**
 * The organization client's workspace exports against the emulator's Admin API, on a virtual
 * clock: start on a member's behalf, wait until done (paused through the injected clock, never for
 * real) → links and expiry; a timeout that says the export goes on and how to check it; a failed
 * export; the older path layout; not found and a missing scope; input checked before any request.
 * The links are handed back, never fetched: the file host sees no request from the client, and a
 * link opened without any token works.
 */
import { NotionAdminError } from '../../../nodes/common/connector/errors';
import { generateSeed } from '../../../tools/notion-emulator';
import { useEmulator } from '../../../tools/notion-emulator/support';
import { organizationOn } from './onEmulator';

const current = useEmulator({ seed: generateSeed({ members: 12, seed: 3, adminOnlyWorkspaces: 2 }) });

const rejection = (promise: Promise<unknown>): Promise<NotionAdminError> =>
	promise.then(
		() => Promise.reject(new Error('expected a failure')),
		(error: NotionAdminError) => error,
	);

const main = () => current().control.snapshot().workspace.id;
const ada = () => current().control.snapshot().members.find((member) => member.active)!.email;
const request = () => ({ workspaceId: main(), onBehalfOfEmail: ada(), format: 'markdown' as const });
const adminRequests = () => current().control.requestLog().filter((entry) => entry.api === 'admin');

describe('workspace exports on the emulator', () => {
	it('starts an export as a member and waits until it is done, pausing only through the injected clock', async () => {
		const { client, clock } = organizationOn(current());
		const started = await client.exports.start({ ...request(), teamspaceIds: [], includeFiles: false, includeComments: true });
		expect(started).toEqual({ exportJobId: expect.any(String), workspaceId: main(), status: 'in_progress' });
		const done = await client.exports.waitUntilDone(main(), started.exportJobId, { timeoutMs: 600_000 });
		expect(done).toMatchObject({ exportJobId: started.exportJobId, status: 'completed', format: 'markdown' });
		expect(done.downloadUrls.length).toBeGreaterThan(0);
		expect(done.urlExpiresAt).not.toBeNull();
		expect(clock.sleeps.length).toBeGreaterThan(0);
		const job = current().control.snapshot().organization!.exports.find((entry) => entry.id === started.exportJobId)!;
		expect(job.status).toBe('completed');
		expect(new Date(done.urlExpiresAt!).getTime()).toBe(job.urlExpiresAt);
	});

	it('hands the links back without fetching them; they open without any token', async () => {
		const { client } = organizationOn(current());
		const { exportJobId } = await client.exports.start(request());
		const done = await client.exports.waitUntilDone(main(), exportJobId, { timeoutMs: 600_000 });
		expect(current().control.fileHostRequests()).toEqual([]);
		const download = await fetch(done.downloadUrls[0]);
		expect(download.status).toBe(200);
		const seen = current().control.fileHostRequests();
		expect(seen).toHaveLength(1);
		expect(Object.keys(seen[0].headers).map((name) => name.toLowerCase())).not.toContain('authorization');
	});

	it('at the timeout, says the export is still running and how to check it later; the job is named', async () => {
		current().control.setBehaviours({ adminExportReadsUntilDone: 1000 });
		const { client } = organizationOn(current());
		const { exportJobId } = await client.exports.start(request());
		const error = await rejection(client.exports.waitUntilDone(main(), exportJobId, { timeoutMs: 60_000 }));
		expect(error.kind).toBe('timeout');
		expect(error.message).toContain('still running');
		expect(error.hint).toContain(`Export → Get Status`);
		expect(error.hint).toContain(exportJobId);
		expect(error.applied).toMatchObject({ exportJobId, workspaceId: main() });
		await expect(client.exports.status(main(), exportJobId)).resolves.toMatchObject({ status: 'in_progress', downloadUrls: [] });
	});

	it("a failed export is an error with Notion's reason", async () => {
		current().control.setBehaviours({ adminExportOutcome: 'failed' });
		const { client } = organizationOn(current());
		const { exportJobId } = await client.exports.start(request());
		const error = await rejection(client.exports.waitUntilDone(main(), exportJobId, { timeoutMs: 600_000 }));
		expect(error.kind).toBe('refused');
		expect(error.message).toContain('export_failed');
	});

	it('where only the older layout is served, start and status use it', async () => {
		current().control.setBehaviours({ adminExportLayout: 'older' });
		const { client } = organizationOn(current());
		const { exportJobId } = await client.exports.start(request());
		await expect(client.exports.waitUntilDone(main(), exportJobId, { timeoutMs: 600_000 })).resolves.toMatchObject({ status: 'completed' });
		expect(adminRequests().some((entry) => entry.path === '/admin/v1/exports')).toBe(true);
	});

	it('an email of no member is not found; a token without workspace:export is told to add it', async () => {
		const { client } = organizationOn(current());
		const missing = await rejection(client.exports.start({ ...request(), onBehalfOfEmail: 'nobody@elsewhere.test' }));
		expect(missing.kind).toBe('not_found');
		expect(missing.hint).toContain('active member');
		current().control.setBehaviours({ adminTokenScopes: ['workspace:read'] });
		const forbidden = await rejection(client.exports.start(request()));
		expect(forbidden.hint).toContain('"workspace:export"');
	});

	it('refuses bad input naming the field, before any request', async () => {
		const { client } = organizationOn(current());
		current().control.resetLog();
		const cases: Array<[Promise<unknown>, string]> = [
			[client.exports.start({ ...request(), workspaceId: 'x' }), 'workspaceId'],
			[client.exports.start({ ...request(), onBehalfOfEmail: 'ada' }), 'onBehalfOfEmail'],
			[client.exports.start({ ...request(), format: 'docx' as never }), 'format'],
			[client.exports.start({ ...request(), teamspaceIds: ['nope'] }), 'teamspaceIds'],
			[client.exports.start({ ...request(), databaseViews: 'some' as never }), 'databaseViews'],
			[client.exports.status(main(), ' '), 'exportJobId'],
			[client.exports.waitUntilDone(main(), 'job', { timeoutMs: -1 }), 'timeoutMs'],
		];
		for (const [promise, field] of cases) {
			const error = await rejection(promise);
			expect([error.kind, error.field]).toEqual(['invalid_input', field]);
		}
		expect(adminRequests()).toEqual([]);
	});
});
