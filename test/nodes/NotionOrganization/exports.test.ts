/**
 * Export → Start (with and without Wait Until Done) and Get Status through n8n's engine against
 * the emulator's Admin API. n8n's `sleep`, which the node hands the connector as its clock, is
 * replaced here by one that returns at once and records the pause: the wait is exercised in full
 * (polls, timeout) with no real waiting. The file host records every request: the node never
 * calls it, and a link opened as the next node would (no token) works.
 */
import { outputJson as json, useOrganization } from './useOrganization';
import { byId, expectSuccess, runOrganization as runOn } from './support';

const pauses: number[] = [];
jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: async (ms: number) => {
		pauses.push(ms);
	},
}));

const current = useOrganization();
const run = (parameters: Record<string, unknown>, options?: Parameters<typeof runOn>[2]) => runOn(current(), parameters, options);
const main = () => current().control.snapshot().workspace.id;
const member = () => current().control.snapshot().members.find((entry) => entry.active)!;
const jobs = () => current().control.snapshot().organization!.exports;
const start = (extra: Record<string, unknown> = {}) => ({
	resource: 'export',
	operation: 'start',
	workspace: byId(main()),
	onBehalfOf: member().email,
	format: 'html',
	...extra,
});

beforeEach(() => {
	pauses.length = 0;
});

describe('Export through the engine', () => {
	it('Start waits until done through n8n’s sleep and returns the links and their expiry; the node never calls the file host', async () => {
		const result = await run(start({ options: { teamspaceIds: '', includeFiles: false } }));
		expectSuccess(result);
		const [item] = json(result);
		expect(item).toMatchObject({ status: 'completed', workspaceId: main(), format: 'html', onBehalfOf: member().email });
		expect(item.downloadUrls).toEqual([expect.stringContaining(current().fileHostUrl)]);
		expect(typeof item.urlExpiresAt).toBe('string');
		expect(pauses.length).toBeGreaterThan(0);
		expect(jobs()).toEqual([expect.objectContaining({ id: item.exportJobId, status: 'completed' })]);
		expect(current().control.fileHostRequests()).toEqual([]);

		const download = await fetch((item.downloadUrls as string[])[0]);
		expect(download.status).toBe(200);
		const seen = current().control.fileHostRequests();
		expect(seen.map((entry) => Object.keys(entry.headers).map((name) => name.toLowerCase()).includes('authorization'))).toEqual([false]);
	});

	it('without Wait Until Done, Start returns the job at once; Get Status reads it', async () => {
		let result = await run(start({ waitUntilDone: false }));
		expectSuccess(result);
		const [started] = json(result);
		expect(started).toMatchObject({ status: 'in_progress', workspaceId: main() });
		expect(pauses).toEqual([]);
		result = await run({ resource: 'export', operation: 'getStatus', workspace: byId(main()), exportJobId: started.exportJobId });
		expectSuccess(result);
		expect(json(result)).toEqual([expect.objectContaining({ exportJobId: started.exportJobId, status: 'in_progress', downloadUrls: [] })]);
	});

	it('at the timeout the item says the export still runs and how to check it later, naming the job', async () => {
		current().control.setBehaviours({ adminExportReadsUntilDone: 10_000 });
		const result = await run(start({ timeoutSeconds: 120 }), { continueOnFail: true });
		expectSuccess(result);
		const [failed] = json(result);
		const job = jobs()[0];
		expect(failed).toMatchObject({ kind: 'timeout', applied: { exportJobId: job.id, workspaceId: main() } });
		expect(failed.error).toContain('still running');
		expect(failed.description).toContain(`Export → Get Status`);
		expect(job.status).toBe('in_progress');
	});

	it('an email of no member is not found, with nothing started; a missing workspace:export is named', async () => {
		let result = await run(start({ onBehalfOf: 'nobody@elsewhere.test' }));
		expect(result.status).toBe('error');
		expect(result.error?.description).toContain('active member');
		expect(jobs()).toEqual([]);
		current().control.setBehaviours({ adminTokenScopes: ['workspace:read'] });
		result = await run(start());
		expect(result.status).toBe('error');
		expect(result.error?.description).toContain('"workspace:export"');
	});
});
