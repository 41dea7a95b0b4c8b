import { NotionAdminError } from './errors';

/** Reads one resource: null when Notion says there is none, any other failure thrown. */
export async function nullWhenNotFound<T>(read: () => Promise<T>): Promise<T | null> {
	try {
		return await read();
	} catch (error) {
		if (error instanceof NotionAdminError && error.kind === 'not_found') return null;
		throw error;
	}
}
