/**
 * n8n queue mode in miniature: W workers are W processes, each with its own pacer, spending one
 * Notion connection's budget (the same token). Each worker is a directory with its own pacing key
 * (exactly what a separate process has), all listing at once. Run once with every worker on the
 * Automatic budget and once with a Custom budget of the plan's budget / W, the setting the README
 * recommends.
 */
import { generateSeed } from '../../tools/notion-emulator';
import type { BenchCase } from '../benchCase';
import { benchDirectory } from '../benchDirectory';
import { measureAgainstEmulator } from '../emulatorRun';
import { clientFigures, describeError } from '../figures';
import { floorMs, scimListingRequests } from '../floor';
import type { BenchOptions } from '../options';
import { progress } from '../progress';
import type { CaseResult } from '../result';

const WORKERS = 2;

export function queueModeCases(options: BenchOptions): BenchCase[] {
	return [queueCase('automatic', options), queueCase(Math.floor(options.budgetPerMinute / WORKERS), options)];
}

function queueCase(perWorker: 'automatic' | number, options: BenchOptions): BenchCase {
	const members = options.sizes.queueMembers;
	const name = `queue mode ${WORKERS} workers, ${perWorker === 'automatic' ? 'Automatic budget' : `Custom ${perWorker}/min`} each`;
	return {
		name,
		async run() {
			const seed = generateSeed({ members, bots: 0, guests: 0, groups: 0, seed: 9 });
			const requestFloor = scimListingRequests(members) * WORKERS;
			const msFloor = floorMs(requestFloor, options.budgetPerMinute, options.latencyMs, options.inFlight * WORKERS);
			progress(`${name}: ${WORKERS} listings of ${members} members at once (floor ${requestFloor} requests, ${(msFloor / 1000).toFixed(1)} s)`);
			const tuning =
				perWorker === 'automatic'
					? undefined
					: { budgetPerMinute: perWorker, learnBudget: false };
			const measured = await measureAgainstEmulator(seed, options, async (emulator) => {
				const listings = await Promise.allSettled(
					Array.from({ length: WORKERS }, (_, worker) =>
						benchDirectory(emulator, { scim: true, pacingKey: `bench:${name}:worker${worker}`, pacing: 'budget', tuning }).listMembers(),
					),
				);
				const failed = listings.find((l): l is PromiseRejectedResult => l.status === 'rejected');
				if (failed) throw failed.reason;
				return listings.every((l) => l.status === 'fulfilled' && l.value.members.length === members);
			});
			const c = clientFigures(measured, measured.value === true, msFloor);
			progress(`${name}: ${c.requests} requests, ${c.met429} 429s, ${(c.wallMs / 1000).toFixed(2)} s`);
			return {
				case: name,
				description: `${WORKERS} processes with their own pacers list ${members} members each at the same time through one SCIM token (${options.budgetPerMinute} a minute)`,
				...c,
				floorRequests: requestFloor,
				floorMs: msFloor,
				budgetPerMinute: options.budgetPerMinute,
				inFlight: options.inFlight,
				details: measured.error ? { error: describeError(measured.error) } : undefined,
				targets: [
					{ target: '0 failures (429s waited out)', actual: `${c.failures} failures`, pass: c.failures === 0 },
					...(perWorker === 'automatic'
						? [{ target: `≤ ${WORKERS * options.inFlight} 429s met (those in flight when each worker learns its share)`, actual: String(c.met429), pass: c.met429 <= WORKERS * options.inFlight }]
						: [{ target: `0 429s met at ${options.budgetPerMinute}/${WORKERS} a minute per worker`, actual: String(c.met429), pass: c.met429 === 0 }]),
				],
			} satisfies CaseResult;
		},
	};
}
