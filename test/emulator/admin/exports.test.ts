/**
 * Workspace export: enqueue on a member's behalf, a status that ends on a set status read (or a
 * control call), download URLs on the file host that expire by the emulator's injected clock, and
 * a file host that records every request's headers (so a test proves it never got a token).
 */
import { demoSeed, startEmulator } from '../../../tools/notion-emulator';
import { useEmulator } from '../../../tools/notion-emulator/support';
import { expectAdminError, expectBodiesRefused } from './expect';
import { admin } from './support';

const seed = demoSeed();
const main = seed.workspace.id;
const lab = seed.organization!.workspaces![0].id;
const member = seed.members[3];
const DAY = 86_400_000;
const START = Date.parse('2026-06-01T08:00:00.000Z');

describe('Admin API: workspace export', () => {
	let clock = START;
	const emu = useEmulator({ seed, now: () => clock });
	beforeEach(() => {
		clock = START;
	});
	const enqueue = (body: object, space = main) => admin(emu(), `/spaces/${space}/exports`, { method: 'POST', body });
	const status = (id: string, space = main) => admin(emu(), `/spaces/${space}/exports/${id}`);
	const started = async (body: object = {}) => {
		const reply = await enqueue({ export_type: 'markdown', on_behalf_of_user_email: member.email, ...body });
		expect(reply.status).toBe(200);
		return reply.body.export_job_id as string;
	};

	it('enqueues on a member\'s behalf and moves to completed on the third status read, whatever the time', async () => {
		const reply = await enqueue({ export_type: 'markdown', on_behalf_of_user_email: member.email.toUpperCase() });
		expect(reply.body).toEqual({ export_job_id: expect.any(String), task_id: expect.any(String), status: 'in_progress' });
		const id = reply.body.export_job_id;
		const common = { export_job_id: id, export_type: 'space', export_format: 'markdown', created_at: START };
		for (let read = 1; read <= 2; read++) {
			clock += 10 * DAY;
			const pending = await status(id);
			expect(pending.body).toEqual({ ...common, status: 'in_progress', updated_at: START, pages_exported: 0, download_available: false });
		}
		const done = await status(id);
		expect(done.body).toEqual({
			...common,
			status: 'completed',
			updated_at: clock,
			pages_exported: 25,
			download_available: true,
			download_urls: [expect.stringMatching(new RegExp(`^${emu().fileHostUrl}/exports/[0-9a-f]{32}/Export-${id}-Part-1\\.zip$`))],
			url_expires_at: clock + 7 * DAY,
			final_zip_file_size_bytes: 22,
		});
		expect(emu().control.snapshot().organization!.exports).toEqual([expect.objectContaining({ id, userId: member.id, status: 'completed', reads: 3 })]);
	});

	it('serves the file without a token until the link expires by the emulator\'s clock, and records that no Authorization header came', async () => {
		const id = await started();
		emu().control.finishExport(id);
		const [url] = (await status(id)).body.download_urls as string[];
		const file = await fetch(url);
		expect([file.status, file.headers.get('content-type')]).toEqual([200, 'application/zip']);
		expect(Buffer.from(await file.arrayBuffer()).subarray(0, 4)).toEqual(Buffer.from('PK\x05\x06', 'latin1'));
		clock += 7 * DAY - 1;
		expect((await fetch(url)).status).toBe(200);
		clock += 1;
		const expired = await fetch(url);
		expect(expired.status).toBe(403);
		expect(await expired.text()).toMatch(/<Code>AccessDenied<\/Code><Message>Request has expired/);
		expect((await status(id)).body).toMatchObject({ status: 'completed', download_available: false });
		const requests = emu().control.fileHostRequests();
		expect(requests.map((r) => r.status)).toEqual([200, 200, 403]);
		for (const r of requests) {
			expect(r.headers.host).toBe(new URL(emu().fileHostUrl).host);
			expect(Object.keys(r.headers)).not.toContain('authorization');
		}
	});

	it('refuses a download that brings an Authorization header (recorded, its value redacted) and answers 404 for an unknown link', async () => {
		const id = await started();
		emu().control.finishExport(id);
		const [url] = (await status(id)).body.download_urls as string[];
		const withToken = await fetch(url, { headers: { authorization: `Bearer ${emu().tokens.admin}` } });
		expect(withToken.status).toBe(400);
		expect((await fetch(url.replace(/exports\/[0-9a-f]{32}/, `exports/${'0'.repeat(32)}`))).status).toBe(404);
		const requests = emu().control.fileHostRequests();
		expect(requests[0].headers.authorization).toBe('[redacted]');
		expect(JSON.stringify(requests)).not.toContain(emu().tokens.admin);
		const overHttp = (await (await fetch(`${emu().url}/_emulator/file-host`)).json()) as { requests: unknown[] };
		expect(overHttp.requests).toEqual(requests);
	});

	it('exports only the teamspaces asked for (export_type "teamspace") and answers in every format', async () => {
		const teamspace = '5f0e0000-0000-4000-8000-0000000000dd';
		const id = await started({ export_type: 'pdf', teamspace_ids: [teamspace], pdf_format: 'A4', include_contents: 'no_files', include_comments: true, time_zone: 'Europe/Berlin' });
		emu().control.finishExport(id);
		expect((await status(id)).body).toMatchObject({ export_type: 'teamspace', export_format: 'pdf', status: 'completed' });
		expect((await enqueue({ export_type: 'html', on_behalf_of_user_email: member.email })).status).toBe(200);
	});

	it('refuses a bad body with 400 validation_error in the strict envelope, naming the field', async () => {
		const good = { export_type: 'markdown', on_behalf_of_user_email: member.email };
		const bad: Array<[object, string]> = [
			[{ ...good, export_type: undefined }, 'export_type'],
			[{ ...good, export_type: 'docx' }, 'export_type'],
			[{ ...good, on_behalf_of_user_email: undefined }, 'on_behalf_of_user_email'],
			[{ ...good, teamspace_ids: 'all' }, 'teamspace_ids'],
			[{ ...good, teamspace_ids: ['nope'] }, 'teamspace_ids'],
			[{ ...good, include_contents: 'some' }, 'include_contents'],
			[{ ...good, flatten_export_filetree: 'yes' }, 'flatten_export_filetree'],
		];
		await expectBodiesRefused(enqueue, bad);
		expect(emu().control.snapshot().organization!.exports).toEqual([]);
	});

	it('answers 404 for an email that is no active member there (a guest, a member of another workspace only), or 400 under adminExportUnknownUser', async () => {
		const labOnly = emu().control.snapshot().organization!.adminOnlyMembers.find((m) => m.email.startsWith('lab1.lead'))!;
		for (const email of [seed.guests[0].email, labOnly.email, 'nobody@acme.test']) {
			expectAdminError(await enqueue({ export_type: 'html', on_behalf_of_user_email: email }), 'type', 404, 'object_not_found');
		}
		expect((await enqueue({ export_type: 'html', on_behalf_of_user_email: labOnly.email }, lab)).status).toBe(200);
		emu().control.setBehaviours({ adminExportUnknownUser: '400' });
		expectAdminError(await enqueue({ export_type: 'html', on_behalf_of_user_email: 'nobody@acme.test' }), 'type', 400, 'validation_error');
	});

	it('answers 404 for an unknown job, a job of another workspace and an unknown workspace', async () => {
		const id = await started();
		expectAdminError(await status('5f0e0000-0000-4000-8000-0000000000ee'), 'type', 404, 'object_not_found');
		expectAdminError(await status(id, lab), 'type', 404, 'object_not_found');
		expectAdminError(await status(id, '5f0e0000-0000-4000-8000-0000000000ef'), 'type', 404, 'object_not_found');
		expectAdminError(await status('not-a-uuid'), 'type', 400, 'validation_error');
	});

	it('serves the older layout (POST /v1/exports with space_id, GET /v1/exports/{id}?space_id=) unless adminExportLayout says otherwise', async () => {
		const older = await admin(emu(), '/exports', { method: 'POST', body: { space_id: main, export_type: 'html', on_behalf_of_user_email: member.email } });
		expect(older.status).toBe(200);
		const id = older.body.export_job_id;
		expect((await admin(emu(), `/exports/${id}?space_id=${main}`)).body).toMatchObject({ export_job_id: id, status: 'in_progress' });
		expectAdminError(await admin(emu(), `/exports/${id}`), 'type', 400, 'validation_error');
		expect((await status(id)).body.status).toBe('in_progress');
		emu().control.setBehaviours({ adminExportLayout: 'newer' });
		expectAdminError(await admin(emu(), `/exports/${id}?space_id=${main}`), 'type', 400, 'invalid_request_url');
		expect((await status(id)).body.status).toBe('completed');
		emu().control.setBehaviours({ adminExportLayout: 'older' });
		expectAdminError(await status(id), 'type', 400, 'invalid_request_url');
	});

	it('follows the switches: reads until done, outcome failed, several files, the enqueue status', async () => {
		emu().control.setBehaviours({ adminExportReadsUntilDone: 1, adminExportFileCount: 2, adminExportEnqueueStatus: 'queued', adminExportUrlLifetimeMs: 1000 });
		const reply = await enqueue({ export_type: 'html', on_behalf_of_user_email: member.email });
		expect(reply.body.status).toBe('queued');
		const done = (await status(reply.body.export_job_id)).body;
		expect(done).toMatchObject({ status: 'completed', url_expires_at: clock + 1000, final_zip_file_size_bytes: 44 });
		for (const url of done.download_urls) expect((await fetch(url)).status).toBe(200);
		emu().control.setBehaviours({ adminExportOutcome: 'failed' });
		const failed = (await status(await started())).body;
		expect(failed).toEqual(expect.objectContaining({ status: 'failed', download_available: false, error_type: 'export_failed', error_message: expect.any(String) }));
		expect(failed.download_urls).toBeUndefined();
	});

	it('ends a job through control (also POST /_emulator/exports/{id}), and refuses to end one twice', async () => {
		const id = await started();
		const res = await fetch(`${emu().url}/_emulator/exports/${id}`, { method: 'POST', body: JSON.stringify({ outcome: 'failed' }) });
		expect(res.status).toBe(204);
		expect((await status(id)).body.status).toBe('failed');
		expect(() => emu().control.finishExport(id)).toThrow(/already failed/);
		expect(() => emu().control.finishExport('5f0e0000-0000-4000-8000-0000000000ee')).toThrow(/no export job/);
	});

	it('needs workspace:export for both routes', async () => {
		const id = await started();
		emu().control.setBehaviours({ adminTokenScopes: ['workspace:read', 'user:read'] });
		expectAdminError(await enqueue({ export_type: 'html', on_behalf_of_user_email: member.email }), 'type', 403, 'restricted_resource');
		expectAdminError(await status(id), 'type', 403, 'restricted_resource');
		expect(emu().control.snapshot().organization!.exports.map((j) => j.reads)).toEqual([0]);
	});

	it('is under the organization token\'s request limits: a refused enqueue starts nothing', async () => {
		emu().limits.script([{ status: 429, reason: 'public_api_request_rate_limit', retryAfter: 5 }]);
		const refused = await enqueue({ export_type: 'html', on_behalf_of_user_email: member.email });
		expect([refused.status, refused.headers.get('retry-after')]).toEqual([429, '5']);
		expect(emu().control.snapshot().organization!.exports).toEqual([]);
	});
});

describe('the file host', () => {
	it('starts and stops with the emulator', async () => {
		const emu = await startEmulator({ seed, rateLimit: false });
		const url = `${emu.fileHostUrl}/exports/${'0'.repeat(32)}/x.zip`;
		expect((await fetch(url)).status).toBe(404);
		await emu.stop();
		await expect(fetch(url)).rejects.toThrow();
		await emu.stop();
	});
});
