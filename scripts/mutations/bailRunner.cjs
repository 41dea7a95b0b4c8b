/**
 * Stryker's jest runner only: in a mutant run, once a test has failed (bailEnvironment.cjs), the
 * test files left are not even loaded: loading one (n8n-core and the harness) costs seconds, and
 * one failure is all Stryker needs. Otherwise jest's own runner, unchanged.
 */
const TestRunner = require('jest-runner').default;
const { FAILED } = require('./bailEnvironment.cjs');

class BailRunner extends TestRunner {
	async runTests(tests, watcher, options) {
		if (!options.serial || !process.env.__STRYKER_ACTIVE_MUTANT__) return super.runTests(tests, watcher, options);
		for (const test of tests) {
			if (globalThis[FAILED]) break;
			await super.runTests([test], watcher, options);
		}
	}
}

module.exports = BailRunner;
