/**
 * Personal access tokens of one workspace: `GET /v1/spaces/{id}/personal_access_tokens` (records,
 * never secrets) and `DELETE …/{bot_id}` (permanent; repeating it leaves the token revoked).
 */
import { adminCall, isObject, type AdminContext } from './adminRequest';
import type { PersonalAccessToken, TokenFilters } from './model';
import { collect } from './pages';
import { SCOPES } from './scopes';

const tokensPath = (spaceId: string) => `/spaces/${encodeURIComponent(spaceId)}/personal_access_tokens`;

export async function listPersonalAccessTokens(
	context: AdminContext,
	spaceId: string,
	filters: TokenFilters,
	limit?: number,
): Promise<PersonalAccessToken[]> {
	return await collect(
		context,
		{
			path: tokensPath(spaceId),
			query: { status: filters.status, creator_ids: filters.creatorIds, search: filters.search },
			action: 'list personal access tokens',
			scope: SCOPES.listPersonalAccessTokens,
			notFound: `No live workspace ${spaceId} in this organization: pick one from the list`,
			cursorParam: 'start_cursor',
			paged: true,
		},
		(raw) => (isObject(raw) && typeof raw.id === 'string' ? { ...raw, id: raw.id, workspaceId: spaceId } : undefined),
		limit,
	);
}

export async function revokePersonalAccessToken(context: AdminContext, spaceId: string, botId: string): Promise<void> {
	await adminCall(context, {
		method: 'DELETE',
		path: `${tokensPath(spaceId)}/${encodeURIComponent(botId)}`,
		action: 'revoke a personal access token',
		scope: SCOPES.revokePersonalAccessToken,
		notFound:
			'No such token in that workspace (Notion answers alike for a token that does not exist, belongs to another workspace or to another organization): check both ids with Get Many',
		// A repeat of a done revoke succeeds, so a 404 after a lost answer is no sign the revoke happened.
		goneMeansDone: false,
	});
}
