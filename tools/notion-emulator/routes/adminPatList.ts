/**
 * GET /admin/v1/spaces/{space_id}/personal_access_tokens: the workspace's PAT records (active,
 * expired, revoked), never a secret, by id (P1, `type: "personal_access_token"`). Filters:
 * `status[]`, `creator_ids[]` (bracket-encoded repeats) and `search` (part of the name, any case).
 * Each `id` is what revoke calls `bot_id`.
 */
import { json } from '../answer';
import type { AdminEndpoint } from '../admin/endpoint';
import { validationError } from '../admin/errors';
import { p1List, pageOf, pageRequest } from '../admin/pagination';
import { bracketArray, uuidAt } from '../admin/query';
import { spaceOf } from '../admin/spaces';
import type { PatState, PatStatus } from '../admin/types';

const STATUSES: readonly PatStatus[] = ['active', 'expired', 'revoked'];

export const listPats: AdminEndpoint = {
	method: 'GET',
	path: '/spaces/{space_id}/personal_access_tokens',
	scope: 'personal-access-token:read',
	family: 'object',
	handle: (req) => {
		const { ctx, org } = req;
		const space = spaceOf(req);
		const statuses = bracketArray(ctx, 'status');
		for (const status of statuses ?? []) {
			if (!STATUSES.includes(status as PatStatus)) {
				throw validationError(`query failed validation: status[] should be one of ${STATUSES.join(', ')}, instead was \`${JSON.stringify(status)}\`.`);
			}
		}
		const creators = bracketArray(ctx, 'creator_ids')?.map((id) => uuidAt(id, 'query.creator_ids[]'));
		const search = ctx.query.get('search')?.toLowerCase();
		const matching = org.pats(space.id).filter(
			(p) =>
				(!statuses || statuses.includes(p.status)) &&
				(!creators || creators.includes(p.creatorId)) &&
				(!search || p.name.toLowerCase().includes(search)),
		);
		const list = `pats:${space.id}`;
		const page = pageOf(matching, (p) => p.id, list, pageRequest(ctx, list, 'start_cursor'));
		const render = (p: PatState) => ({
			id: p.id,
			name: p.name,
			status: p.status,
			creator: { id: p.creatorId, ...org.person(p.creatorId, ctx.store) },
			created_time: p.createdTime,
			expiry_time: p.expiryTime,
			last_used_time: p.lastUsedTime,
		});
		return json(200, p1List(ctx, 'personal_access_token', page.results.map(render), page.next));
	},
};
