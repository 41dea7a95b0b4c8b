/**
 * After every test file: fails the run if a token showed up in any recorded node run (output,
 * error message, description, cause), then prints the property suite's summary line, last.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { summaryLine, TOTALS_PREFIX, type FaultTotals } from '../faults/support/totals';
import { RECORD_DIR_ENV } from './records';
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
		if (totals.length > 0) process.stdout.write(`${summaryLine(sumOf(totals))}\n`);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

function sumOf(all: FaultTotals[]): FaultTotals {
	const sum = { ...all[0] };
	for (const one of all.slice(1)) {
		for (const key of Object.keys(sum) as Array<keyof FaultTotals>) sum[key] += one[key];
	}
	return sum;
}
