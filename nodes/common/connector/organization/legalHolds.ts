/**
 * Legal holds of the organization (`/v1/legal_holds…`): list (P2 paging, arrayPages.ts), create,
 * add and remove held people, release. Each method checks its input, naming the field, before any
 * request. Removing someone no longer held and releasing a released hold are reported, not
 * failed, so a re-run changes nothing twice.
 */
import type { Clock } from '../http/pacer';
import { NotionAdminError } from '../errors';
import { outcomeUnknown } from '../http/createOnce';
import { RequestFailure } from '../http/responseError';
import { quoteValue } from '../redact';
import { requireId, requireName } from '../validate';
import { adminCall, isObject, type AdminCall, type AdminContext } from './adminRequest';
import { collectArray } from './arrayPages';
import { checkLimit } from './inputs';
import type { LimitOption } from './model';
import { requireSomeIds, stoppedMidway } from './manyPeople';
import { SCOPES } from './scopes';

export type Interaction = 'page.created' | 'page.edited' | 'page.viewed';
export const INTERACTIONS: readonly Interaction[] = ['page.created', 'page.edited', 'page.viewed'];

/** A hold with Notion's epoch-millisecond times as ISO times; `userIds` may be fewer than `userTotal`. */
export interface LegalHold {
	id: string;
	name: string | null;
	description: string | null;
	status: string;
	createdBy: string | null;
	createdTime: string | null;
	startDate: string | null;
	endDate: string | null;
	interactions: string[];
	userIds: string[];
	userTotal: number;
	workspaceIds: string[];
	workspaceTotal: number;
}

export interface NewLegalHold {
	name: string;
	userIds: string[];
	interactions: Interaction[];
	description?: string;
	/** Epoch ms; now when left out. */
	startDate?: number;
	endDate?: number;
}

const iso = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? new Date(value).toISOString() : null);
const text = (value: unknown) => (typeof value === 'string' ? value : null);
function idsOf(value: unknown): { ids: string[]; total: number } {
	const ids = isObject(value) && Array.isArray(value.ids) ? value.ids.filter((id): id is string => typeof id === 'string') : [];
	return { ids, total: isObject(value) && typeof value.total === 'number' ? value.total : ids.length };
}

function toHold(raw: unknown): LegalHold | undefined {
	if (!isObject(raw) || typeof raw.id !== 'string') return undefined;
	const users = idsOf(raw.users);
	const workspaces = idsOf(raw.workspaces);
	return {
		id: raw.id,
		name: text(raw.name),
		description: text(raw.description),
		status: text(raw.status) ?? 'active',
		createdBy: text(raw.created_by),
		createdTime: iso(raw.created_time),
		startDate: iso(raw.start_date),
		endDate: iso(raw.end_date),
		interactions: Array.isArray(raw.user_interaction_type) ? raw.user_interaction_type.filter((entry): entry is string => typeof entry === 'string') : [],
		userIds: users.ids,
		userTotal: users.total,
		workspaceIds: workspaces.ids,
		workspaceTotal: workspaces.total,
	};
}

const isHold = (json: unknown) => toHold(json) !== undefined;
const holdPath = (id: string) => `/legal_holds/${encodeURIComponent(id)}`;
const NOT_FOUND = (id: string) => `No legal hold ${id} in this organization: Legal Hold → Get Many lists them`;

/** A hold id is Notion's opaque string. */
export const requireHoldId = (value: unknown, field = 'legalHoldId'): string => requireName(value, field);

