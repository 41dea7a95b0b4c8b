/**
 * `npm run bench`: measures the package against the floor Notion's documented request limits set
 * (bench/floor.ts) on the emulator, beside the previous release's pacing and a naive client, and
 * checks the targets.
 * Progress goes to stderr, the table to stdout, the figures to bench/results.json.
 */
// n8n's services read their settings from the environment on first use: set it up first.
import '../test/support/setup-env';

import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { BenchCase } from './benchCase';
import { groupAddCase } from './cases/groupAdd';
import { licenseReportCase } from './cases/licenseReport';
import { listMembersCases } from './cases/listMembers';
import { nodeOverheadCase } from './cases/nodeOverhead';
import { queueModeCases } from './cases/queueMode';
import { syncDiffCase } from './cases/syncDiff';
import { parseOptions } from './options';
import { progress } from './progress';
import { machine, renderReport, writeResults } from './report';
import type { CaseResult } from './result';
import { warmUp } from './warmUp';

async function main(): Promise<void> {
	const options = parseOptions(process.argv.slice(2), join(__dirname, 'results.json'));
	const cases: BenchCase[] = [
		...listMembersCases(options),
		...queueModeCases(options),
		groupAddCase(options),
		syncDiffCase(options),
		licenseReportCase(options),
		nodeOverheadCase(options),
	].filter((c) => options.only === undefined || options.only.some((text) => c.name.includes(text)));
	const m = machine();
	progress(
		`${cases.length} cases${options.quick ? ' (quick)' : ''}, latency ${options.latencyMs} ms, ` +
			`budget ${options.budgetPerMinute}/min, ${options.inFlight} in flight; ${m.cpu}, ${m.nproc} CPUs, Node ${m.node}`,
	);
	if (options.warmUp && cases.length > 0) await warmUp();
	const results: CaseResult[] = [];
	for (const benchCase of cases) {
		progress(`${benchCase.name}: start`);
		const start = loadAverage();
		const result = await benchCase.run(options);
		result.loadAverage = { start, end: loadAverage() };
		results.push(result);
		const gaps = result.targets.filter((t) => !t.pass).length;
		progress(`${benchCase.name}: done in ${(result.wallMs / 1000).toFixed(2)} s, ${gaps ? `${gaps} GAP` : 'all targets met'}`);
	}
	writeResults(options.outFile, results);
	process.stdout.write(`${renderReport(results, options)}\n`);
	progress(`results written to ${options.outFile}`);
}

/** Other engineers' work shares the machine: each figure is stated with the load it met. */
function loadAverage(): number[] {
	return loadavg().map((load) => Math.round(load * 10) / 10);
}

main().catch((error: unknown) => {
	process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exit(1);
});
