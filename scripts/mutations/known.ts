/**
 * npm run test:known-mutations [-- --only 1,4] [--write-docs] [--no-check] [--no-faults]
 *
 * Applies each mistake of knownMutations.ts alone to a temporary worktree of the committed HEAD
 * (node_modules linked, the work tree never touched), then records the first failing test of the
 * unit/engine suite (its focus files first, the whole suite with --bail when none of them fails)
 * and of the property suite (npm run test:faults). An unmutated run of the same files comes first:
 * a failure there makes the table meaningless, so the script stops. Not part of CI (minutes per
 * mutation). With --write-docs the table replaces the one in docs/reliability.md. --no-check and
 * --no-faults skip the unmutated run and the property suite (to try a new mutation quickly).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

import { KNOWN_MUTATIONS, type KnownMutation } from './knownMutations';

const ROOT = join(__dirname, '..', '..');
const FAULTS = 'test/faults/property';
const DOC = join(ROOT, 'docs', 'reliability.md');
const TABLE_START = '<!-- known-mutations:start -->';
const TABLE_END = '<!-- known-mutations:end -->';

interface Verdict {
	/** `file:line › test name`, or what failed outside a test. */
	caught?: string;
	seconds: number;
	ran: string;
}

function git(args: string[], cwd = ROOT): string {
	const run = spawnSync('git', args, { cwd, encoding: 'utf8' });
	if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr}`);
	return run.stdout.trim();
}

/** Runs jest in the worktree and names the first failure it reports. */
function jest(tree: string, args: string[], ran: string): Verdict {
	const output = `${tree}-jest.json`;
	rmSync(output, { force: true });
	const started = Date.now();
	const run = spawnSync('npm', ['exec', '--', 'jest', '--ci', '--json', `--outputFile=${output}`, '--testLocationInResults', ...args], {
		cwd: tree,
		encoding: 'utf8',
		maxBuffer: 256 * 1024 * 1024,
		env: { ...process.env, FORCE_COLOR: '0', FAULTS_REPORT: '' },
	});
	const seconds = Math.round((Date.now() - started) / 1000);
	const text = `${run.stdout}\n${run.stderr}`;
	if (existsSync(output)) {
		const report = JSON.parse(readFileSync(output, 'utf8')) as JestReport;
		for (const file of report.testResults) {
			const where = relative(tree, file.name);
			const failed = file.assertionResults.find((test) => test.status === 'failed');
			if (failed) return { caught: `${where}:${failed.location?.line ?? '?'} › ${failed.fullName}`, seconds, ran };
			if (file.status === 'failed') return { caught: `${where} (the file failed: ${firstLine(file.message)})`, seconds, ran };
		}
	}
	// --bail may end jest before it writes the JSON, and so does a failing global teardown (the
	// secrets scan): then its console says what failed, a failing test first.
	const leak = /TOKEN LEAK/.test(text) ? 'globalTeardown secrets scan (TOKEN LEAK)' : undefined;
	const failedFile = /^FAIL (\S+)/m.exec(text)?.[1];
	const failedTest = /^\s*● (?!Console)(.+)$/m.exec(text)?.[1];
	if (failedFile !== undefined) {
		return { caught: `${failedFile}${failedTest ? ` › ${failedTest.trim()}` : ''}${leak ? `; also the ${leak}` : ''}`, seconds, ran };
	}
	if (leak) return { caught: leak, seconds, ran };
	if (run.status !== 0) return { caught: `jest exited ${run.status}: ${firstLine(run.stderr)}`, seconds, ran };
	return { seconds, ran };
}

interface JestReport {
	testResults: Array<{
		name: string;
		status: string;
		message: string;
		assertionResults: Array<{ status: string; fullName: string; location?: { line: number } | null }>;
	}>;
}

function firstLine(text: string): string {
	return (text.split('\n').find((line) => line.trim() !== '') ?? '').trim().slice(0, 160);
}

/** The unit/engine suite: the focus files, then (only if they all pass) every file, stopping at the first failing one. */
function unitSuite(tree: string, mutation: KnownMutation): Verdict {
	const focused = jest(tree, mutation.focus, 'focus files');
	if (focused.caught) return focused;
	const whole = jest(tree, ['--bail'], 'whole suite');
	return { ...whole, seconds: whole.seconds + focused.seconds };
}

function mutate(tree: string, mutation: KnownMutation): string {
	const path = join(tree, mutation.file);
	const original = readFileSync(path, 'utf8');
	const count = original.split(mutation.find).length - 1;
	if (count !== 1) {
		throw new Error(`Mutation ${mutation.id} finds its text ${count} times in ${mutation.file} (not once): update scripts/mutations/knownMutations.ts`);
	}
	writeFileSync(path, original.replace(mutation.find, () => mutation.replace));
	return original;
}

function cell(verdict: Verdict): string {
	return verdict.caught === undefined ? '**NOT CAUGHT**' : `\`${verdict.caught.replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
}

function table(rows: Array<{ mutation: KnownMutation; unit: Verdict; faults: Verdict }>, commit: string): string {
	return [
		`Run at commit ${commit}. First failing test (\`file:line › name\`):`,
		'',
		'| # | Mutation | `npm test` | `npm run test:faults` |',
		'|---|---|---|---|',
		...rows.map(({ mutation, unit, faults }) => `| ${mutation.id} | ${mutation.name} | ${cell(unit)} | ${cell(faults)} |`),
	].join('\n');
}

