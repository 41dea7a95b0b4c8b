/**
 * Fewer sequences, nothing swapped: the trigger as n8n runs it, with n8n's own sleep (a
 * Retry-After is waited out for real) and Notion's page size, on a workspace of two pages.
 */
import fc from 'fast-check';

import { prng } from '../../../tools/notion-emulator/prng';
import { syncTrigger } from '../../nodes/NotionUsersSyncTrigger/support';
import { EXAMPLES } from '../support/examples';
import { play } from '../support/play';
import { sequenceArbitrary } from '../support/sequence';
import { PROPERTY_SEED, replayHint, runsFor, totals } from '../support/totals';

const RUNS = runsFor('FAULTS_ENGINE_RUNS', 25);
const tally = totals('engine');
/**
 * Backoff waits are real here: full jitter over a tenth of its range keeps them short (at most
 * 100 ms on a first retry) while the order and spacing of retries still vary, seeded per sequence.
 */
const JITTER_SCALE = 0.1;

afterEach(() => jest.restoreAllMocks());

it(`${RUNS} random sequences through the unmodified trigger: every true change once, nothing else`, async () => {
	let failed = false;
	try {
		await fc.assert(
			fc.asyncProperty(sequenceArbitrary({ hang: false, realTime: true }, 5), async (sequence) => {
				const random = prng(sequence.jitterSeed);
				const spy = jest.spyOn(Math, 'random').mockImplementation(() => random() * JITTER_SCALE);
				try {
					const outcome = await play(sequence, (emulator, profile) => syncTrigger(emulator, { scim: profile === 'scim' }), 100);
					// Shrinking replays variants of a failed sequence: only the runs up to the first failure count.
					if (!failed) tally.add(outcome);
					if (outcome.problems.length > 0) failed = true;
					if (outcome.problems.length > 0) throw new Error([replayHint(sequence.jitterSeed), ...outcome.problems].join('\n'));
				} finally {
					spy.mockRestore();
				}
			}),
			{ numRuns: RUNS, seed: PROPERTY_SEED, examples: EXAMPLES.map((example) => [example]) },
		);
	} finally {
		// The closing line is printed (or saved) also when a sequence fails.
		tally.save();
	}
}, 600_000);
