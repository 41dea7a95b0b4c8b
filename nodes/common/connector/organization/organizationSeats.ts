/**
 * The organization's seats in one answer: for every live workspace, the people and the bots the
 * Admin API lists there, and the totals. A person in several workspaces is one account: `people`
 * counts accounts once, `memberships` counts each workspace a person is in. The Admin API lists
 * no roles and leaves page guests out, so this counts neither (a workspace's role breakdown is
 * Notion Admin's License Summary, over SCIM).
 */
import type { LimitOption, Workspace, WorkspaceUser } from './model';

export interface WorkspaceSeats {
	workspaceId: string;
	workspaceName: string;
	people: number;
	bots: number;
}

export interface OrganizationSeats {
	workspaces: WorkspaceSeats[];
	totals: { workspaces: number; memberships: number; people: number; bots: number };
}

/** What the count needs from the organization client. */
export interface SeatSource {
	listWorkspaces(options?: LimitOption): Promise<Workspace[]>;
	listWorkspaceUsers(spaceId: string, options?: LimitOption): Promise<WorkspaceUser[]>;
}

export async function organizationSeats(source: SeatSource): Promise<OrganizationSeats> {
	const workspaces: WorkspaceSeats[] = [];
	const people = new Set<string>();
	let bots = 0;
	for (const workspace of await source.listWorkspaces()) {
		const users = await source.listWorkspaceUsers(workspace.id);
		const persons = users.filter((user) => user.type === 'person');
		for (const person of persons) people.add(person.id.toLowerCase());
		const workspaceBots = users.length - persons.length;
		bots += workspaceBots;
		workspaces.push({ workspaceId: workspace.id, workspaceName: workspace.name, people: persons.length, bots: workspaceBots });
	}
	return {
		workspaces,
		totals: {
			workspaces: workspaces.length,
			memberships: workspaces.reduce((sum, workspace) => sum + workspace.people, 0),
			people: people.size,
			bots,
		},
	};
}
