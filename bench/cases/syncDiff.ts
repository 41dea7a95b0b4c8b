/** One Changes poll diff over 100,000 members: CPU, peak memory and stored bytes per member. */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { BenchCase } from '../benchCase';
import type { BenchOptions } from '../options';
import { progress } from '../progress';
import { round, type CaseResult } from '../result';
import type { SyncDiffFigures } from './syncDiffWorker';

const CPU_TARGET_MS = 1000;
const BYTES_TARGET = 64;

export function syncDiffCase(options: BenchOptions): BenchCase {
	const n = options.sizes.diffMembers;
	const name = `sync diff N=${n.toLocaleString('en')}`;
	return {
		name,
		async run() {
			progress(`${name}: one poll in a separate process (network out, 1% of members changed)`);
			const started = performance.now();
			const f = await runWorker(n);
			const wallMs = performance.now() - started;
			const stateBytesPerMember = round(f.stateBytes / f.members, 1);
			return {
				case: name,
				description: `one Changes poll: decode the stored baseline, diff ${n} listed members, build events, encode the next baseline`,
				requests: 0,
				met429: 0,
				unhandled429: 0,
				failures: 0,
				wallMs: round(wallMs),
				ratio: null,
				floorRequests: null,
				floorMs: null,
				cpuMs: round(f.cpuMs),
				peakRssMb: round(f.peakRssMb),
				stateBytesPerMember,
				details: {
					'poll wall ms': round(f.wallMs),
					...Object.fromEntries(Object.entries(f.phases).map(([step, ms]) => [`CPU ms ${step}`, round(ms)])),
					changes: f.changes,
					events: f.events,
					'state bytes': f.stateBytes,
				},
				targets: [
					{ target: `CPU ≤ ${CPU_TARGET_MS} ms`, actual: `${round(f.cpuMs)} ms`, pass: f.cpuMs <= CPU_TARGET_MS },
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

function runWorker(n: number): Promise<SyncDiffFigures> {
	return new Promise((resolve, reject) => {
		// execArgv carries tsx's loader over to the child.
		const child = fork(join(__dirname, 'syncDiffWorker.ts'), [String(n)], {
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