function checkNewHold(hold: NewLegalHold): NewLegalHold {
	const interactions = Array.isArray(hold.interactions) ? hold.interactions : [];
	const wrong = interactions.find((entry) => !INTERACTIONS.includes(entry));
	if (interactions.length === 0 || wrong !== undefined) {
		throw new NotionAdminError('invalid_input', `${quoteValue(wrong ?? 'nothing')} is not an activity to preserve`, `Use one or more of ${INTERACTIONS.join(', ')}`, { field: 'interactions' });
	}
	for (const field of ['startDate', 'endDate'] as const) {
		const value = hold[field];
		if (value !== undefined && !(Number.isSafeInteger(value) && value >= 0)) {
			throw new NotionAdminError('invalid_input', `${quoteValue(value)} is not a time`, 'Give a date and time', { field });
		}
	}
	if (hold.endDate !== undefined && hold.startDate !== undefined && hold.endDate <= hold.startDate) {
		throw new NotionAdminError('invalid_input', 'The end date is not after the start date', 'Give an end date after the start date, or none', { field: 'endDate' });
	}
	return {
		...hold,
		name: requireName(hold.name, 'name'),
		userIds: requireSomeIds(hold.userIds, 'userIds'),
		interactions: [...new Set(interactions)],
		description: hold.description === undefined ? undefined : requireName(hold.description, 'description'),
	};
}

export class LegalHolds {
	constructor(
		private readonly context: AdminContext,
		private readonly clock: Clock,
	) {}

	/** Active and released; `userId` keeps the holds of that person. */
	async list(filter: { userId?: string } = {}, options: LimitOption = {}): Promise<LegalHold[]> {
		const userId = filter.userId === undefined ? undefined : requireId(filter.userId, 'userId');
		const limit = checkLimit(options.limit);
		const call = { path: '/legal_holds', query: { user_id: userId }, key: 'legal_holds', action: 'list legal holds', scope: SCOPES.readLegalHolds };
		return await collectArray(this.context, { ...call, notFound: 'Check the Base URL of the Notion Organization API credential: it must end in /admin' }, toHold, limit);
	}

	async get(legalHoldId: string): Promise<LegalHold> {
		const id = requireHoldId(legalHoldId);
		return await this.call({ method: 'GET', path: holdPath(id), action: 'read a legal hold', scope: SCOPES.readLegalHolds, notFound: NOT_FOUND(id), idempotent: true });
	}

	/** Every held person's id (the hold's own `userIds` may be cut short of `userTotal`). */
	async listUsers(legalHoldId: string): Promise<string[]> {
		const id = requireHoldId(legalHoldId);
		const call = { path: `${holdPath(id)}/users`, key: 'user_ids', action: 'list the people of a legal hold', scope: SCOPES.readLegalHolds, notFound: NOT_FOUND(id) };
		return await collectArray(this.context, call, (raw) => (typeof raw === 'string' ? raw : undefined));
	}

	async create(hold: NewLegalHold): Promise<LegalHold> {
		const checked = checkNewHold(hold);
		const body: Record<string, unknown> = {
			name: checked.name,
			user_ids: checked.userIds,
			user_interaction_type: checked.interactions,
			start_date: checked.startDate ?? this.clock.now(),
		};
		if (checked.endDate !== undefined) body.end_date = checked.endDate;
		if (checked.description !== undefined) body.description = checked.description;
		try {
			return await this.call({ method: 'POST', path: '/legal_holds', body, action: 'create a legal hold', scope: SCOPES.writeLegalHolds, notFound: 'Check the Base URL of the Notion Organization API credential' });
		} catch (error) {
			if (!outcomeUnknown(error)) throw error;
			throw await this.afterLostCreate(error, checked.name);
		}
	}

