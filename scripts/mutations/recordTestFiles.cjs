/**
 * Stryker's jest runner only: during the dry run, records which file each test lives in, so that
 * testFileSequencer.cjs can run a mutant's covering tests without loading every other test file
 * (loading one costs more than most of the tests it holds). Inactive without the variable.
 */
const { appendFileSync } = require('node:fs');

const mapFile = process.env.STRYKER_TEST_FILE_MAP;

if (mapFile && !process.env.__STRYKER_ACTIVE_MUTANT__) {
	beforeEach(() => {
		const { currentTestName, testPath } = expect.getState();
		if (currentTestName && testPath) appendFileSync(mapFile, `${testPath}\t${currentTestName.replace(/[\t\n]/g, ' ')}\n`);
	});
}
