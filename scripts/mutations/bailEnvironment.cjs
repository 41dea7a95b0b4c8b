/**
 * Stryker's jest runner only: jest's `bail` cannot be used programmatically, so a mutant run would
 * go on through every covering test after the first one killed the mutant. In a mutant run this
 * environment skips the tests that start after a failure (one failure is all Stryker needs);
 * testFileSequencer.cjs clears the flag when a run begins. The dry run and plain jest are untouched.
 */
const NodeEnvironment = require('jest-environment-node').TestEnvironment;

const FAILED = Symbol.for('notion-admin.mutation.failed');

class BailEnvironment extends NodeEnvironment {
	handleTestEvent(event) {
		if (!process.env.__STRYKER_ACTIVE_MUTANT__) return;
		if (event.name === 'test_fn_failure' || event.name === 'hook_failure') globalThis[FAILED] = true;
		else if (event.name === 'test_start' && globalThis[FAILED]) event.test.mode = 'skip';
	}
}

BailEnvironment.FAILED = FAILED;
module.exports = BailEnvironment;
