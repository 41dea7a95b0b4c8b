/**
 * n8n queue mode in miniature: W workers are W processes, each with its own pacer, spending one
 * Notion limit. Each worker is a directory with its own pacing key (exactly what a separate
 * process has), all listing at once against one emulator token. Run once with every worker at
 * the full rate and once at rate / W, the setting docs/performance.md recommends.
 */
import { generateSeed } from '../../test/emulator';
import type { BenchCase } from '../benchCase';
import { benchDirectory } from '../benchDirectory';
import { measureAgainstEmulator } from '../emulatorRun';
import { clientFigures, describeError } from '../figures';
import { floorMs, floorRequests } from '../floor';
import type { BenchOptions } from '../options';
import { progress } from '../progress';
import type { CaseResult } from '../result';

const WORKERS = 2;

export function queueModeCases(options: BenchOptions): BenchCase[] {
	return [
		queueCase(options.requestsPerSecond, options),
		queueCase(options.requestsPerSecond / WORKERS, options),
	];
}

function queueCase(perWorkerRate: number, options: BenchOptions): BenchCase {
	const members = options.sizes.queueMembers;
	const name = `queue mode ${WORKERS} workers at ${perWorkerRate} req/s each`;
	return {
		name,
		async run() {
			const seed = generateSeed({ members, bots: 0, guests: 0, groups: 0, seed: 9 });
			const requestFloor = floorRequests(members) * WORKERS;
			const msFloor = floorMs(requestFloor, options.requestsPerSecond);
			progress(`${name}: ${WORKERS} listings of ${members} members at once (floor ${requestFloor} requests, ${(msFloor / 1000).toFixed(1)} s)`);
			const measured = await measureAgainstEmulator(seed, options, async (emulator) => {
				const listings = await Promise.allSettled(
					Array.from({ length: WORKERS }, (_, worker) =>
						benchDirectory(emulator, {
							scim: true,
							pacingKey: `bench:${name}:worker${worker}`,
							requestsPerSecond: perWorkerRate,
						}).listMembers(),
					),
				);
				const failed = listings.find((l): l is PromiseRejectedResult => l.status === 'rejected');
				if (failed) throw failed.reason;
				return listings.every((l) => l.status === 'fulfilled' && l.value.members.length === members);
			});
			const c = clientFigures(measured, measured.value === true, msFloor);
			progress(`${name}: ${c.requests} requests, ${c.met429} 429s, ${(c.wallMs / 1000).toFixed(2)} s`);
			const recommended = perWorkerRate * WORKERS <= options.requestsPerSecond;
			return {
				case: name,
				description: `${WORKERS} processes with their own pacers list ${members} members each at the same time, one Notion limit`,
				...c,
				floorRequests: requestFloor,
				floorMs: msFloor,
				details: measured.error ? { error: describeError(measured.error) } : undefined,
				targets: [
					{ target: '0 failures (429s retried after Retry-After)', actual: `${c.failures} failures`, pass: c.failures === 0 },
					...(recommended
						? [{ target: `0 429s met at ${options.requestsPerSecond}/${WORKERS} req/s per worker`, actual: String(c.met429), pass: c.met429 === 0 }]
						: []),
				],
			} satisfies CaseResult;
		},
	};
}
