/**
 * The workspace a standard API token belongs to: `GET /v1/users/me` answers the token's bot with
 * `bot.workspace_id` and `bot.workspace_name`. The id comes back normalized (lower case, dashed)
 * so that callers compare ids exactly, whatever form Notion or a proxy wrote it in.
 */
import type { Client } from '@notionhq/client';
import { NotionAdminError } from '../errors';
import { normalizeId } from '../validate';

export interface TokenWorkspace {
	id: string;
	/** Absent when Notion gives none (`workspace_name` may be null). */
	name?: string;
}

interface SelfAnswer {
	bot?: { workspace_id?: unknown; workspace_name?: unknown };
}

export async function readTokenWorkspace(client: Client): Promise<TokenWorkspace> {
	const answer = (await client.users.me({})) as unknown;
	const bot = typeof answer === 'object' && answer !== null ? (answer as SelfAnswer).bot : undefined;
	const raw = typeof bot === 'object' && bot !== null ? bot.workspace_id : undefined;
	const id = typeof raw === 'string' ? normalizeId(raw) : undefined;
	// Without a workspace id nothing is known: no guess from the name or from another answer.
	if (id === undefined) throw unnamed();
	const name = typeof bot?.workspace_name === 'string' && bot.workspace_name.trim() !== '' ? bot.workspace_name : undefined;
	return name === undefined ? { id } : { id, name };
}

function unnamed(): NotionAdminError {
	return new NotionAdminError(
		'bad_response',
		"The Notion API's answer about this token's bot (GET /v1/users/me) names no workspace id",
		"A proxy in between or a changed answer may leave out bot.workspace_id; check that the key is the workspace's integration token",
		{ api: 'standard' },
	);
}
