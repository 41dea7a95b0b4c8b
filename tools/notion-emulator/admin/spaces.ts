/** The workspace a path names: a UUID (400 otherwise) of a live workspace of the organization (404 otherwise). */
import { AdminFailure } from './errors';
import type { AdminRequest } from './endpoint';
import type { OrgWorkspaceState } from './types';
import { uuidAt } from './query';

export function spaceOf(req: AdminRequest): OrgWorkspaceState {
	const id = uuidAt(req.params.space_id, 'path.space_id');
	const space = req.org.workspace(id);
	// A deleted workspace and one outside the organization answer the same as one that never was.
	if (!space) throw new AdminFailure(404, 'object_not_found', `Could not find workspace with ID: ${id}.`);
	return space;
}
