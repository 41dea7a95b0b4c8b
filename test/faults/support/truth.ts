/**
 * What the trigger should know about a workspace: the emulator's own state, seen through the
 * source the trigger lists with. SCIM lists people with role and status (bots are not SCIM
 * users); the standard API lists current members and guests, without role or status.
 */
import type { WorkspaceSnapshot } from '../../../tools/notion-emulator';

export type Profile = 'scim' | 'api';

export interface Visible {
	email: string;
	name: string;
	/** `undefined` where the source cannot see it. */
	role?: string;
	active?: boolean;
}

export type Truth = Map<string, Visible>;

export function truthOf(snapshot: WorkspaceSnapshot, profile: Profile): Truth {
	const truth: Truth = new Map();
	for (const member of snapshot.members) {
		if (profile === 'scim') {
			truth.set(member.id, { email: member.email, name: member.name, role: member.role, active: member.active });
		} else if (member.active) {
			truth.set(member.id, { email: member.email, name: member.name });
		}
	}
	if (profile === 'api') {
		for (const guest of snapshot.guests) truth.set(guest.id, { email: guest.email, name: guest.name });
	}
	return truth;
}
