/**
 * The one retry policy for both Notion APIs: which failures are worth another attempt, and how
 * long to wait before it. Pure functions; the requester applies them.
 */
import type { HttpRequest } from '../transport';

/** What went wrong with one attempt, before it is turned into a NotionAdminError. */
export type AttemptFailure =
	| { type: 'status'; status: number; retryAfterMs?: number; limit?: LimitDetails }
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

/** What a 429, 529 or 503 says in `additional_data` (Notion's envelope; SCIM answers may carry it). */
export interface LimitDetails {
	/** `rate_limit_reason` of a 429. */
	reason?: string;
	/** `retry_after` (whole seconds, a string) as ms; used when the header is missing. */
	retryAfterMs?: number;
	/** `retry_guidance` of a 503 on a write, read as: re-read first, or safe to send again. */
	guidance?: 'reread' | 'repeat';
}

export const CONNECTION_LIMIT = 'public_api_request_rate_limit';
export const WORKSPACE_LIMIT = 'public_api_space_request_rate_limit';
export const ENDPOINT_LIMIT = 'public_api_endpoint_rate_limit';
export const BLOCKED = 'public_api_request_blocked';

/** Reads `additional_data` from an error body; tolerant of anything. */
export function readLimitDetails(text: string): LimitDetails | undefined {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return undefined;
	}
	const extra = (parsed as { additional_data?: unknown } | null)?.additional_data;
	if (typeof extra !== 'object' || extra === null) return undefined;
	const data = extra as Record<string, unknown>;
	const details: LimitDetails = {};
	if (typeof data.rate_limit_reason === 'string') details.reason = data.rate_limit_reason;
	const seconds = typeof data.retry_after === 'string' || typeof data.retry_after === 'number' ? String(data.retry_after).trim() : '';
	if (/^\d+(\.\d+)?$/.test(seconds)) details.retryAfterMs = Math.ceil(Number(seconds) * 1000);
	if (Array.isArray(data.retry_guidance)) details.guidance = readGuidance(data.retry_guidance);
	return details;
}

/**
 * Notion documents `retry_guidance` as strings such as "read the object again", "do not repeat
 * the write", without a fixed vocabulary: any mention of reading or of not retrying means the
 * write may have been saved; only a plain "safe to retry" allows sending it again at once.
 */
function readGuidance(entries: unknown[]): LimitDetails['guidance'] {
	const texts = entries.filter((e): e is string => typeof e === 'string').map((e) => e.toLowerCase());
	if (texts.some((t) => /read|not[ _-]?(retry|repeat)|don'?t/.test(t))) return 'reread';
	if (texts.some((t) => /safe|retry|repeat/.test(t))) return 'repeat';
	return undefined;
}

/** Notion's 529 means "overloaded, try later", like 429: the request was not processed. */
const THROTTLED = new Set([429, 529]);
const TRANSIENT = new Set([500, 502, 503, 504]);

export function isThrottled(failure: AttemptFailure): boolean {
	return failure.type === 'status' && THROTTLED.has(failure.status) && !isBlocked(failure);
}

/** Notion restricted this connection's API access: retrying cannot help. */
export function isBlocked(failure: AttemptFailure): boolean {
	return failure.type === 'status' && failure.status === 429 && failure.limit?.reason === BLOCKED;
}

/**
 * `idempotent` is the caller's claim that sending the request twice has the same effect as once
 * (GET, PUT, DELETE, and PATCHes built from replace/add-to-set/remove operations).
 */
export function decideRetry(failure: AttemptFailure, idempotent: boolean): RetryDecision {
	if (isBlocked(failure)) return 'give_up';
	if (isThrottled(failure)) return 'retry';
	// A write that answered 503 with guidance: "safe to retry" means it was not saved.
	if (failure.type === 'status' && failure.status === 503 && failure.limit?.guidance === 'repeat') return 'retry';
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
