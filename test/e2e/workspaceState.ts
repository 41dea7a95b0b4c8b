/** Reading the emulated workspace (the truth the e2e checks compare n8n's results with). */
import type { Emulator, Seed, WorkspaceSnapshot } from '../../tools/notion-emulator';

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

export interface ExpectedWorkspaceSeats {
	workspaceId: string;
	workspaceName: string;
	/** Ids of the active people (restricted members included; guests and bots are not people). */
	peopleIds: string[];
	bots: number;
}

/**
 * The organization's live workspaces as the emulator holds them, in the order the Admin API
 * lists them (by id). The main workspace's people and bots are the snapshot's; an
 * Admin-API-only workspace's people are `adminOnlyMembers`, its bots (fixed) the seed's, as the
 * snapshot does not show them.
 */
export function expectedOrganizationSeats(
	snapshot: WorkspaceSnapshot,
	seed: Seed,
	/** The workspaces that joined the organization from emulators of their own. */
	linked: WorkspaceSnapshot[] = [],
): ExpectedWorkspaceSeats[] {
	const organization = snapshot.organization;
	if (!organization) throw new Error('the emulator has no organization (Admin API)');
	const fromStore = (id: string, name: string, store: WorkspaceSnapshot): ExpectedWorkspaceSeats => ({
		workspaceId: id,
		workspaceName: name,
		peopleIds: store.members.filter((member) => member.active).map((member) => member.id),
		bots: store.bots.length,
	});
	return organization.workspaces
		.filter((workspace) => !workspace.deleted)
		.sort((a, b) => a.id.localeCompare(b.id))
		.map((workspace) => {
			if (workspace.kind === 'main') return fromStore(workspace.id, workspace.name, snapshot);
			if (workspace.kind === 'linked') {
				const store = linked.find((entry) => entry.workspace.id === workspace.id);
				if (!store) throw new Error(`${workspace.name} joined the organization, but its state was not given`);
				return fromStore(workspace.id, workspace.name, store);
			}
			const declared = seed.organization?.workspaces?.find((entry) => entry.id === workspace.id);
			if (!declared) throw new Error(`${workspace.name} is not in the seed`);
			return {
				workspaceId: workspace.id,
				workspaceName: workspace.name,
				peopleIds: organization.adminOnlyMembers
					.filter((member) => member.workspaceId === workspace.id && member.active)
					.map((member) => member.id),
				bots: declared.bots?.length ?? 0,
			};
		});
}
