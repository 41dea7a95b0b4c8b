/**
 * Waiting for an asynchronous Admin API job (an export, an analytics report): its status is read
 * with growing pauses (Notion documents no interval) through the same requester, so every read is
 * paced within the credential's request budget; the pauses go through the injected clock (n8n's
 * sleep in the node), never a timer of its own. The time waited counts the clock and the pauses
 * both, whichever is more, so a clock that does not move still ends the wait at the timeout.
 */
import { NotionAdminError } from '../errors';
import type { Clock } from '../http/pacer';
import { quoteValue } from '../redact';

export interface WaitOptions {
	/** How long to wait in all, in milliseconds. */
	timeoutMs: number;
	/** The first pause between two status reads (doubling up to `maxPollMs`). */
	firstPollMs?: number;
	maxPollMs?: number;
}

const MAX_POLL_MS = 30_000;
/** A day: longer than any n8n execution should hold a worker. */
const MAX_TIMEOUT_MS = 24 * 60 * 60 * 1000;

export function checkTimeout(value: unknown, field = 'timeoutMs'): number {
	if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_TIMEOUT_MS) return value;
	throw new NotionAdminError('invalid_input', `${quoteValue(value)} is not a wait between 0 and 24 hours`, 'Give a timeout such as 600 seconds', { field });
}

/** What a kind of job is waited for with; the job's status read is given per wait. */
export interface JobWatch<T> {
	/** True once done; throws the job's own error when it ended otherwise; false while it runs. */
	done(status: T): boolean;
	/** The error at the timeout, naming the job and how to read it later. */
	stillRunning(status: T, timeoutMs: number): Error;
	/** The first pause when the caller gives none. */
	firstPollMs: number;
}

/** `read`: the job's status now (its errors already say which job). */
export async function pollUntilDone<T>(clock: Clock, options: WaitOptions, poll: JobWatch<T>, read: () => Promise<T>): Promise<T> {
	const timeoutMs = checkTimeout(options.timeoutMs);
	const started = clock.now();
	let slept = 0;
	let pause = options.firstPollMs ?? poll.firstPollMs;
	for (;;) {
		const status = await read();
		if (poll.done(status)) return status;
		const left = timeoutMs - Math.max(clock.now() - started, slept);
		if (left <= 0) throw poll.stillRunning(status, timeoutMs);
		const wait = Math.min(pause, left);
		await clock.sleep(wait);
		slept += wait;
		pause = Math.min(pause * 2, options.maxPollMs ?? MAX_POLL_MS);
	}
}
