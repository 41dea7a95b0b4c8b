/**
 * Fewer sequences, nothing swapped: the trigger as n8n runs it, with n8n's own sleep (a
 * Retry-After is waited out for real) and Notion's page size, on a workspace of two pages.
 */
import fc from 'fast-check';

import { syncTrigger } from '../../nodes/NotionUsersSyncTrigger/support';
import { play } from '../support/play';
import { sequenceArbitrary } from '../support/sequence';
import { PROPERTY_SEED, runsFor, totals } from '../support/totals';

const RUNS = runsFor('FAULTS_ENGINE_RUNS', 25);
const tally = totals('engine');

beforeEach(() => {
	// Full jitter drawing 0: backoff waits are zero, Retry-After waits stay real.
	jest.spyOn(Math, 'random').mockReturnValue(0);
});
afterEach(() => jest.restoreAllMocks());

it(`${RUNS} random sequences through the unmodified trigger: every true change once, nothing else`, async () => {
	await fc.assert(
		fc.asyncProperty(sequenceArbitrary({ hang: false, realTime: true }, 5), async (sequence) => {
			const outcome = await play(sequence, (emulator, profile) => syncTrigger(emulator, { scim: profile === 'scim' }), 100);
			tally.add(outcome);
			if (outcome.problems.length > 0) throw new Error(outcome.problems.join('\n'));
		}),
		{ numRuns: RUNS, seed: PROPERTY_SEED },
	);
	tally.save();
}, 600_000);
