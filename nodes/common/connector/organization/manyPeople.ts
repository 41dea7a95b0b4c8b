/**
 * Changes of several people made one request each (group members, held people): their ids, at
 * least one, and a failure midway told as `partial` with what was already applied.
 */
import { NotionAdminError } from '../errors';
import { requireIds } from '../validate';

export function requireSomeIds(values: unknown, field: string): string[] {
	const ids = requireIds(values, field);
	if (ids.length === 0) throw new NotionAdminError('invalid_input', 'No user IDs given', 'Give one or more user IDs', { field });
	return ids;
}

/** The failure as `partial` when anything was done before it; else the failure itself. */
export function stoppedMidway(error: unknown, done: number, applied: object): unknown {
	if (done === 0 || !(error instanceof NotionAdminError)) return error;
	return new NotionAdminError('partial', `${error.message} — after ${done} of them were changed`, `${error.hint}. Running it again is safe: it completes the rest`, {
		api: error.api,
		httpStatus: error.httpStatus,
		requestId: error.requestId,
		applied,
	});
}
