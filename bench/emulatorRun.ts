/** Runs one measured client against a fresh emulator and reads what it saw from its log. */
import type { LogEntry, Seed, WindowLimitOptions } from '../tools/notion-emulator/types';
import { loopbackTransport } from '../test/support/loopbackTransport';
import { startEmulatorProcess, type EmulatorProcess } from './emulatorProcess';
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
 * carry over from the previous run; in a process of its own, so only the client's CPU is measured.
 */
export async function measureAgainstEmulator<T>(
	seed: Seed,
	options: BenchOptions,
	run: (emulator: EmulatorProcess) => Promise<T>,
	limits: WindowLimitOptions = BUSINESS,
	/** Runs first, unmeasured (e.g. another connection spending the workspace budget). */
	before?: (emulator: EmulatorProcess) => Promise<void>,
): Promise<Measured<T>> {
	const emulator = await startEmulatorProcess({ seed, rateLimit: limits, latencyMs: options.latencyMs });
	try {
		if (before) {
			await before(emulator);
			await emulator.resetLog();
		}
		await connect(emulator, options.inFlight);
		const started = performance.now();
		let value: T | undefined;
		let error: unknown;
		try {
			value = await run(emulator);
		} catch (e) {
			error = e;
		}
		const wallMs = performance.now() - started;
		const log = (await emulator.requestLog()).filter((entry) => entry.api !== 'control');
		return { value, error, wallMs, log };
	} finally {
		await emulator.stop();
	}
}

export function count429(log: LogEntry[]): number {
	return log.filter((entry) => entry.status === 429).length;
}

/**
 * Opens the connections the measured client will use, unmeasured. Every case gets a fresh
 * emulator on a new port, so without this each listing would open its 10 connections inside its
 * second round trip (1,000 members: 0.35–0.41 s instead of 0.32–0.33 s on the quiet machine),
 * a cost of the transport's connection pool (n8n's HTTP helpers in a node), not of the pacing,
 * that the floor has no term for. Control requests: neither logged as API requests nor counted
 * by the limits.
 */
async function connect(emulator: EmulatorProcess, connections: number): Promise<void> {
	const transport = loopbackTransport(emulator.tokens);
	const open = () => transport({ api: 'standard', method: 'GET', url: `${emulator.url}/_emulator/requests`, headers: {}, timeoutMs: 10_000 });
	// All at once, so that each one needs a connection of its own.
	await Promise.all(Array.from({ length: connections }, open));
	// The naive client's fetch keeps a pool of its own.
	await emulator.requestLog();
}
