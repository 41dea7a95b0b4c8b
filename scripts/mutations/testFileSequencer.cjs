/**
 * Stryker's jest runner only. A mutant run names its covering tests (--testNamePattern) but would
 * still load every test file, and loading one that drives the engine costs seconds. So this
 * sequencer keeps the files that hold a covering test (as recordTestFiles.cjs saw them in the dry
 * run), restricted to the test files stryker.config.mjs lists for the mutated module when one of
 * those covers the mutant, the quickest first (bailRunner.cjs stops at the first failure).
 * Without a pattern, or when nothing recorded matches, it keeps them all.
 */
const { appendFileSync, existsSync, readdirSync, readFileSync, statSync } = require('node:fs');
const { join, relative } = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;
const { FAILED } = require('./bailEnvironment.cjs');

let cached = { key: '', entries: [] };

function recorded(mapFile) {
	if (!mapFile || !existsSync(mapFile)) return [];
	const { size, mtimeMs } = statSync(mapFile);
	const key = `${size}:${mtimeMs}`;
	if (cached.key !== key) {
		const entries = readFileSync(mapFile, 'utf8')
			.split('\n')
			.filter(Boolean)
			.map((line) => {
				const [path, ms, ...name] = line.split('\t');
				return { path, ms: Number(ms) || 0, name: name.join('\t') };
			});
		cached = { key, entries };
	}
	return cached.entries;
}

/** Mutant id → the mutated source file (relative), read once from the instrumented sandbox. */
let mutantFiles;

function fileOfMutant(id) {
	if (mutantFiles === undefined) {
		mutantFiles = new Map();
		const visit = (dir) => {
			for (const entry of readdirSync(dir, { withFileTypes: true })) {
				const path = join(dir, entry.name);
				if (entry.isDirectory()) visit(path);
				else if (entry.name.endsWith('.ts')) {
					for (const match of readFileSync(path, 'utf8').matchAll(/stryMutAct_9fa48\("(\d+)"\)/g)) {
						mutantFiles.set(match[1], relative(process.cwd(), path));
					}
				}
			}
		};
		if (existsSync('nodes')) visit('nodes');
	}
	return mutantFiles.get(id);
}

/** The test files stryker.config.mjs prefers for the active mutant's module, as regular expressions. */
function preferredTests() {
	const id = process.env.__STRYKER_ACTIVE_MUTANT__;
	const modules = process.env.STRYKER_MODULE_TESTS;
	if (!id || !modules) return undefined;
	const file = fileOfMutant(id);
	const patterns = file === undefined ? undefined : JSON.parse(modules)[file];
	return patterns?.map((pattern) => new RegExp(pattern));
}

class TestFileSequencer extends Sequencer {
	constructor(options) {
		super(options);
		this.pattern = options?.globalConfig?.testNamePattern;
	}

	sort(tests) {
		globalThis[FAILED] = false;
		const sorted = super.sort(tests);
		if (!this.pattern) return sorted;
		// Jest matches names the same way (case-insensitive).
		const matcher = new RegExp(this.pattern, 'i');
		const costs = new Map();
		for (const entry of recorded(process.env.STRYKER_TEST_FILE_MAP)) {
			if (matcher.test(entry.name)) costs.set(entry.path, (costs.get(entry.path) ?? 0) + entry.ms);
		}
		// Recorded in the same sandbox, so the paths are the ones jest finds.
		let kept = sorted.filter((test) => costs.has(test.path));
		if (kept.length === 0) return sorted;
		const preferred = preferredTests();
		if (preferred !== undefined) {
			const narrowed = kept.filter((test) => preferred.some((pattern) => pattern.test(relative(process.cwd(), test.path))));
			if (narrowed.length > 0) kept = narrowed;
		}
		kept.sort((a, b) => costs.get(a.path) - costs.get(b.path));
		// STRYKER_SEQUENCER_LOG names a file for what each mutant run keeps (to see where time goes).
		if (process.env.STRYKER_SEQUENCER_LOG) {
			const files = kept.map((test) => `${relative(process.cwd(), test.path)}:${costs.get(test.path)}`);
			appendFileSync(process.env.STRYKER_SEQUENCER_LOG, `${new Date().toISOString()} ${process.env.__STRYKER_ACTIVE_MUTANT__} ${files.join(' ')}\n`);
		}
		return kept;
	}
}

module.exports = TestFileSequencer;
