/** One Changes poll diff over 100,000 members: CPU, peak memory and stored bytes per member. */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchCase } from '../benchCase';
import type { BenchOptions } from '../options';
import { progress } from '../progress';
import { round, type CaseResult } from '../result';
import { offlinePoll } from './offlinePoll';
import { workspace } from './syncDiffData';
import type { SyncDiffFigures } from './syncDiffWorker';

const CPU_TARGET_MS = 1000;
const BYTES_TARGET = 64;
const RUNS = 3;

export function syncDiffCase(options: BenchOptions): BenchCase {
	const n = options.sizes.diffMembers;
	const name = `sync diff N=${n.toLocaleString('en')}`;
	return {
		name,
		async run() {
			progress(`${name}: the previous poll's baseline`);
			const dir = mkdtempSync(join(tmpdir(), 'bench-sync-diff-'));
			const baselineFile = join(dir, 'staticData.json');
			// The first poll stores the baseline and emits nothing.
			const staticData = {};
			await offlinePoll(staticData, workspace(n));
			writeFileSync(baselineFile, JSON.stringify(staticData));
			progress(`${name}: one poll in a fresh process, ${RUNS} times (network out; 1% joined, 1% left, 1% renamed, 1% changed role)`);
			const started = performance.now();
			const runs: SyncDiffFigures[] = [];
			try {
				for (let i = 0; i < RUNS; i++) runs.push(await runWorker(n, baselineFile));
			} finally {
				rmSync(dir, { recursive: true, force: true });
			}
			const wallMs = performance.now() - started;
			// CPU time moves with what else the machine runs: the median of a few fresh processes.
			const f = [...runs].sort((a, b) => a.cpuMs - b.cpuMs)[Math.floor(RUNS / 2)];
			const peakRssMb = Math.max(...runs.map((r) => r.peakRssMb));
			const stateBytesPerMember = round(f.stateBytes / f.members, 1);
			return {
				case: name,
				description: `one Changes poll through the trigger's entry point, network out (median of ${RUNS} processes): read the stored baseline, prove ${n / 100} departures, diff ${n} listed members, build events, store the next baseline`,
				requests: 0,
				met429: 0,
				unhandled429: 0,
				failures: 0,
				wallMs: round(wallMs),
				ratio: null,
				floorRequests: null,
				floorMs: null,
				cpuMs: round(f.cpuMs),
				peakRssMb: round(peakRssMb),
				stateBytesPerMember,
				details: {
					'CPU ms per run': runs.map((r) => round(r.cpuMs)).join(' / '),
					'poll wall ms': round(f.wallMs),
					'idle RSS MB': round(f.idleRssMb),
					events: f.events,
					'state bytes': f.stateBytes,
				},
				targets: [
					{ target: `CPU ≤ ${CPU_TARGET_MS} ms (median of ${RUNS})`, actual: `${round(f.cpuMs)} ms`, pass: f.cpuMs <= CPU_TARGET_MS },
					{
						target: `state ≤ ${BYTES_TARGET} B/member`,
						actual: `${stateBytesPerMember} B/member`,
						pass: stateBytesPerMember <= BYTES_TARGET,
					},
				],
			} satisfies CaseResult;
		},
	};
}

function runWorker(n: number, baselineFile: string): Promise<SyncDiffFigures> {
	return new Promise((resolve, reject) => {
		// execArgv carries tsx's loader over to the child.
		const child = fork(join(__dirname, 'syncDiffWorker.ts'), [String(n), baselineFile], {
			execArgv: [...process.execArgv, '--expose-gc'],
		});
		let figures: SyncDiffFigures | undefined;
		child.on('message', (message) => (figures = message as SyncDiffFigures));
		child.on('error', reject);
		child.on('exit', (code) =>
			figures ? resolve(figures) : reject(new Error(`sync diff worker exited with code ${code} and no figures`)),
		);
	});
}
