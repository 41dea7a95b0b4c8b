/** The organization client's error from a call expected to fail (anything else fails the test). */
import { NotionAdminError } from '../../../nodes/common/connector/errors';

export async function failure(promise: Promise<unknown>): Promise<NotionAdminError> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof NotionAdminError) return error;
		throw error;
	}
	throw new Error('expected a failure');
}
