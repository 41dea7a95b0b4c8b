/** Workspace changes scripted to happen between two page reads of one listing (FaultPlan). */
import type { Runtime } from './runtime';
import { isPersonMember } from './records';
import type { ListingChange } from './types';

/** Applies `changes` now; answers what was done, for the request log. */
export function applyListingChanges(rt: Runtime, changes: readonly ListingChange[]): Array<ListingChange['change']> {
	const done: Array<ListingChange['change']> = [];
	for (const change of changes) {
		// Faults and outages are armed by the FaultPlan itself.
		if (change.change === 'fault' || change.change === 'outage') {
			done.push(change.change);
			continue;
		}
		if (change.change === 'join') {
			rt.store.joinNewcomer(change.at !== 'last');
			done.push('join');
			continue;
		}
		// The token owner never leaves this way: that would revoke the SCIM token as well.
		const candidates = [...rt.store.scimUsers()].filter((user) => user.id !== rt.store.scimTokenOwnerId);
		if (candidates.length === 0) continue;
		const leaving = candidates[(change.pick ?? 0) % candidates.length];
		if (!isPersonMember(leaving)) continue;
		rt.store.removeMember(leaving, rt.behaviours.deletedUserLookup);
		done.push('leave');
	}
	return done;
}
