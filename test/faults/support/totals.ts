/**
 * Counts what the property suite did, across its test files: each file saves its totals in the
 * run's record directory and the global teardown prints the one summary line.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { RECORD_DIR_ENV } from '../../../tools/engine-harness/records';
import type { Outcome } from './play';

/** Fixed so that CI runs are reproducible; FAULTS_SEED replays another run (a failure names it, and fast-check prints its path). */
export const PROPERTY_SEED = Number(process.env.FAULTS_SEED ?? 20261125);

/** What a failing sequence says first: how to replay it. */
export function replayHint(jitterSeed: number): string {
	return `FAULTS_SEED=${PROPERTY_SEED} (jitter seed ${jitterSeed})`;
}

export function runsFor(variable: string, fallback: number): number {
	const value = Number(process.env[variable]);
	return Number.isInteger(value) && value > 0 ? value : fallback;
}

export interface FaultTotals {
	sequences: number;
	polls: number;
	failedPolls: number;
	faults: number;
	events: number;
	lost: number;
	duplicated: number;
	false: number;
	removalsConfirmed: number;
	guardTrips: number;
	faultKinds: Record<string, number>;
	/** Counted by the Notion Admin sequences (writes.test.ts); absent from older totals. */
	writesChecked?: number;
	lookupsChecked?: number;
	listingsChecked?: number;
}

export const TOTALS_PREFIX = 'faults-';

/** Nothing counted yet. */
export function noTotals(): FaultTotals {
	return {
		sequences: 0,
		polls: 0,
		failedPolls: 0,
		faults: 0,
		events: 0,
		lost: 0,
		duplicated: 0,
		false: 0,
		removalsConfirmed: 0,
		guardTrips: 0,
		faultKinds: {},
	};
}

export function totals(label: string) {
	const sum = noTotals();
	return {
		add(outcome: Outcome): void {
			sum.sequences += 1;
			sum.polls += outcome.polls;
			sum.failedPolls += outcome.failedPolls;
			sum.faults += outcome.faults;
			sum.events += outcome.events;
			sum.lost += outcome.lost;
			sum.duplicated += outcome.duplicated;
			sum.false += outcome.false;
			sum.removalsConfirmed += outcome.removalsConfirmed;
			sum.guardTrips += outcome.guardTrips;
			for (const [kind, count] of Object.entries(outcome.faultKinds)) sum.faultKinds[kind] = (sum.faultKinds[kind] ?? 0) + count;
		},
		save(): void {
			saveTotals(label, sum);
		},
	};
}

/** Saves one test file's totals for the global teardown (or prints them when run without it). */
export function saveTotals(label: string, sum: FaultTotals): void {
	const dir = process.env[RECORD_DIR_ENV];
	if (dir === undefined) {
		process.stdout.write(`${summaryLine(sum)}\n`);
		return;
	}
	writeFileSync(join(dir, `${TOTALS_PREFIX}${label}.json`), JSON.stringify(sum));
}

/** Adds up the totals of several test files. */
export function sumTotals(all: FaultTotals[]): FaultTotals {
	const sum: FaultTotals = { ...all[0], faultKinds: { ...all[0].faultKinds } };
	for (const one of all.slice(1)) {
		for (const key of ['sequences', 'polls', 'failedPolls', 'faults', 'events', 'lost', 'duplicated', 'false', 'removalsConfirmed', 'guardTrips', 'writesChecked', 'lookupsChecked', 'listingsChecked'] as const) {
			sum[key] = (sum[key] ?? 0) + (one[key] ?? 0);
		}
		for (const [kind, count] of Object.entries(one.faultKinds)) sum.faultKinds[kind] = (sum.faultKinds[kind] ?? 0) + count;
	}
	return sum;
}

export function summaryLine(sum: FaultTotals): string {
	return `faults: ${sum.sequences} sequences, ${sum.faults} faults injected, ${sum.events} events checked, ${sum.lost} lost, ${sum.duplicated} duplicated, ${sum.false} false, ${sum.removalsConfirmed} removals confirmed, ${sum.guardTrips} guard trips, ${sum.writesChecked ?? 0} writes checked, ${sum.lookupsChecked ?? 0} lookups checked, ${sum.listingsChecked ?? 0} listings checked`;
}
