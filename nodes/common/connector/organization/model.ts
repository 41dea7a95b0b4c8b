/** What the organization client hands back: workspaces, their users, PATs, MCP connections. */

/** A live workspace of the organization. */
export interface Workspace {
	id: string;
	name: string;
}

/** A member (restricted members included) or a guest bot of one workspace, as the Admin API lists them. */
export interface WorkspaceUser {
	id: string;
	type: 'person' | 'bot';
	name: string | null;
	/** Only people have one, and only when Notion shows it. */
	email: string | null;
}

/** A list with an optional maximum: undefined means every page. */
export interface LimitOption {
	limit?: number;
}

export type TokenStatus = 'active' | 'expired' | 'revoked';
export const TOKEN_STATUSES: readonly TokenStatus[] = ['active', 'expired', 'revoked'];

export interface TokenFilters {
	status?: TokenStatus[];
	/** Members who created the tokens. */
	creatorIds?: string[];
	/** Matches the token's name. */
	search?: string;
}

/**
 * A personal access token record, never its secret. Notion documents only `id` (what a revoke
 * calls `bot_id`); every other field is passed on as Notion sends it.
 */
export type PersonalAccessToken = Record<string, unknown> & { id: string; workspaceId: string };

export interface McpFilters {
	userIds?: string[];
	workspaceIds?: string[];
}

/** One member + client + governance state, as Notion sends it (`client.key` identifies the client). */
export type McpConnection = Record<string, unknown>;

export interface McpTarget {
	/** `client.key` of a listed connection. */
	clientKey: string;
	userId: string;
	workspaceId: string;
}

/** Where a person was found in a search of every workspace. */
export interface PersonInWorkspace {
	workspaceId: string;
	workspaceName: string;
	user: WorkspaceUser;
}

export interface PersonSearch {
	/** The address searched for, as given (trimmed). */
	email: string;
	found: PersonInWorkspace[];
	/** How many workspaces were listed; "not found" means not in any of them. */
	workspacesSearched: number;
}
