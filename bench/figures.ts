/** Turns one measured run into the figures the table and results.json report. */
import { count429, type Measured } from './emulatorRun';
import { ratio, round, type ClientFigures } from './result';

/** `ok`: the run produced the right outcome (e.g. every member listed). */
export function clientFigures(measured: Measured<unknown>, ok: boolean, msFloor: number): ClientFigures {
	return {
		requests: measured.log.length,
		met429: count429(measured.log),
		unhandled429: isRateLimited(measured.error) ? 1 : 0,
		failures: measured.error !== undefined || !ok ? 1 : 0,
		wallMs: round(measured.wallMs),
		ratio: ratio(measured.wallMs, msFloor),
	};
}

/** The connector says `rate_limited`; the naive client and n8n name the 429 in the message. */
function isRateLimited(error: unknown): boolean {
	if (typeof error !== 'object' || error === null) return false;
	const e = error as { kind?: unknown; message?: unknown; httpCode?: unknown };
	return (
		e.kind === 'rate_limited' ||
		e.httpCode === '429' ||
		(typeof e.message === 'string' && /\b429\b|rate.?limit/i.test(e.message))
	);
}

export function describeError(error: unknown): string {
	if (error instanceof Error) return error.message;
	if (typeof error === 'object' && error !== null) {
		const { message, name } = error as { message?: unknown; name?: unknown };
		if (typeof message === 'string') return typeof name === 'string' ? `${name}: ${message}` : message;
		try {
			return JSON.stringify(error).slice(0, 300);
		} catch {
			return Object.prototype.toString.call(error);
		}
	}
	return String(error);
}
