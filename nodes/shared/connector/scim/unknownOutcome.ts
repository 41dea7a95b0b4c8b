/**
 * A write whose outcome could not be learned. After a write, the connector reads what Notion now
 * holds; when that read fails (refused, redirected, down), it proves nothing about the write:
 * the write may have been applied or not. Saying "refused" (the read's status taken for the
 * write's) or "done" would both be guesses, so the error says the outcome is unknown, which
 * write, why the read failed, and how to look.
 */
import { NotionAdminError } from '../errors';

export function unknownOutcome(write: string, readFailure: NotionAdminError, check: string, applied?: unknown): NotionAdminError {
	return new NotionAdminError(
		'outcome_unknown',
		`${write} may have been applied: the read that would confirm it failed (${readFailure.message})`,
		`The outcome is unknown: check with ${check} whether the change is in Notion before running it again`,
		{ api: 'scim', requestId: readFailure.requestId, applied, cause: readFailure },
	);
}

/** Runs the read that confirms a write; its failure becomes `outcome_unknown` about that write. */
export async function confirmingRead<T>(read: () => Promise<T>, write: string, check: string): Promise<T> {
	try {
		return await read();
	} catch (error) {
		if (!(error instanceof NotionAdminError)) throw error;
		throw unknownOutcome(write, error, check);
	}
}