function writeDocs(text: string): void {
	const doc = readFileSync(DOC, 'utf8');
	const start = doc.indexOf(TABLE_START);
	const end = doc.indexOf(TABLE_END);
	if (start < 0 || end < start) throw new Error(`docs/reliability.md has no ${TABLE_START} … ${TABLE_END} block`);
	writeFileSync(DOC, `${doc.slice(0, start + TABLE_START.length)}\n${text}\n${doc.slice(end)}`);
}

function main(): void {
	const args = process.argv.slice(2);
	const onlyArg = args[args.indexOf('--only') + 1];
	const only = args.includes('--only') && onlyArg ? new Set(onlyArg.split(',').map(Number)) : undefined;
	const mutations = KNOWN_MUTATIONS.filter((mutation) => only === undefined || only.has(mutation.id));
	const commit = git(['rev-parse', '--short', 'HEAD']);
	const tree = mkdtempSync(join(tmpdir(), 'known-mutations-'));
	git(['worktree', 'add', '--detach', tree, 'HEAD']);
	try {
		symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'), 'dir');
		const focus = [...new Set(mutations.flatMap((mutation) => mutation.focus))];
		const faultsToo = !args.includes('--no-faults');
		if (!args.includes('--no-check')) {
			process.stdout.write(`Unmutated ${commit}: the focus files and the property suite must pass…\n`);
			const checks: Array<[string, string[]]> = [['focus files', focus], ...(faultsToo ? [['property suite', [FAULTS]] as [string, string[]]] : [])];
			for (const [label, files] of checks) {
				const verdict = jest(tree, files, label);
				if (verdict.caught) throw new Error(`The unmutated ${label} fail (${verdict.caught}): fix that first, the table would mean nothing`);
			}
		}
		const rows = [];
		for (const mutation of mutations) {
			const original = mutate(tree, mutation);
			try {
				process.stdout.write(`\n${mutation.id}. ${mutation.name}\n`);
				const unit = unitSuite(tree, mutation);
				process.stdout.write(`   npm test (${unit.ran}, ${unit.seconds} s): ${unit.caught ?? 'NOT CAUGHT'}\n`);
				const faults = faultsToo ? jest(tree, [FAULTS], 'property suite') : { seconds: 0, ran: 'not run', caught: 'not run' };
				process.stdout.write(`   test:faults (${faults.seconds} s): ${faults.caught ?? 'NOT CAUGHT'}\n`);
				rows.push({ mutation, unit, faults });
			} finally {
				writeFileSync(join(tree, mutation.file), original);
			}
		}
		const text = table(rows, commit);
		process.stdout.write(`\n${text}\n`);
		if (args.includes('--write-docs')) writeDocs(text);
		const missed = rows.filter((row) => row.unit.caught === undefined).length;
		process.stdout.write(`\n${rows.length - missed} of ${rows.length} mutations caught by npm test\n`);
		if (missed > 0) process.exitCode = 1;
	} finally {
		git(['worktree', 'remove', '--force', tree]);
		rmSync(tree, { recursive: true, force: true });
		rmSync(`${tree}-jest.json`, { force: true });
	}
}

main();
