/**
 * The property suite's bulk: many random sequences through the trigger's own poll flow on a
 * real PollContext and n8n's request helpers, with the connector on virtual time.
 */
import fc from 'fast-check';

import { syncTrigger } from '../../nodes/NotionUsersSyncTrigger/support';
import { EXAMPLES } from '../support/examples';
import { play } from '../support/play';
import { sequenceArbitrary } from '../support/sequence';
import { replayHint, runsFor, totals, PROPERTY_SEED } from '../support/totals';
import { seedJitter } from '../support/virtualDirectory';
import { VIRTUAL_PAGE_SIZE } from '../support/virtualTime';

jest.mock('../../../nodes/common/n8n/directoryFromContext', () => ({
	directoryFor: (ctx: unknown) =>
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		(require('../support/virtualDirectory') as typeof import('../support/virtualDirectory')).virtualDirectoryFor(
			ctx as never,
		),
}));

const RUNS = runsFor('FAULTS_RUNS', 1000);
const tally = totals('virtual');

it(`${RUNS} random sequences of changes and faults: every true change once, nothing else`, async () => {
	let failed = false;
	try {
		await fc.assert(
			fc.asyncProperty(sequenceArbitrary({ hang: true, realTime: false }), async (sequence) => {
				seedJitter(sequence.jitterSeed);
				const outcome = await play(sequence, (emulator, profile) => syncTrigger(emulator, { scim: profile === 'scim' }), 0, VIRTUAL_PAGE_SIZE);
				// Shrinking replays variants of a failed sequence: only the runs up to the first failure count.
				if (!failed) tally.add(outcome);
				if (outcome.problems.length > 0) failed = true;
				if (outcome.problems.length > 0) throw new Error([replayHint(sequence.jitterSeed), ...outcome.problems].join('\n'));
			}),
			{ numRuns: RUNS, seed: PROPERTY_SEED, examples: EXAMPLES.map((example) => [example]) },
		);
	} finally {
		// The closing line is printed (or saved) also when a sequence fails.
		tally.save();
	}
}, 600_000);
