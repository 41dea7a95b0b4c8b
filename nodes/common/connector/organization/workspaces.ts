/** Workspaces of the organization and their users (`GET /v1/spaces`, `GET /v1/spaces/{id}/users`). */
import { NotionAdminError } from '../errors';
import { isObject, type AdminContext } from './adminRequest';
import type { PersonSearch, Workspace, WorkspaceUser } from './model';
import { collect } from './pages';
import { SCOPES } from './scopes';

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function toWorkspace(raw: unknown): Workspace | undefined {
	if (!isObject(raw) || typeof raw.id !== 'string') return undefined;
	return { id: raw.id, name: text(raw.name) ?? '' };
}

/** Notion's standard user object: `person.email` for people, a `bot` object for bots. */
export function toWorkspaceUser(raw: unknown): WorkspaceUser | undefined {
	if (!isObject(raw) || typeof raw.id !== 'string') return undefined;
	const person = isObject(raw.person) ? raw.person : undefined;
	return {
		id: raw.id,
		type: raw.type === 'bot' ? 'bot' : 'person',
		name: text(raw.name),
		email: text(person?.email),
	};
}

export async function listWorkspaces(context: AdminContext, limit?: number): Promise<Workspace[]> {
	return await collect(
		context,
		{
			path: '/spaces',
			action: 'list the workspaces',
			scope: SCOPES.listWorkspaces,
			notFound: 'Check the Base URL of the Notion Organization API credential: it must end in /admin',
			cursorParam: 'start_cursor',
			paged: true,
		},
		toWorkspace,
		limit,
	);
}

export async function listWorkspaceUsers(context: AdminContext, spaceId: string, limit?: number): Promise<WorkspaceUser[]> {
	return await collect(
		context,
		{
			path: `/spaces/${encodeURIComponent(spaceId)}/users`,
			action: 'list the users of a workspace',
			scope: SCOPES.listWorkspaceUsers,
			notFound: `No live workspace ${spaceId} in this organization: pick one from the list (deleted workspaces and those of other organizations are not shown)`,
			cursorParam: 'start_cursor',
			paged: true,
		},
		toWorkspaceUser,
		limit,
	);
}

/**
 * Every workspace where a person with exactly this address (case aside) is a member. The Admin
 * API has no search by email, so each workspace's user list is read in full: only an exact
 * match counts, never a similar one.
 */
export async function findPersonInEveryWorkspace(context: AdminContext, email: string): Promise<PersonSearch> {
	const workspaces = await listWorkspaces(context);
	const found: PersonSearch['found'] = [];
	for (const workspace of workspaces) {
		for (const user of peopleWithAddress(await listWorkspaceUsers(context, workspace.id), email, workspace.id)) {
			found.push({ workspaceId: workspace.id, workspaceName: workspace.name, user });
		}
	}
	return { email, found, workspacesSearched: workspaces.length };
}

/**
 * The address of the person with this id (undefined: no workspace lists them with one), once it
 * is sure to be theirs alone: an address that another account has too fails, since sending it
 * could sign out that other account.
 */
export async function emailOfUser(context: AdminContext, userId: string): Promise<string | undefined> {
	const listings: Array<{ workspaceId: string; users: WorkspaceUser[] }> = [];
	for (const workspace of await listWorkspaces(context)) listings.push({ workspaceId: workspace.id, users: await listWorkspaceUsers(context, workspace.id) });
	const email = listings.flatMap(({ users }) => users).find((user) => user.id === userId && user.email)?.email ?? undefined;
	if (email === undefined) return undefined;
	const holders = listings.flatMap(({ workspaceId, users }) => peopleWithAddress(users, email, workspaceId).map((user) => ({ user })));
	oneAccount(holders, email);
	return email;
}

/**
 * The people of one workspace's listing with exactly this address (upper or lower case aside).
 * A person listed without an address could be the one asked for (or a second account with it),
 * so then neither "not found" nor "only this one" is true: the lookup fails.
 */
export function peopleWithAddress(users: WorkspaceUser[], email: string, workspaceId: string): WorkspaceUser[] {
	const unseen = users.filter((user) => user.type === 'person' && user.email === null).length;
	if (unseen > 0) {
		throw new NotionAdminError(
			'bad_response',
			`Notion's Admin API listed ${unseen} ${unseen === 1 ? 'person' : 'people'} of workspace ${workspaceId} without an email address, so who has the email ${email} cannot be told`,
			'Give the user by ID instead of by email',
			{ api: 'organization' },
		);
	}
	const wanted = email.trim().toLowerCase();
	return users.filter((user) => user.type === 'person' && user.email !== null && user.email.trim().toLowerCase() === wanted);
}

/**
 * The one account that has this address, for a write or a filter: an address listed under two
 * user ids is ambiguous and fails, naming them, rather than acting on whichever came first.
 */
export function oneAccount<T extends { user: WorkspaceUser }>(matches: T[], email: string): T | undefined {
	const ids = [...new Set(matches.map((match) => match.user.id))];
	if (ids.length > 1) {
		throw new NotionAdminError(
			'conflict',
			`${ids.length} accounts have the email ${email}: ${ids.join(', ')}`,
			'Nothing was changed. Give the user by ID instead of by email',
			{ api: 'organization' },
		);
	}
	return matches[0];
}
