/**
 * Stryker's jest runner only: during the dry run, records which file each test lives in and how
 * long it took, so that testFileSequencer.cjs can run a mutant's covering tests without loading
 * every other test file (loading one costs more than most of the tests it holds), quickest first.
 * Inactive without the variable, and in mutant runs.
 */
const { appendFileSync } = require('node:fs');

const mapFile = process.env.STRYKER_TEST_FILE_MAP;

if (mapFile && !process.env.__STRYKER_ACTIVE_MUTANT__) {
	let started = 0;
	beforeEach(() => {
		started = Date.now();
	});
	afterEach(() => {
		const { currentTestName, testPath } = expect.getState();
		if (!currentTestName || !testPath) return;
		appendFileSync(mapFile, `${testPath}\t${Date.now() - started}\t${currentTestName.replace(/[\t\n]/g, ' ')}\n`);
	});
}
