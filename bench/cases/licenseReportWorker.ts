/**
 * Runs in its own process, so that peak RSS is this report's alone (the emulator answers from
 * another process): Workspace → Get License Report's own code (makeLicenseReport, then the items
 * of its default output), without n8n's engine and without credit usage — list the workspace's
 * users, create the report, wait until it is done, read the file's rows as they arrive and join
 * them with the listing, build the summary and the plan. Sends its figures to the parent. The
 * file's bytes and lines are counted on the way, never kept.
 */
import { getHeapStatistics } from 'node:v8';
import { createOrganizationClient } from '../../nodes/common/connector/organization/organizationClient';
import { fetchDownload, type FileDownload } from '../../nodes/common/connector/organization/reportFile';
import { licenseReportItems, makeLicenseReport } from '../../nodes/common/licenseReport/makeLicenseReport';
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
const NEWLINE = 0x0a;

async function run(job: LicenseReportJob): Promise<LicenseReportFigures> {
	(globalThis as { gc?: () => void }).gc?.();
	const idleRssMb = process.memoryUsage.rss() / MB;
	const idleHeapMb = getHeapStatistics().used_heap_size / MB;
	let peakHeap = 0;
	const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, getHeapStatistics().used_heap_size)), 5);

	let downloads = 0;
	let fileBytes = 0;
	let rows = 0;
	// The connector's own download (no header), with the bytes and the JSONL lines (one a row) counted as they pass.
	const counting: FileDownload = async (link, options) => {
		downloads += 1;
		const file = await fetchDownload(link, options);
		async function* counted() {
			let last = NEWLINE;
			for await (const chunk of file.body) {
				const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
				fileBytes += bytes.byteLength;
				for (let at = bytes.indexOf(NEWLINE); at !== -1; at = bytes.indexOf(NEWLINE, at + 1)) rows += 1;
				if (bytes.byteLength > 0) last = bytes[bytes.byteLength - 1];
				yield chunk;
			}
			if (last !== NEWLINE) rows += 1;
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
	const parameters = {
		workspaceId: job.workspaceId,
		days: job.days,
		timeZone: 'UTC',
		timeoutMs: 600_000,
		output: 'summary' as const,
		action: 'downgrade' as const,
		roles: ['member' as const, 'membership_admin' as const],
		exemptGroups: [],
		includeAiCredits: false,
	};
	const report = await makeLicenseReport(client, parameters);
	const items = licenseReportItems(report, parameters);
	const wallMs = performance.now() - started;
	const cpu = process.cpuUsage(cpuBefore);
	clearInterval(sampler);
	peakHeap = Math.max(peakHeap, getHeapStatistics().used_heap_size);
	// resourceUsage().maxRSS is in kilobytes; read before the collection below.
	const peakRssMb = process.resourceUsage().maxRSS / 1024;
	// What n8n would hold on to: the report and its items stay referenced below.
	const held = [report, items];
	(globalThis as { gc?: () => void }).gc?.();
	const retainedHeapMb = getHeapStatistics().used_heap_size / MB;
	held.length = 0;

	return {
		listed: listedOf(report.summary),
		rows,
		guests: report.guests.length,
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

/** Listed people and bots, as the summary counts them (seats, not in the report, not judged, bots). */
function listedOf(summary: Record<string, unknown>): number {
	const count = (name: string, inner = 'count') => ((summary[name] as Record<string, unknown> | undefined)?.[inner] as number | undefined) ?? 0;
	return count('seats', 'total') + count('notInReport') + count('notJudged') + count('bots');
}

process.once('message', (job: LicenseReportJob) => {
	run(job).then(
		(figures) => process.send?.({ figures }, () => process.exit(0)),
		(error: unknown) => process.send?.({ error: error instanceof Error ? error.message : String(error) }, () => process.exit(1)),
	);
});
