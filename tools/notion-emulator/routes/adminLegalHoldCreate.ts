/**
 * POST /admin/v1/legal_holds: a new active hold. Required (the reference's guess): `name`,
 * `user_ids` (people of the organization), `user_interaction_type` (page.created|edited|viewed);
 * optional `start_date` (epoch ms, default now), `end_date` (after the start), `description`, `icon`.
 * `created_by` is the SCIM token's owner, an owner of the main workspace, standing in for the
 * organization owner behind the token.
 */
import { randomUUID } from 'node:crypto';
import { json } from '../answer';
import { endpoint } from '../admin/endpoint';
import { validationError } from '../admin/errors';
import { heldUsers, INTERACTION_TYPES, renderHold, withUsers } from '../admin/legalHolds';
import { jsonBody, stringField } from '../admin/query';
import type { InteractionType } from '../admin/stateTypes';

function interactions(raw: unknown): InteractionType[] {
	if (!Array.isArray(raw) || raw.length === 0 || !raw.every((t) => INTERACTION_TYPES.includes(t as InteractionType))) {
		throw validationError(`body failed validation: body.user_interaction_type should be a non-empty array of ${INTERACTION_TYPES.join(', ')}, instead was \`${JSON.stringify(raw ?? null)}\`.`);
	}
	return [...new Set(raw as InteractionType[])];
}

function optional<T>(body: Record<string, unknown>, field: string, type: 'string' | 'number'): T | undefined {
	const value = body[field];
	if (value === undefined) return undefined;
	const ok = type === 'number' ? Number.isSafeInteger(value) && (value as number) >= 0 : typeof value === 'string';
	if (!ok) throw validationError(`body failed validation: body.${field} should be ${type === 'number' ? 'epoch milliseconds' : 'a string'}, instead was \`${JSON.stringify(value)}\`.`);
	return value as T;
}

export const createLegalHold = endpoint('POST', '/legal_holds', 'legal-hold:write', 'type', (req) => {
	const body = jsonBody(req.ctx);
	const name = stringField(body, 'name');
	const userIds = heldUsers(req, body.user_ids, 'user_ids');
	const interactionTypes = interactions(body.user_interaction_type);
	const now = req.ctx.store.now();
	const startDate = optional<number>(body, 'start_date', 'number') ?? now;
	const endDate = optional<number>(body, 'end_date', 'number');
	if (endDate !== undefined && endDate <= startDate) throw validationError('body failed validation: body.end_date should be after body.start_date.');
	const hold = withUsers(
		{
			id: randomUUID(),
			name,
			description: optional<string>(body, 'description', 'string'),
			icon: optional<string>(body, 'icon', 'string'),
			status: 'active',
			createdBy: req.ctx.store.scimTokenOwnerId,
			createdTime: now,
			startDate,
			endDate,
			interactionTypes,
			userIds: [],
		},
		userIds,
	);
	req.org.legalHolds.put(hold);
	return json(200, renderHold(req, hold));
});
