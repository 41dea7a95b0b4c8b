/**
 * Stryker's jest runner only: a mutant run names its covering tests (--testNamePattern) but would
 * still load every related test file. This sequencer keeps the files that hold one of those tests,
 * as recordTestFiles.cjs saw them in the dry run; without a pattern, or when nothing recorded
 * matches, it keeps them all (never fewer tests than Stryker asked for).
 */
const { existsSync, readFileSync, statSync } = require('node:fs');
const Sequencer = require('@jest/test-sequencer').default;

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
				const tab = line.indexOf('\t');
				return { path: line.slice(0, tab), name: line.slice(tab + 1) };
			});
		cached = { key, entries };
	}
	return cached.entries;
}

class TestFileSequencer extends Sequencer {
	constructor(options) {
		super(options);
		this.pattern = options?.globalConfig?.testNamePattern;
	}

	sort(tests) {
		const sorted = super.sort(tests);
		if (!this.pattern) return sorted;
		// Jest matches names the same way (case-insensitive).
		const matcher = new RegExp(this.pattern, 'i');
		const files = new Set(recorded(process.env.STRYKER_TEST_FILE_MAP).filter((entry) => matcher.test(entry.name)).map((entry) => entry.path));
		if (files.size === 0) return sorted;
		// Recorded from the same sandbox, so the paths are the ones jest finds.
		const kept = sorted.filter((test) => files.has(test.path));
		return kept.length === 0 ? sorted : kept;
	}
}

module.exports = TestFileSequencer;
