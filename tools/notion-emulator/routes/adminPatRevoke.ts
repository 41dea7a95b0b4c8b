/**
 * DELETE /admin/v1/spaces/{space_id}/personal_access_tokens/{bot_id}: revokes a PAT for good.
 * Repeating it leaves it revoked and answers the same (`adminPatRevokeAnswer`: empty body or `{}`).
 * A PAT that does not exist, one of another workspace and a workspace outside the organization
 * all get one and the same 404, so nothing about existence leaks.
 */
import { json } from '../answer';
import type { AdminEndpoint } from '../admin/endpoint';
import { AdminFailure } from '../admin/errors';
import { uuidAt } from '../admin/query';
import { adminSwitch } from '../admin/types';

export const revokePat: AdminEndpoint = {
	method: 'DELETE',
	path: '/spaces/{space_id}/personal_access_tokens/{bot_id}',
	scope: 'personal-access-token:write-high-impact',
	family: 'object',
	handle: ({ ctx, org, params }) => {
		const spaceId = uuidAt(params.space_id, 'path.space_id');
		const botId = uuidAt(params.bot_id, 'path.bot_id');
		const pat = org.pat(spaceId, botId);
		if (!pat) throw new AdminFailure(404, 'object_not_found', `Could not find personal access token with ID: ${botId}.`);
		if (pat.status !== 'revoked') org.putPat({ ...pat, status: 'revoked' });
		return adminSwitch(ctx.behaviours, 'adminPatRevokeAnswer') === 'empty' ? { status: 200 } : json(200, {});
	},
};
