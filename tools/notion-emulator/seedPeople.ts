/** A new workspace's people and groups from its seed; a group naming someone not an active member is a seed error. */
import { randomUUID } from 'node:crypto';
import { isPersonMember, memberRecord } from './records';
import type { Workspace } from './store';
import type { Seed } from './types';

export function seedPeople(ws: Workspace, seed: Seed, bots: Array<{ id: string; name: string }>, at: number): void {
	for (const m of seed.members) ws.putUser(memberRecord(m, m.id ?? randomUUID(), at));
	for (const bot of bots) ws.putUser({ ...bot, kind: 'bot' });
	for (const g of seed.guests) {
		ws.putUser({
			id: g.id ?? randomUUID(),
			kind: 'guest',
			email: g.email.toLowerCase(),
			name: g.name,
			role: 'restricted_member',
			active: false,
			roleHidden: false,
			created: at,
			lastModified: at,
		});
	}
	for (const g of seed.groups) {
		const members = new Set<string>();
		for (const email of g.memberEmails ?? []) {
			const user = ws.personByEmail(email);
			if (!isPersonMember(user) || !user.active) {
				throw new Error(`seed group ${g.displayName}: ${email} is not an active member`);
			}
			members.add(user.id);
		}
		ws.putGroup({
			id: g.id ?? randomUUID(),
			displayName: g.displayName,
			members,
			ownsPages: g.ownsPages ?? false,
			created: at,
			lastModified: at,
		});
	}
	if (!isPersonMember(ws.user(seed.scimTokenOwnerId))) {
		throw new Error('seed: scimTokenOwnerId must be a member');
	}
}
