/**
 * Sends a non-idempotent create (a POST) so that it takes effect at most once: after an attempt
 * whose outcome is unknown (lost answer, timeout, 5xx), it looks the resource up before sending
 * again, and a conflict on a repeat means the earlier attempt worked.
 */
import type { ApiCall, ApiResult, Requester } from './requester';
import { RequestFailure } from './responseError';

export interface CreateOnceSteps<T> {
	fromResponse: (result: ApiResult) => Promise<T> | T;
	/** Looks the resource up by its natural key (email, group name); null when absent. */
	findExisting: () => Promise<T | null>;
	/** The error for a create that conflicts with something that existed before we started. */
	conflict: (existing: T | null, error: RequestFailure) => Error;
}

export async function createOnce<T>(requester: Requester, call: ApiCall, steps: CreateOnceSteps<T>): Promise<T> {
	let unknownOutcome: RequestFailure | undefined;
	for (let attempt = 1; ; attempt++) {
		try {
			return await steps.fromResponse(await requester.send({ ...call, idempotent: false }));
		} catch (error) {
			if (!(error instanceof RequestFailure)) throw error;
			if (error.kind === 'conflict') {
				const existing = await steps.findExisting();
				if (unknownOutcome && existing) return existing;
				throw steps.conflict(existing, error);
			}
			if (!error.ambiguous) throw error;
			unknownOutcome = error;
		}
		const existing = await steps.findExisting();
		if (existing) return existing;
		if (attempt >= requester.maxAttempts) throw unknownOutcome;
		await requester.backoff(attempt);
	}
}
