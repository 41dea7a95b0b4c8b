/** What a workspace holds, as the control surface and the tests' oracles read it. */
import type { Workspace } from './store';
import type { GroupState, MemberState, WorkspaceSnapshot } from './types';

export function snapshotOf(ws: Workspace): WorkspaceSnapshot {
	const members: MemberState[] = [];
	const bots: WorkspaceSnapshot['bots'] = [];
	const guests: WorkspaceSnapshot['guests'] = [];
	for (const u of ws.allUsers()) {
		if (u.kind === 'bot') bots.push({ id: u.id, name: u.name });
		else if (u.kind === 'guest') guests.push({ id: u.id, email: u.email, name: u.name });
	}
	for (const u of ws.scimUsers()) {
		members.push({
			id: u.id,
			email: u.email,
			name: u.name,
			...(u.givenName !== undefined ? { givenName: u.givenName } : {}),
			...(u.familyName !== undefined ? { familyName: u.familyName } : {}),
			role: u.role,
			active: u.active,
			roleHidden: u.roleHidden,
		});
	}
	const groups: GroupState[] = ws.allGroups().map((g) => ({
		id: g.id,
		displayName: g.displayName,
		memberIds: [...g.members],
		ownsPages: g.ownsPages,
	}));
	return {
		workspace: { ...ws.info },
		scimTokenRevoked: ws.scimRevoked,
		scimTokenOwnerId: ws.scimTokenOwnerId,
		members,
		bots,
		guests,
		groups,
	};
}
