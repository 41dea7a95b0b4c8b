/**
 * After every test file: fails the run if a token showed up in any recorded node run (output,
 * error message, description, cause), then prints the property suite's summary line, last.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { summaryLine, sumTotals, TOTALS_PREFIX, type FaultTotals } from '../faults/support/totals';
import { RECORD_DIR_ENV } from '../../tools/engine-harness/records';
import { scanRecords } from './secretsScan';

export default function globalTeardown(): void {
	const dir = process.env[RECORD_DIR_ENV];
	if (dir === undefined) return;
	try {
		const scan = scanRecords(dir);
		if (scan.leaks.length > 0) {
			throw new Error(`TOKEN LEAK: a token appeared in what a user or a log would see:\n${scan.leaks.join('\n')}`);
		}
		process.stdout.write(`\nsecrets: ${scan.runs} node runs scanned for ${scan.secrets} tokens, 0 leaks\n`);
		const totals = readdirSync(dir)
			.filter((name) => name.startsWith(TOTALS_PREFIX))
			.map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as FaultTotals);
		if (totals.length > 0) {
			const sum = sumTotals(totals);
			// FAULTS_REPORT names a file for the detailed figures (docs/reliability.md quotes them).
			if (process.env.FAULTS_REPORT) writeFileSync(process.env.FAULTS_REPORT, `${JSON.stringify(sum, null, '\t')}\n`);
			process.stdout.write(`${summaryLine(sum)}\n`);
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