	/**
	 * A create whose answer was lost is never sent again (a second hold would be made). Names are
	 * not unique, so what Notion holds under the name is told, not taken for this create's hold.
	 */
	private async afterLostCreate(error: RequestFailure, name: string): Promise<NotionAdminError> {
		let named: LegalHold[];
		try {
			named = (await this.list()).filter((hold) => hold.name === name);
		} catch {
			return new NotionAdminError('outcome_unknown', `${error.message} — whether the legal hold ${JSON.stringify(name)} was created is unknown`, 'Check Legal Hold → Get Many before creating it again', { api: 'organization', httpStatus: error.httpStatus, requestId: error.requestId });
		}
		if (named.length === 0) {
			return new RequestFailure(error.kind, error.message, `Notion now holds no legal hold named ${JSON.stringify(name)}: it was not created. Run it again`, { api: 'organization', httpStatus: error.httpStatus, requestId: error.requestId, code: error.code });
		}
		const ids = named.map((hold) => `${hold.id} (${hold.status})`).join(', ');
		return new NotionAdminError(
			'outcome_unknown',
			`${error.message} — Notion now holds ${named.length === 1 ? 'a legal hold' : `${named.length} legal holds`} named ${JSON.stringify(name)}: ${ids}`,
			'One of them may be the hold this run created: check them with Legal Hold → Get Many before creating it again',
			{ api: 'organization', httpStatus: error.httpStatus, requestId: error.requestId, applied: { legalHoldIds: named.map((hold) => hold.id) } },
		);
	}

	/** Someone already held stays held once, so a repeat is harmless. */
	async addUsers(legalHoldId: string, userIds: string[]): Promise<LegalHold> {
		const id = requireHoldId(legalHoldId);
		const users = requireSomeIds(userIds, 'userIds');
		return await this.call({
			method: 'POST',
			path: `${holdPath(id)}/users`,
			body: { user_ids: users },
			action: 'add people to a legal hold',
			scope: SCOPES.writeLegalHolds,
			notFound: NOT_FOUND(id),
			idempotent: true,
		});
	}

	/** One request per person; someone not held (a 404 while the hold exists) is listed under `notHeld`. */
	async removeUsers(legalHoldId: string, userIds: string[]): Promise<{ legalHoldId: string; removed: string[]; notHeld: string[] }> {
		const id = requireHoldId(legalHoldId);
		const users = requireSomeIds(userIds, 'userIds');
		const out = { legalHoldId: id, removed: [] as string[], notHeld: [] as string[] };
		for (const userId of users) {
			try {
				await adminCall(this.context, {
					method: 'DELETE',
					path: `${holdPath(id)}/users/${encodeURIComponent(userId)}`,
					action: 'remove a person from a legal hold',
					scope: SCOPES.writeLegalHolds,
					notFound: `${userId} is not held by legal hold ${id}, or there is no such hold`,
					// A 404 may be a missing hold, too: checked below, never taken as "removed".
					goneMeansDone: false,
				});
				out.removed.push(userId);
			} catch (error) {
				if (!(error instanceof NotionAdminError) || error.httpStatus !== 404) throw stoppedMidway(error, out.removed.length + out.notHeld.length, { removed: out.removed, notHeld: out.notHeld });
				await this.get(id).catch((missing: unknown) => Promise.reject(stoppedMidway(missing, out.removed.length + out.notHeld.length, { removed: out.removed, notHeld: out.notHeld })));
				out.notHeld.push(userId);
			}
		}
		return out;
	}

	/** For good. Releasing a released hold answers the hold as it is. */
	async release(legalHoldId: string): Promise<LegalHold> {
		const id = requireHoldId(legalHoldId);
		try {
			return await this.call({
				method: 'POST',
				path: `${holdPath(id)}/release`,
				body: {},
				action: 'release a legal hold',
				scope: SCOPES.releaseLegalHold,
				notFound: NOT_FOUND(id),
				// Releasing a released hold leaves it released (a repeat's 409 is read below).
				idempotent: true,
			});
		} catch (error) {
			if (!(error instanceof NotionAdminError) || error.httpStatus !== 409) throw error;
			const hold = await this.get(id);
			if (hold.status !== 'released') throw error;
			return hold;
		}
	}

	private async call(call: AdminCall): Promise<LegalHold> {
		const { json } = await adminCall(this.context, { ...call, accepts: isHold });
		return toHold(json) as LegalHold;
	}
}
