// @ts-check
/**
 * Mutation testing (npm run test:mutation): the sync trigger's poll, diff, confirmation and state
 * modules, and the connector's retry, listing, fallback, filter, redaction and write read-back
 * code. Not part of CI: it takes far longer than the suite (docs/reliability.md gives the figures).
 *
 * Two files are mutated only in part, the part that is named above; their ranges are found by
 * the declarations that open and close them, so edits elsewhere in those files do not move them.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** `file:first-last`, from the line declaring `from` to the line before the one declaring `to` (or the end). */
function range(file, from, to) {
	const lines = readFileSync(file, 'utf8').split('\n');
	const start = lines.findIndex((line) => line.includes(from));
	if (start < 0) throw new Error(`${file}: no line with "${from}" (update stryker.config.mjs)`);
	const stop = to === undefined ? lines.length : lines.findIndex((line, index) => index > start && line.includes(to));
	if (stop < 0) throw new Error(`${file}: no line with "${to}" after "${from}" (update stryker.config.mjs)`);
	return `${file}:${start + 1}-${stop}`;
}

const TRIGGER = 'nodes/NotionUsersSyncTrigger';
const CONNECTOR = 'nodes/common/connector';

/**
 * The test files each module is judged by (regular expressions on the path), when one of them
 * covers the mutant; otherwise every covering test runs. Engine tests cost seconds each, so a
 * module gets its own unit tests and the engine tests of its area, not all 900 tests: the score
 * is that of these files, a lower bound for the whole suite's.
 */
const TRIGGER_TESTS = '^test/nodes/NotionUsersSyncTrigger/(?!acrossPolls)';
const TRIGGER_ALL_TESTS = '^test/nodes/NotionUsersSyncTrigger/';
const CONNECTOR_TESTS = '^test/connector/';
const WRITE_TESTS = ['^test/connector/', '^test/faults/writes/', '^test/nodes/NotionAdmin/(serverAnswers|user|group)\\.test'];
const SECRET_TESTS = ['^test/security/', '^test/connector/'];

/**
 * What is mutated, each with the test files that judge it; `lines` narrows a file to the part
 * named. Stryker tests mutants in this order: small modules that decide a removal or a write
 * first, so an interrupted run (its partial results are kept, see --incremental) has them.
 */
const targets = [
	{ file: `${TRIGGER}/guard.ts`, tests: [TRIGGER_TESTS] },
	{ file: `${TRIGGER}/baselineVersions.ts`, tests: [TRIGGER_TESTS] },
	{ file: `${TRIGGER}/confirm.ts`, tests: [TRIGGER_TESTS] },
	// The one lookup-or-list policy that proves a removal or a deactivation.
	{ file: `${CONNECTOR}/memberResolution.ts`, tests: [TRIGGER_TESTS, CONNECTOR_TESTS] },
	// Listings that span polls are what this one and pending.ts are for.
	{ file: `${TRIGGER}/listing.ts`, tests: [TRIGGER_ALL_TESTS] },
	{ file: `${CONNECTOR}/http/createOnce.ts`, tests: WRITE_TESTS },
	{ file: `${CONNECTOR}/scim/filter.ts`, tests: [CONNECTOR_TESTS, '^test/security/filterInjection'] },
	{ file: `${CONNECTOR}/scim/membershipChange.ts`, tests: WRITE_TESTS },
	{ file: `${CONNECTOR}/http/retryPolicy.ts`, tests: [CONNECTOR_TESTS] },
	{ file: `${CONNECTOR}/redact.ts`, tests: SECRET_TESTS },
	// The fallback policy: which reads go through the standard API, and why.
	{ file: `${CONNECTOR}/scimFallback.ts`, tests: SECRET_TESTS },
	{ file: `${TRIGGER}/pending.ts`, tests: [TRIGGER_ALL_TESTS] },
	{ file: `${CONNECTOR}/scim/listResources.ts`, tests: [CONNECTOR_TESTS, '^test/nodes/NotionUsersSyncTrigger/(wrongAnswers|faults)\\.test'] },
	{ file: `${TRIGGER}/changes.ts`, tests: [TRIGGER_TESTS] },
	{ file: `${TRIGGER}/diff.ts`, tests: [TRIGGER_TESTS] },
	{ file: `${CONNECTOR}/http/requester.ts`, tests: [CONNECTOR_TESTS, '^test/security/'] },
	// The stored state: its encoding and the checks of every stored shape.
	{ file: `${TRIGGER}/storedBaseline.ts`, tests: [TRIGGER_TESTS] },
	{ file: `${TRIGGER}/storedShapes.ts`, tests: [TRIGGER_TESTS] },
	// Member create (lookup first, reactivation) and update (read back after a lost answer).
	{ file: `${CONNECTOR}/scim/scimUsers.ts`, lines: ['async create(', 'async remove('], tests: WRITE_TESTS },
	// Group create and rename (read back after a lost answer).
	{ file: `${CONNECTOR}/scim/scimGroups.ts`, lines: ['async create(', 'async remove('], tests: WRITE_TESTS },
].filter((target) => {
	// A module moved or renamed is reported, not silently dropped.
	if (!existsSync(target.file)) process.stderr.write(`stryker.config.mjs: ${target.file} no longer exists (update the targets)\n`);
	return existsSync(target.file);
});

