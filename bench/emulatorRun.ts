/** Runs one measured client against a fresh emulator and reads what it saw from its log. */
import { startEmulator } from '../tools/notion-emulator';
import type { Emulator, LogEntry, Seed, WindowLimitOptions } from '../tools/notion-emulator/types';
import type { BenchOptions } from './options';

export interface Measured<T> {
	value?: T;
	error?: unknown;
	wallMs: number;
	/** API requests (control requests excluded). */
	log: LogEntry[];
}

/** Notion's documented limits on a Business or Enterprise workspace. */
export const BUSINESS: WindowLimitOptions = { model: 'window', plan: 'business' };

/**
 * A fresh emulator per measured client, so neither the limiter's windows nor the request log
 * carry over from the previous run.
 */
export async function measureAgainstEmulator<T>(
	seed: Seed,
	options: BenchOptions,
	run: (emulator: Emulator) => Promise<T>,
	limits: WindowLimitOptions = BUSINESS,
	/** Runs first, unmeasured (e.g. another connection spending the workspace budget). */
	before?: (emulator: Emulator) => Promise<void>,
): Promise<Measured<T>> {
	const emulator = await startEmulator({ seed, rateLimit: limits, latencyMs: options.latencyMs });
	try {
		if (before) {
			await before(emulator);
			emulator.control.resetLog();
		}
		const started = performance.now();
		let value: T | undefined;
		let error: unknown;
		try {
			value = await run(emulator);
		} catch (e) {
			error = e;
		}
		const wallMs = performance.now() - started;
		const log = emulator.control.requestLog().filter((entry) => entry.api !== 'control');
		return { value, error, wallMs, log };
	} finally {
		await emulator.stop();
	}
}

export function count429(log: LogEntry[]): number {
	return log.filter((entry) => entry.status === 429).length;
}
