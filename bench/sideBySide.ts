/**
 * One case, three clients, each against its own fresh emulator with the same limits: the connector
 * as released, the connector with the previous release's pacing, and the naive client.
 */
import type { Seed, WindowLimitOptions } from '../tools/notion-emulator/types';
import type { EmulatorProcess } from './emulatorProcess';
import { measureAgainstEmulator, type Measured } from './emulatorRun';
import { clientFigures } from './figures';
import type { BenchOptions } from './options';
import { progress } from './progress';
import type { ClientFigures, TargetCheck } from './result';

export interface ThreeClients<T> {
	connector: (emulator: EmulatorProcess) => Promise<T>;
	previous: (emulator: EmulatorProcess) => Promise<T>;
	naive: (emulator: EmulatorProcess) => Promise<T>;
}

export interface SideBySide<T> {
	connector: Measured<T>;
	c: ClientFigures;
	p: ClientFigures;
	n: ClientFigures;
}

export async function sideBySide<T>(
	name: string,
	seed: Seed,
	options: BenchOptions,
	limits: WindowLimitOptions,
	clients: ThreeClients<T>,
	ok: (value: T | undefined) => boolean,
	msFloor: number,
	before?: (emulator: EmulatorProcess) => Promise<void>,
): Promise<SideBySide<T>> {
	const measure = async (label: string, run: (emulator: EmulatorProcess) => Promise<T>) => {
		progress(`${name}: ${label}`);
		const measured = await measureAgainstEmulator(seed, options, run, limits, before);
		const figures = clientFigures(measured, ok(measured.value), msFloor);
		progress(`${name}: ${label} ${figures.requests} requests, ${figures.met429} 429s, ${(figures.wallMs / 1000).toFixed(2)} s`);
		return { measured, figures };
	};
	const connector = await measure('connector', clients.connector);
	const previous = await measure('previous pacing (3 req/s)', clients.previous);
	const naive = await measure('naive client', clients.naive);
	return { connector: connector.measured, c: connector.figures, p: previous.figures, n: naive.figures };
}

/** The targets every listing case shares: the floor, 429s, and the naive client. */
/** `max429`: the 429s a case may meet (per-connection ones); none when a shared budget makes them expected. */
export function budgetTargets(run: SideBySide<unknown>, msFloor: number, max429: number | undefined): TargetCheck[] {
	const { c, n } = run;
	return [
		{
			target: `wall ≤ 1.15 × floor (${((msFloor * 1.15) / 1000).toFixed(2)} s)`,
			actual: `${(c.wallMs / 1000).toFixed(2)} s, ratio ${c.ratio?.toFixed(2)}`,
			pass: c.wallMs <= msFloor * 1.15,
		},
		{ target: '0 unhandled 429s', actual: String(c.unhandled429), pass: c.unhandled429 === 0 },
		...(max429 === undefined ? [] : [{ target: `≤ ${max429} 429s met`, actual: String(c.met429), pass: c.met429 <= max429 }]),
		{
			target: 'no more than 5% slower than the naive client',
			actual: `${(c.wallMs / 1000).toFixed(2)} s vs ${(n.wallMs / 1000).toFixed(2)} s`,
			pass: c.wallMs <= n.wallMs * 1.05,
		},
	];
}
