/**
 * Random sequences of Notion Admin operations (create, remove, look up, list, change group
 * members) through n8n's engine against the emulator, each with its own fault: answers lost
 * after the write was applied, 5xx, 429/529, a 503 on a write saved or not, malformed 200 list
 * pages, error answers echoing the token, redirects to another loopback host. After every
 * operation the oracle compares what the node said with what the workspace holds.
 */
import fc from 'fast-check';
import { LoggerProxy } from 'n8n-workflow';

import { prng } from '../../../tools/notion-emulator/prng';
import { noTotals, PROPERTY_SEED, replayHint, runsFor, saveTotals, type FaultTotals } from '../support/totals';
import { WRITE_EXAMPLES } from '../support/writes/examples';
import { writeSequenceArbitrary } from '../support/writes/operations';
import { playWrites } from '../support/writes/play';

const RUNS = runsFor('FAULTS_WRITES_RUNS', 100);
/** Backoff waits are real (n8n's own sleep): full jitter over a tenth of its range, seeded per sequence. */
const JITTER_SCALE = 0.1;

const sum: FaultTotals = { ...noTotals(), writesChecked: 0, lookupsChecked: 0, listingsChecked: 0 };

const logged: string[] = [];
beforeEach(() => {
	for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
		jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
			logged.push(args.map(String).join(' '));
		});
	}
	const keep = (text: unknown, meta?: unknown) => logged.push(`${String(text)} ${JSON.stringify(meta ?? null)}`);
	LoggerProxy.init({ error: keep, warn: keep, info: keep, debug: keep, scoped: () => LoggerProxy } as never);
});
afterEach(() => jest.restoreAllMocks());

it(`${RUNS} random sequences of Notion Admin operations under faults: every write, lookup and listing tells the truth, no token shows`, async () => {
	let failed = false;
	try {
		await fc.assert(
			fc.asyncProperty(writeSequenceArbitrary(7), async (sequence) => {
				const random = prng(sequence.jitterSeed);
				const spy = jest.spyOn(Math, 'random').mockImplementation(() => random() * JITTER_SCALE);
				try {
					const outcome = await playWrites(sequence, logged);
					// Shrinking replays variants of a failed sequence: only the runs up to the first failure count.
					if (!failed) {
						sum.sequences += 1;
						sum.lost += outcome.lost;
						sum.false += outcome.false;
						sum.writesChecked = (sum.writesChecked ?? 0) + outcome.writes;
						sum.lookupsChecked = (sum.lookupsChecked ?? 0) + outcome.lookups;
						sum.listingsChecked = (sum.listingsChecked ?? 0) + outcome.listings;
						for (const [kind, count] of Object.entries(outcome.faultKinds)) {
							sum.faults += count;
							sum.faultKinds[kind] = (sum.faultKinds[kind] ?? 0) + count;
						}
					}
					if (outcome.problems.length > 0) {
						failed = true;
						throw new Error([replayHint(sequence.jitterSeed), `tokens: ${sequence.tokens.shape}`, ...outcome.problems].join('\n'));
					}
				} finally {
					spy.mockRestore();
				}
			}),
			{ numRuns: RUNS, seed: PROPERTY_SEED, examples: WRITE_EXAMPLES.map((example) => [example]) },
		);
	} finally {
		// The closing line is printed (or saved) also when a sequence fails.
		saveTotals('writes', sum);
	}
}, 600_000);
