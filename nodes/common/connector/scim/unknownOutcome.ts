/**
 * A write whose outcome could not be learned. After a write, the connector reads what Notion now
 * holds; when that read fails (refused, redirected, down), it proves nothing about the write:
 * the write may have been applied or not. Saying "refused" (the read's status taken for the
 * write's) or "done" would both be guesses, so the error says the outcome is unknown, which
 * write, why the read failed, and how to look.
 */
import { NotionAdminError } from '../errors';
import { outcomeUnknown } from '../http/createOnce';

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

/**
 * Sends a DELETE. When its answer is lost, an attempt may still have deleted: the resource read
 * back decides (`took`), and if it is still there the failure stands. Returns what was read back,
 * if anything, so that a caller proving the deletion need not read again.
 */
export async function deleteSettled<T>(
	send: () => Promise<unknown>,
	read: () => Promise<T>,
	deletion: { write: string; check: string; took: (held: T) => boolean },
): Promise<{ held: T } | undefined> {
	try {
		await send();
		return undefined;
	} catch (error) {
		if (!outcomeUnknown(error)) throw error;
		const held = await confirmingRead(read, `${deletion.write} (no clear answer: ${error.message})`, deletion.check);
		if (!deletion.took(held)) throw error;
		return { held };
	}
}
