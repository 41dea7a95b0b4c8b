/**
 * Runs in its own process, so that peak RSS is this report's alone (the emulator answers from
 * another process): Workspace → Get License Report's connector path, as its operation calls it —
 * list the workspace's users, create the report, wait until it is done, read the file's rows as
 * they arrive and join them with the listing, build the summary and the plan. Sends its figures
 * to the parent. The file's bytes are counted on the way, never kept.
 */
import { getHeapStatistics } from 'node:v8';
import { joinActivity } from '../../nodes/common/connector/organization/activityJoin';
import { createOrganizationClient } from '../../nodes/common/connector/organization/organizationClient';
import { fetchDownload, type FileDownload } from '../../nodes/common/connector/organization/reportFile';
import { todayIn } from '../../nodes/common/connector/organization/reportRequest';
import { buildLicenseReport } from '../../nodes/common/licenseReport/plan';
import { loopbackTransport, type Tokens } from '../../test/support/loopbackTransport';

export interface LicenseReportJob {
	url: string;
	tokens: Tokens;
	workspaceId: string;
	days: number;
}

export interface LicenseReportFigures {
	listed: number;
	rows: number;
	guests: number;
	inactive: number;
	planned: number;
	downloads: number;
	fileBytes: number;
	cpuMs: number;
	wallMs: number;
	/** After the code was loaded and a collection, before any request. */
	idleRssMb: number;
	idleHeapMb: number;
	peakRssMb: number;
	/** Sampled every few milliseconds while the report ran (no collection forced). */
	peakHeapMb: number;
	/** After a collection at the end, with the listing, the join and the report still held. */
	retainedHeapMb: number;
}

const MB = 2 ** 20;
const DAY_MS = 86_400_000;
const isoDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

async function run(job: LicenseReportJob): Promise<LicenseReportFigures> {
	(globalThis as { gc?: () => void }).gc?.();
	const idleRssMb = process.memoryUsage.rss() / MB;
	const idleHeapMb = getHeapStatistics().used_heap_size / MB;
	let peakHeap = 0;
	const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, getHeapStatistics().used_heap_size)), 5);

	let downloads = 0;
	let fileBytes = 0;
	// The connector's own download (no header), with the bytes counted as they pass.
	const counting: FileDownload = async (link, options) => {
		downloads += 1;
		const file = await fetchDownload(link, options);
		async function* counted() {
			for await (const chunk of file.body) {
				fileBytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
				yield chunk;
			}
		}
		return { ...file, body: counted() };
	};
	const client = createOrganizationClient({
		baseUrl: `${job.url}/admin`,
		transport: loopbackTransport(job.tokens),
		sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
		now: () => Date.now(),
		pacingKey: 'bench:license report',
		fileDownload: counting,
	});

	const cpuBefore = process.cpuUsage();
	const started = performance.now();
	const { workspaceId, days } = job;
	const today = todayIn('UTC', client.now());
	const period = { startDate: isoDay(today - days + 1), endDate: isoDay(today), timeZone: 'UTC', days };
	const listing = await client.listWorkspaceUsers(workspaceId);
	const reports = client.analyticsReports;
	const created = await reports.create({ workspaceId, startDate: period.startDate, endDate: period.endDate, timeZone: 'UTC', format: 'jsonl' });
	const done = await reports.waitUntilDone(workspaceId, created.reportId, { timeoutMs: 600_000 });
	let rows = 0;
	async function* countedRows() {
		for await (const row of reports.rows(done)) {
			rows += 1;
			yield row;
		}
	}
	const joined = await joinActivity(countedRows(), listing);
	const rules = { action: 'downgrade' as const, roles: ['member' as const, 'membership_admin' as const], exemptGroups: [] };
	const report = buildLicenseReport({ workspaceId, reportId: done.reportId, period, joined, credits: undefined, rules });
	const wallMs = performance.now() - started;
	const cpu = process.cpuUsage(cpuBefore);
	clearInterval(sampler);
	peakHeap = Math.max(peakHeap, getHeapStatistics().used_heap_size);
	// resourceUsage().maxRSS is in kilobytes; read before the collection below.
	const peakRssMb = process.resourceUsage().maxRSS / 1024;
	// What n8n would hold on to: the listing, the join and the report stay referenced below.
	const held = [listing, joined, report];
	(globalThis as { gc?: () => void }).gc?.();
	const retainedHeapMb = getHeapStatistics().used_heap_size / MB;
	held.length = 0;

	return {
		listed: listing.length,
		rows,
		guests: joined.guests.length,
		inactive: (report.summary as { inactiveSeats?: { count?: number } }).inactiveSeats?.count ?? -1,
		planned: report.plan.length,
		downloads,
		fileBytes,
		cpuMs: (cpu.user + cpu.system) / 1000,
		wallMs,
		idleRssMb,
		idleHeapMb,
		peakRssMb,
		peakHeapMb: peakHeap / MB,
		retainedHeapMb,
	};
}

process.once('message', (job: LicenseReportJob) => {
	run(job).then(
		(figures) => process.send?.({ figures }, () => process.exit(0)),
		(error: unknown) => process.send?.({ error: error instanceof Error ? error.message : String(error) }, () => process.exit(1)),
	);
});
