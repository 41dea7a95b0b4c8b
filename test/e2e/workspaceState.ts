/** Reading the emulated workspace (the truth the e2e checks compare n8n's results with). */
import type { Emulator, WorkspaceSnapshot } from '../../tools/notion-emulator';

type SnapshotMember = WorkspaceSnapshot['members'][number];

export function memberByEmail(
	snapshot: WorkspaceSnapshot,
	email: string,
): SnapshotMember | undefined {
	return snapshot.members.find((member) => member.email?.toLowerCase() === email.toLowerCase());
}

export function groupEmails(snapshot: WorkspaceSnapshot, name: string): string[] {
	const group = snapshot.groups.find((candidate) => candidate.displayName === name);
	if (!group) throw new Error(`no group ${name} in the emulator`);
	const emailOf = new Map(snapshot.members.map((member) => [member.id, member.email]));
	return group.memberIds.map((id) => emailOf.get(id) ?? id).sort();
}

/** Seats as the emulator holds them: active people (not bots, not guests). */
export function activeCount(snapshot: WorkspaceSnapshot): number {
	return snapshot.members.filter((member) => member.active).length;
}

/** SCIM member listings the emulator answered: one per trigger poll. */
export function scimListings(emulator: Emulator): number {
	return emulator.control
		.requestLog()
		.filter((entry) => entry.method === 'GET' && entry.path.startsWith('/scim/v2/Users')).length;
}
