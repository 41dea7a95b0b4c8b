/**
 * Legal holds: reading a hold from a path, checking held users, and the hold object. A hold's
 * `workspaces` are the live workspaces of the organization where a held user is or was a member,
 * worked out when answered; `users.ids` shows at most `adminLegalHoldInlineIds` ids (`total`
 * counts all; the list route pages through every one).
 */
import type { AdminRequest } from './endpoint';
import { AdminFailure, validationError } from './errors';
import { uuidAt } from './query';
import type { InteractionType, LegalHoldState } from './stateTypes';
import { adminSwitch } from './types';

export const INTERACTION_TYPES: readonly InteractionType[] = ['page.created', 'page.edited', 'page.viewed'];

export function holdOf(req: AdminRequest): LegalHoldState {
	const id = uuidAt(req.params.legal_hold_id, 'path.legal_hold_id');
	const hold = req.org.legalHolds.get(id);
	if (!hold) throw new AdminFailure(404, 'object_not_found', `Could not find legal hold with ID: ${id}.`);
	return hold;
}

/** `field`: a non-empty array of ids of people of the organization (a member now or earlier). */
export function heldUsers(req: AdminRequest, raw: unknown, field: string): string[] {
	if (!Array.isArray(raw) || raw.length === 0) {
		throw validationError(`body failed validation: body.${field} should be a non-empty array of uuids, instead was \`${JSON.stringify(raw ?? null)}\`.`);
	}
	const ids = raw.map((id) => uuidAt(id, `body.${field}[]`));
	for (const id of ids) {
		if (!req.org.person(id, req.ctx.store)) throw validationError(`body failed validation: body.${field}[] names ${id}, who is no user of the organization.`);
	}
	return ids;
}

/** Whether users may still be added or removed (`adminLegalHoldReleasedEdits`). */
export function assertEditable(req: AdminRequest, hold: LegalHoldState): void {
	if (hold.status === 'released' && adminSwitch(req.ctx.behaviours, 'adminLegalHoldReleasedEdits') === '400') {
		throw validationError(`Legal hold ${hold.id} is released: its users can no longer change.`);
	}
}

export function withUsers(hold: LegalHoldState, userIds: Iterable<string>): LegalHoldState {
	return { ...hold, userIds: [...new Set(userIds)].sort() };
}

export function renderHold(req: AdminRequest, hold: LegalHoldState): object {
	const { org, ctx } = req;
	const workspaceIds = org
		.workspaces()
		.filter((w) => hold.userIds.some((u) => org.knownIn(u, w.id, ctx.store)))
		.map((w) => w.id);
	const inline = Math.max(0, adminSwitch(ctx.behaviours, 'adminLegalHoldInlineIds'));
	return {
		id: hold.id,
		...(hold.name === undefined ? {} : { name: hold.name }),
		...(hold.description === undefined ? {} : { description: hold.description }),
		...(hold.icon === undefined ? {} : { icon: hold.icon }),
		status: hold.status,
		created_by: hold.createdBy,
		created_time: hold.createdTime,
		start_date: hold.startDate,
		...(hold.endDate === undefined ? {} : { end_date: hold.endDate }),
		user_interaction_type: [...hold.interactionTypes],
		users: { ids: hold.userIds.slice(0, inline), total: hold.userIds.length },
		workspaces: { ids: workspaceIds, total: workspaceIds.length },
	};
}
