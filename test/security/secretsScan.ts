/**
 * Looks for the registered tokens in everything the test run recorded (records.ts). A finding
 * names the run and the test, never the token.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { RUNS_PREFIX, SECRETS_PREFIX } from './records';

export interface ScanResult {
	runs: number;
	secrets: number;
	leaks: string[];
}

export function scanRecords(dir: string): ScanResult {
	const files = readdirSync(dir);
	const secrets = new Set<string>();
	for (const file of files.filter((name) => name.startsWith(SECRETS_PREFIX))) {
		for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) if (line !== '') secrets.add(line);
	}
	const result: ScanResult = { runs: 0, secrets: secrets.size, leaks: [] };
	for (const file of files.filter((name) => name.startsWith(RUNS_PREFIX))) {
		for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
			if (line === '') continue;
			result.runs += 1;
			const leaked = [...secrets].filter((secret) => line.includes(secret)).length;
			if (leaked === 0) continue;
			const { label, test } = JSON.parse(line) as { label: string; test?: string };
			result.leaks.push(`${leaked} token(s) in a ${label} run of "${test ?? 'unknown test'}"`);
		}
	}
	return result;
}
