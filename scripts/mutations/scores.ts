/**
 * npm exec -- tsx scripts/mutations/scores.ts [report.json]
 *
 * The mutation score per module from a Stryker JSON report, also from the partial incremental
 * report an interrupted run leaves (reports/mutation/stryker-incremental.json, the default), and
 * the surviving mutants with their lines. Score = (killed + timed out) / (those + survived + no
 * coverage); mutants not yet tested are counted apart.
 */
import { readFileSync } from 'node:fs';

interface Mutant {
	status: string;
	mutatorName: string;
	replacement?: string;
	location: { start: { line: number } };
}

interface Report {
	files: Record<string, { source: string; mutants: Mutant[] }>;
}

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

const path = process.argv[2] ?? 'reports/mutation/stryker-incremental.json';
const report = JSON.parse(readFileSync(path, 'utf8')) as Report;
const rows: string[] = [];
const survivors: string[] = [];
let detectedAll = 0;
let validAll = 0;
for (const [file, { source, mutants }] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
	const detected = mutants.filter((mutant) => DETECTED.has(mutant.status)).length;
	const undetected = mutants.filter((mutant) => UNDETECTED.has(mutant.status));
	const pending = mutants.filter((mutant) => mutant.status === 'Pending').length;
	const valid = detected + undetected.length;
	detectedAll += detected;
	validAll += valid;
	const score = valid === 0 ? '–' : `${((100 * detected) / valid).toFixed(1)}%`;
	rows.push(`| ${file} | ${score} | ${detected} | ${undetected.length} | ${pending} |`);
	const lines = source.split('\n');
	for (const mutant of undetected) {
		const line = mutant.location.start.line;
		const replacement = (mutant.replacement ?? '').replace(/\s+/g, ' ').slice(0, 70);
		survivors.push(`${file}:${line} ${mutant.status} ${mutant.mutatorName} → ${replacement} | ${lines[line - 1]?.trim().slice(0, 90)}`);
	}
}
process.stdout.write(
	[
		'| module | score | killed | survived | not yet tested |',
		'|---|---|---|---|---|',
		...rows,
		`| all | ${validAll === 0 ? '–' : `${((100 * detectedAll) / validAll).toFixed(1)}%`} | ${detectedAll} | ${validAll - detectedAll} | |`,
		'',
		...survivors,
		'',
	].join('\n'),
);
