// @ts-check
/**
 * Mutation testing (npm run test:mutation): the sync trigger's poll, diff, confirmation and state
 * modules, and the connector's retry, listing, fallback, filter, redaction and write read-back
 * code. Not part of CI: it takes far longer than the suite (docs/reliability.md gives the figures).
 *
 * Two files are mutated only in part, the part that is named above; their ranges are found by
 * the declarations that open and close them, so edits elsewhere in those files do not move them.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
const CONNECTOR = 'nodes/shared/connector';

// Workers inherit it: the dry run writes it, mutant runs read it (scripts/mutations/*.cjs).
process.env.STRYKER_TEST_FILE_MAP = join(tmpdir(), `stryker-test-files-${process.pid}.tsv`);

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
	mutate: [
		...['changes', 'listing', 'diff', 'confirm', 'guard', 'baselineVersions', 'snapshot', 'pending'].map(
			(name) => `${TRIGGER}/${name}.ts`,
		),
		`${CONNECTOR}/http/retryPolicy.ts`,
		`${CONNECTOR}/http/requester.ts`,
		`${CONNECTOR}/http/createOnce.ts`,
		`${CONNECTOR}/scim/listResources.ts`,
		`${CONNECTOR}/scim/filter.ts`,
		`${CONNECTOR}/scim/membershipChange.ts`,
		`${CONNECTOR}/scim/scimUsers.ts`,
		range(`${CONNECTOR}/scim/scimGroups.ts`, 'async create(', 'async remove('),
		`${CONNECTOR}/sourceChoice.ts`,
		// The fallback policy: read(), viaScim() and troubleOf().
		range(`${CONNECTOR}/createDirectory.ts`, 'private async read<T>(', 'function findByEmailInListing('),
		`${CONNECTOR}/redact.ts`,
	],
	jest: {
		projectType: 'custom',
		configFile: 'jest.config.js',
		enableFindRelatedTests: true,
		config: {
			// Jest traces imports only inside its roots: with the sources in them, findRelatedTests
			// finds the tests that reach a mutated module through the nodes and the connector.
			roots: ['<rootDir>/test', '<rootDir>/nodes', '<rootDir>/credentials'],
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
