/**
 * Workspace → Get License Report over 100,000 listed users: requests and wall time against the
 * floor (bench/floor.ts), CPU, and peak memory of the measuring process above its idle baseline
 * beside the report file's size — the file is read as it arrives, so the peak must stay far
 * below it. The connector runs in a process of its own (licenseReportWorker.ts), the emulator in
 * another (emulatorProcess.ts): neither the emulator's memory nor the bench's is counted.
 *
 * The report completes on its first status read (the emulator's reads-until-done switch): how
 * long Notion takes to make a report is not known, and is not the client's time.
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { generateSeed } from '../../tools/notion-emulator';
import type { BenchCase } from '../benchCase';
import { BUSINESS } from '../emulatorRun';
import { startEmulatorProcess } from '../emulatorProcess';
import { licenseReportFloor } from '../floor';
import type { BenchOptions } from '../options';
import { progress } from '../progress';
import { ratio, round, type CaseResult } from '../result';
import type { LicenseReportFigures, LicenseReportJob } from './licenseReportWorker';

/** The criterion: peak memory above the process's idle baseline. */
const MEMORY_TARGET_MB = 150;
const GUESTS = 100;
const DAYS = 30;
/** The report completes on its first status read. */
const STATUS_READS = 1;

export function licenseReportCase(options: BenchOptions): BenchCase {
	const users = options.sizes.licenseReportUsers;
	const name = `license report N=${users.toLocaleString('en')}`;
	return {
		name,
		async run(bench) {
			progress(`${name}: seeding ${users} users (${users - 1} members and a bot) and ${GUESTS} page guests`);
			const seed = generateSeed({ members: users - 1, bots: 1, guests: GUESTS, groups: 0, deactivated: 0, seed: 15 });
			const floor = licenseReportFloor(users, { budgetPerMinute: bench.budgetPerMinute, latencyMs: bench.latencyMs, statusReads: STATUS_READS });
			progress(`${name}: floor ${floor.apiRequests} API requests + 1 download, ${(floor.ms / 1000).toFixed(2)} s`);
			const emulator = await startEmulatorProcess({
				seed,
				rateLimit: BUSINESS,
				latencyMs: bench.latencyMs,
				behaviours: { adminAnalyticsReadsUntilRunning: 1, adminAnalyticsReadsUntilDone: STATUS_READS },
			});
			let f: LicenseReportFigures;
			let apiRequests: number;
			let met429: number;
			try {
				f = await runWorker({ url: emulator.url, tokens: emulator.tokens, workspaceId: seed.workspace.id, days: DAYS });
				const log = (await emulator.requestLog()).filter((entry) => entry.api !== 'control');
				apiRequests = log.length;
				met429 = log.filter((entry) => entry.status === 429).length;
			} finally {
				await emulator.stop();
			}
			const rssAbove = f.peakRssMb - f.idleRssMb;
			const heapAbove = f.peakHeapMb - f.idleHeapMb;
			const fileMb = f.fileBytes / 2 ** 20;
			const requests = apiRequests + f.downloads;
			return {
				case: name,
				description: `Workspace → Get License Report's own code (makeLicenseReport, default output) in a process of its own: list ${users} users (Admin API, cursor paging), create a ${DAYS}-day JSONL report, read its status (completed on the first read), stream the file's ${f.rows} rows into the join, build the summary and the plan`,
				requests,
				met429,
				unhandled429: 0,
				failures: f.listed === users && f.rows === users - 1 + GUESTS ? 0 : 1,
				wallMs: round(f.wallMs),
				ratio: ratio(f.wallMs, floor.ms),
				floorRequests: floor.requests,
				floorMs: floor.ms,
				cpuMs: round(f.cpuMs),
				peakRssMb: round(f.peakRssMb),
				budgetPerMinute: bench.budgetPerMinute,
				inFlight: 1,
				details: {
					'API requests': apiRequests,
					downloads: f.downloads,
					'file MB': round(fileMb),
					'idle RSS MB': round(f.idleRssMb),
					'peak RSS above idle MB': round(rssAbove),
					'idle heap MB': round(f.idleHeapMb),
					'peak heap above idle MB': round(heapAbove),
					'heap held at the end above idle MB': round(f.retainedHeapMb - f.idleHeapMb),
					listed: f.listed,
					rows: f.rows,
					guests: f.guests,
					'inactive seats': f.inactive,
					planned: f.planned,
				},
				targets: [
					{
						target: `requests = floor (${floor.requests})`,
						actual: `${requests}`,
						pass: requests === floor.requests,
					},
					{
						target: `peak RSS ≤ ${MEMORY_TARGET_MB} MB above idle`,
						actual: `${round(rssAbove)} MB (file ${round(fileMb)} MB)`,
						pass: rssAbove <= MEMORY_TARGET_MB,
					},
					{
						target: `0 failures, ${users} listed, ${users - 1 + GUESTS} rows`,
						actual: `${f.listed} listed, ${f.rows} rows`,
						pass: f.listed === users && f.rows === users - 1 + GUESTS,
					},
				],
			} satisfies CaseResult;
		},
	};
}

function runWorker(job: LicenseReportJob): Promise<LicenseReportFigures> {
	return new Promise((resolve, reject) => {
		// execArgv carries tsx's loader over to the child.
		const child = fork(join(__dirname, 'licenseReportWorker.ts'), [], { execArgv: [...process.execArgv, '--expose-gc'] });
		let answer: { figures?: LicenseReportFigures; error?: string } | undefined;
		child.on('message', (message) => (answer = message as typeof answer));
		child.on('error', reject);
		child.on('exit', (code) => {
			if (answer?.figures) resolve(answer.figures);
			else reject(new Error(`license report worker exited with code ${code}: ${answer?.error ?? 'no figures'}`));
		});
		child.send(job);
	});
}