const modules = Object.fromEntries(targets.map((target) => [target.file, target.tests]));

// Workers inherit these (scripts/mutations/*.cjs): the dry run writes the map, mutant runs read it.
const TEST_FILE_MAP = join(process.cwd(), '.cache', 'stryker-test-files.tsv');
mkdirSync(dirname(TEST_FILE_MAP), { recursive: true });
rmSync(TEST_FILE_MAP, { force: true });
process.env.STRYKER_TEST_FILE_MAP = TEST_FILE_MAP;
process.env.STRYKER_MODULE_TESTS = JSON.stringify(modules);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
	packageManager: 'npm',
	testRunner: 'jest',
	coverageAnalysis: 'perTest',
	// Two cores: one jest per core.
	concurrency: 2,
	// Code that runs only while a module loads (constants) would need every test for each mutant.
	ignoreStatic: true,
	// ts-jest transpiles file by file (isolatedModules), so mutants never fail on types: no checker.
	checkers: [],
	// Error texts: a changed wording is no safety fault, and tests match messages by their facts.
	mutator: { excludedMutations: ['StringLiteral'] },
	mutate: targets.map((target) => (target.lines ? range(target.file, ...target.lines) : target.file)),
	jest: {
		projectType: 'custom',
		configFile: 'jest.config.js',
		// The harness loads the nodes by the paths package.json names, which jest cannot trace, so
		// findRelatedTests would miss every engine test. The dry run runs them all instead; each
		// mutant then runs only its covering tests (testFileSequencer.cjs).
		enableFindRelatedTests: false,
		config: {
			// Only the tests of these modules' areas (the `modules` table above). The property suite
			// runs on its own (npm run test:faults, and scripts/mutations/known.ts): one of its tests
			// takes minutes, far too long to repeat for every mutant it covers.
			testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/(e2e|emulator|badInput|credentials|harness|faults/property)/'],
			// Relative, as Stryker resolves it from the sandbox for its own wrapper.
			testEnvironment: './scripts/mutations/bailEnvironment.cjs',
			runner: '<rootDir>/scripts/mutations/bailRunner.cjs',
			setupFilesAfterEnv: ['<rootDir>/scripts/mutations/recordTestFiles.cjs'],
			testSequencer: '<rootDir>/scripts/mutations/testFileSequencer.cjs',
		},
	},
	tempDirName: '.cache/stryker-tmp',
	ignorePatterns: ['/.cache', '/dist', '/coverage', '/docs', '/examples', '/bench/results*'],
	reporters: ['clear-text', 'progress', 'html', 'json'],
	htmlReporter: { fileName: 'reports/mutation/mutation.html' },
	jsonReporter: { fileName: 'reports/mutation/mutation.json' },
	incrementalFile: 'reports/mutation/stryker-incremental.json',
	clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
	thresholds: { high: 90, low: 80, break: null },
	timeoutMS: 10000,
};

export default config;
