/**
 * Sends a non-idempotent create (a POST) so that it takes effect at most once: after an attempt
 * whose outcome is unknown (lost answer, timeout, 5xx), it looks the resource up before sending
 * again, and a conflict on a repeat means the earlier attempt worked.
 *
 * The caller must have looked before the first attempt and found nothing done (no such group, no
 * active member): then whatever done resource a later lookup finds is this create's doing, and the
 * answer can say "created" truthfully. A lookup after a lost answer alone could not tell that.
 */
import type { ApiCall, ApiResult, Requester } from './requester';
import { RequestFailure } from './responseError';

export interface CreateOnceSteps<T> {
	fromResponse: (result: ApiResult) => Promise<T> | T;
	/** Looks the resource up by its natural key (email, group name); null when absent. */
	findExisting: () => Promise<T | null>;
	/**
	 * Whether what the lookup found is what the create makes (a member that is active, not one
	 * still deactivated). Anything found counts when absent.
	 */
	isDone?: (found: T) => boolean;
	/** The error for a create that conflicts with something that existed before we started. */
	conflict: (existing: T | null, error: RequestFailure) => Error;
	/**
	 * The error once every attempt is spent and the lookup still finds the resource not done;
	 * the attempt's own failure when absent or undefined.
	 */
	notDone?: (existing: T | null, error: RequestFailure) => Error | undefined;
}

export async function createOnce<T>(requester: Requester, call: ApiCall, steps: CreateOnceSteps<T>): Promise<T> {
	const done = (found: T | null): found is T => found !== null && (steps.isDone?.(found) ?? true);
	let unknownOutcome: RequestFailure | undefined;
	for (let attempt = 1; ; attempt++) {
		try {
			return await steps.fromResponse(await requester.send({ ...call, idempotent: false }));
		} catch (error) {
			if (!(error instanceof RequestFailure)) throw error;
			if (error.kind === 'conflict') {
				const existing = await steps.findExisting();
				if (unknownOutcome && done(existing)) return existing;
				throw steps.conflict(existing, error);
			}
			if (!error.ambiguous) throw error;
			unknownOutcome = error;
		}
		// Only evidence from Notion ends an unknown outcome: what it holds now.
		const existing = await steps.findExisting();
		if (done(existing)) return existing;
		if (attempt >= requester.maxAttempts) throw steps.notDone?.(existing, unknownOutcome) ?? unknownOutcome;
		await requester.backoff(attempt);
	}
}

/**
 * Whether a failed request may have taken effect without its answer reaching us (lost answer,
 * timeout, 5xx or a broken body after every retry): then only a read says what Notion holds.
 */
export function outcomeUnknown(error: unknown): error is RequestFailure {
	return (
		error instanceof RequestFailure && (error.ambiguous || error.kind === 'unavailable' || error.kind === 'timeout' || error.kind === 'bad_response')
	);
}
