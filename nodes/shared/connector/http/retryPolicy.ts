/**
 * The one retry policy for both Notion APIs: which failures are worth another attempt, and how
 * long to wait before it. Pure functions; the requester applies them.
 */
import type { HttpRequest } from '../transport';

/** What went wrong with one attempt, before it is turned into a NotionAdminError. */
export type AttemptFailure =
	| { type: 'status'; status: number; retryAfterMs?: number }
	| { type: 'edge'; status: number }
	| { type: 'timeout' }
	| { type: 'network' }
	| { type: 'bad_body' };

export type RetryDecision =
	/** Safe to send again: the first attempt surely had no effect, or repeating it is harmless. */
	| 'retry'
	/** A repeat might apply a non-idempotent change twice: the caller must check first. */
	| 'ambiguous'
	| 'give_up';

export interface BackoffSettings {
	baseDelayMs: number;
	maxDelayMs: number;
}

/** Notion's 529 means "overloaded, try later", like 429: the request was not processed. */
const THROTTLED = new Set([429, 529]);
const TRANSIENT = new Set([500, 502, 503, 504]);

export function isThrottled(failure: AttemptFailure): boolean {
	return failure.type === 'status' && THROTTLED.has(failure.status);
}

/**
 * `idempotent` is the caller's claim that sending the request twice has the same effect as once
 * (GET, PUT, DELETE, and PATCHes built from replace/add-to-set/remove operations).
 */
export function decideRetry(failure: AttemptFailure, idempotent: boolean): RetryDecision {
	if (isThrottled(failure)) return 'retry';
	const transient =
		failure.type === 'edge' ||
		failure.type === 'timeout' ||
		failure.type === 'network' ||
		failure.type === 'bad_body' ||
		(failure.type === 'status' && TRANSIENT.has(failure.status));
	if (!transient) return 'give_up';
	return idempotent ? 'retry' : 'ambiguous';
}

export function isIdempotentMethod(method: HttpRequest['method']): boolean {
	return method !== 'POST';
}

/**
 * Exponential backoff with full jitter (a uniformly random wait between 0 and the capped
 * exponential), so that many clients that failed together do not retry together.
 * `attempt` is 1 for the wait after the first failed attempt.
 */
export function backoffDelay(attempt: number, settings: BackoffSettings, random: () => number): number {
	const ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** (attempt - 1));
	return Math.floor(random() * ceiling);
}

/**
 * `Retry-After` as milliseconds from `nowMs`: either delta-seconds or an HTTP date.
 * Undefined when absent or unreadable (the backoff applies then).
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
	if (value === undefined) return undefined;
	const trimmed = value.trim();
	if (trimmed === '') return undefined;
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
	const date = Date.parse(trimmed);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - nowMs);
}
