/**
 * A group membership change, all of it: planned from the group as read (add, remove or set the
 * members), applied in batched PATCHes, and reported as Notion holds it after a failure.
 */
import { NotionAdminError } from '../errors';
import { outcomeUnknown } from '../http/createOnce';
import type { Group, MembershipChange, MembershipPlan } from '../model';
import type { ScimGroups } from './scimGroups';
import { unknownOutcome } from './unknownOutcome';

/**
 * Applies a plan in batches. After a failure the group is read again: a change Notion holds in
 * full is done, one it holds in part is reported as `partial` with exactly what it holds.
 */
async function applyMembershipChange(groups: ScimGroups, label: string, plan: MembershipPlan): Promise<MembershipChange> {
	const change: MembershipChange = { groupId: plan.groupId, added: [], removed: [], unchanged: plan.unchanged, requests: 0 };
	try {
		const sent = () => (change.requests += 1);
		await groups.addMembers(plan.groupId, plan.toAdd, { sent, applied: (batch) => change.added.push(...batch) });
		await groups.removeMembers(plan.groupId, plan.toRemove, { sent, applied: (batch) => change.removed.push(...batch) });
	} catch (error) {
		if (!(error instanceof NotionAdminError)) throw error;
		// A PATCH whose answers were lost may have been applied: only the group as Notion now
		// holds it says what went through. Without that read, what the answers confirmed.
		let readFailure: NotionAdminError | undefined;
		const held = await groups.get(plan.groupId).catch((readError: unknown) => {
			if (!(readError instanceof NotionAdminError)) throw readError;
			readFailure = readError;
			return null;
		});
		// The batch in flight may have gone through and nothing could say: neither failed nor done.
		if (readFailure !== undefined && outcomeUnknown(error)) {
			const confirmed = `added ${change.added.length} of ${plan.toAdd.length}, removed ${change.removed.length} of ${plan.toRemove.length} as answers confirmed`;
			throw unknownOutcome(`${label} stopped (${error.message}; ${confirmed}); its last batch`, readFailure, 'Group → Get', change);
		}
		if (held !== null) {
			const members = new Set(held.memberIds);
			change.added = plan.toAdd.filter((userId) => members.has(userId));
			change.removed = plan.toRemove.filter((userId) => !members.has(userId));
			if (change.added.length === plan.toAdd.length && change.removed.length === plan.toRemove.length) return change;
		}
		if (change.added.length + change.removed.length === 0) throw error;
		throw new NotionAdminError(
			'partial',
			`${label} stopped midway: added ${change.added.length} of ${plan.toAdd.length}, removed ${change.removed.length} of ${plan.toRemove.length}${held === null ? ' as far as Notion confirmed (the group could not be read back)' : ''} (${error.message})`,
			'Run it again: members already changed are skipped',
			{ api: 'scim', httpStatus: error.httpStatus, applied: change, cause: error },
		);
	}
	return change;
}

/** Add: only the missing join. Remove: only the present leave. Set: the group becomes exactly `wanted`. */
export type MembershipIntent = 'add' | 'remove' | 'set';

export function planFor(group: Group, wanted: string[], intent: MembershipIntent = 'set'): MembershipPlan {
	const current = new Set(group.memberIds);
	if (intent === 'remove') {
		return {
			groupId: group.id,
			toAdd: [],
			toRemove: wanted.filter((id) => current.has(id)),
			unchanged: wanted.filter((id) => !current.has(id)),
		};
	}
	const wantedSet = new Set(wanted);
	return {
		groupId: group.id,
		toAdd: wanted.filter((id) => !current.has(id)),
		toRemove: intent === 'add' ? [] : group.memberIds.filter((id) => !wantedSet.has(id)),
		unchanged: wanted.filter((id) => current.has(id)),
	};
}

/** Reads the group once, plans the change from it, then applies the plan. */
export async function changeMembership(
	groups: ScimGroups,
	label: string,
	groupId: string,
	wanted: string[],
	intent: MembershipIntent,
): Promise<MembershipChange> {
	return applyMembershipChange(groups, label, planFor(await groups.require(groupId), wanted, intent));
}
