/**
 * Get License Report through n8n's engine against the emulator, once per way a report can go:
 * queued → running → completed, failed, a file past its life (expired), a download link that
 * expired and is renewed once, a renewed link that expired too. Every run checks what the file
 * host received: never an Authorization header (the link is the credential).
 *
 * The emulator's clock is moved by the file host's requests: each request to it lands `shift`
 * later than the one before, so a link minted when the report completes is already past its
 * expiry when fetched, as when a download starts days after the report was read. n8n's `sleep`
 * returns at once and records the pause.
 */
import type { Emulator } from '../../../tools/notion-emulator';
import type { FileHostRequest } from '../../../tools/notion-emulator/admin/fileHost';
import { INACTIVE_30, licenseReportSeed } from '../../support/licenseReportSeed';
import { byId, expectSuccess, organization, runOrganization, startOrganization } from './support';
import { outputJson as json } from './useOrganization';

const pauses: number[] = [];
jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: async (ms: number) => {
		pauses.push(ms);
	},
}));

const DAY = 86_400_000;

let emu: Emulator | undefined;
/** How far the emulator's clock has moved by the file host's nth request. */
let shiftAt: (downloads: number) => number = () => 0;
const emulatorNow = () => Date.now() + shiftAt(emu?.control.fileHostRequests().length ?? 0);

async function start(shift: (downloads: number) => number = () => 0): Promise<Emulator> {
	emu = undefined;
	shiftAt = shift;
	pauses.length = 0;
	emu = await startOrganization({ seed: licenseReportSeed(), now: emulatorNow });
	return emu;
}
afterEach(async () => {
	await emu?.stop();
	emu = undefined;
});

const main = (e: Emulator) => e.control.snapshot().workspace.id;
const report = (e: Emulator) => ({ resource: 'workspace', operation: 'getLicenseReport', workspace: byId(main(e)) });
const reports = (e: Emulator) => organization(e).analyticsReports;
const reportGets = (e: Emulator) =>
	e.control
		.requestLog()
		.filter((entry) => entry.api === 'admin' && entry.method === 'GET' && entry.path.startsWith('/admin/v1/analytics/user_activity/reports/'))
		.map((entry) => entry.status);

/** What the file host received; none of it may carry an Authorization header (nor a cookie). */
function fileHost(e: Emulator): FileHostRequest[] {
	const received = e.control.fileHostRequests();
	for (const request of received) {
		const names = Object.keys(request.headers).map((name) => name.toLowerCase());
		expect({ path: request.path, names }).toEqual({ path: request.path, names: expect.not.arrayContaining(['authorization', 'proxy-authorization', 'cookie']) });
		expect(request.status).not.toBe(400);
	}
	return received;
}

const inactiveEmails = (summary: Record<string, unknown>) =>
	(summary.inactiveSeats as { members: Array<{ email: string }> }).members.map((member) => member.email).sort();

describe('Get License Report: every status of the report and its link, through the engine', () => {
	it('queued, then running, then completed: the node waits through both on n8n sleep, then fetches the file once', async () => {
		const e = await start();
		e.control.setBehaviours({ adminAnalyticsReadsUntilRunning: 2, adminAnalyticsReadsUntilDone: 4 });
		const run = await runOrganization(e, report(e));
		expectSuccess(run);
		// Read 1 queued, 2 and 3 running, 4 completed: a pause after each of the first three.
		expect(reportGets(e)).toEqual([200, 200, 200, 200]);
		expect(reports(e)).toEqual([expect.objectContaining({ status: 'completed', reads: 4 })]);
		expect(pauses).toHaveLength(3);
		expect(fileHost(e).map((request) => request.status)).toEqual([200]);
		const [summary] = json(run);
		expect(summary).toMatchObject({ kind: 'summary', reportId: reports(e)[0].id, seats: { total: 12 }, guests: { count: 2 } });
		expect(inactiveEmails(summary)).toEqual(INACTIVE_30);
	});

	it("failed: the item fails with Notion's reason and the report's id, and says to make it again; no file is asked for", async () => {
		const e = await start();
		e.control.setBehaviours({ adminAnalyticsOutcome: 'failed' });
		const run = await runOrganization(e, report(e));
		expect(run.status).toBe('error');
		const [made] = reports(e);
		expect(made).toMatchObject({ status: 'failed', reads: 3 });
		expect(run.error?.message).toContain(`Notion could not make report ${made.id}`);
		expect(run.error?.message).toContain('The report could not be generated.');
		expect(run.error?.description).toContain('Create the report again');
		expect(fileHost(e)).toEqual([]);
	});

	it('expired: the link is refused and the report, read again, has no file any more; the item says to make a new report', async () => {
		// The download starts 31 days after completion: past the link's 7 days and the file's 30.
		const e = await start((downloads) => (downloads >= 1 ? 31 * DAY : 0));
		const run = await runOrganization(e, report(e));
		expect(run.status).toBe('error');
		const [made] = reports(e);
		expect(reportGets(e)).toEqual([200, 200, 200, 200]);
		expect(run.error?.message).toContain(`The file of report ${made.id}`);
		expect(run.error?.message).toContain('has expired');
		expect(run.error?.description).toContain('Create a new report');
		expect(fileHost(e).map((request) => request.status)).toEqual([403]);
	});

	it('an expired link is renewed once by reading the report again, and the fresh link gives the file', async () => {
		// The first download comes 8 days late (its 7-day link has ended); the fresh link is fetched at once.
		const e = await start((downloads) => (downloads >= 1 ? 8 * DAY : 0));
		const run = await runOrganization(e, report(e));
		expectSuccess(run);
		const received = fileHost(e);
		expect(received.map((request) => request.status)).toEqual([403, 200]);
		expect(received[0].path).not.toBe(received[1].path);
		// Three reads to completion, one to renew the link.
		expect(reports(e)).toEqual([expect.objectContaining({ status: 'completed', reads: 4 })]);
		const [summary] = json(run);
		expect(summary).toMatchObject({ seats: { total: 12 }, guests: { count: 2 } });
		expect(inactiveEmails(summary)).toEqual(INACTIVE_30);
	});

	it('a renewed link that has expired too fails the item saying so, after one renewal only', async () => {
		// Each download comes 8 days after the one before: the fresh 7-day link has ended as well.
		const e = await start((downloads) => downloads * 8 * DAY);
		const run = await runOrganization(e, report(e));
		expect(run.status).toBe('error');
		const [made] = reports(e);
		expect(fileHost(e).map((request) => request.status)).toEqual([403, 403]);
		expect(made.reads).toBe(4);
		expect(run.error?.message).toContain(`refused the file of report ${made.id} (HTTP 403), also with the fresh link read from Notion`);
		expect(run.error?.description).toContain('create a new report');
	});

	it('the file host never receives an Authorization header, the renewed download included', async () => {
		const e = await start((downloads) => (downloads >= 1 ? 8 * DAY : 0));
		expectSuccess(await runOrganization(e, report(e)));
		const received = e.control.fileHostRequests();
		expect(received).toHaveLength(2);
		for (const request of received) {
			expect(request.path).toMatch(/^\/analytics\/[0-9a-f]{32}\/user-activity-/);
			expect(Object.keys(request.headers).map((name) => name.toLowerCase())).not.toContain('authorization');
			expect(JSON.stringify(request.headers)).not.toContain(e.tokens.admin);
		}
	});
});
