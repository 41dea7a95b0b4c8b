/**
 * Add Members and Remove Members over many items: every item is validated first, then the
 * items are gathered per group and each group gets ONE connector call with all their users
 * (the connector packs them into as few PATCH requests as Notion allows). Each input item
 * still gets its own output item, with its own share of the result.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { NotionDirectory } from '../../common/connector/notionDirectory';
import { NotionAdminError } from '../../common/connector/errors';
import type { MembershipChange } from '../../common/connector/model';
import { toNodeError } from '../../common/n8n/toNodeError';
import { failedItem, type OperationExecute } from '../../common/operationKit/execute';
import { groupNotFound, readGroupRef, vanished, type GroupRef } from './locators';
import { itemInputError } from '../../common/operationKit/itemInput';
import { isEmail, readUsers, resolveEmails, toUserIds, unknownEmailsError } from './users';

type ApplyChange = (
	directory: NotionDirectory,
	groupId: string,
	userIds: string[],
) => Promise<MembershipChange>;

interface Request {
	itemIndex: number;
	group: GroupRef;
	users: string[];
	groupId?: string;
	userIds?: string[];
}

export function batchedMembership(apply: ApplyChange): OperationExecute {
	return async function (this: IExecuteFunctions, directory, items) {
		const output: Array<INodeExecutionData | undefined> = new Array(items.length);
		const fail = (itemIndex: number, error: unknown, extra: IDataObject = {}) => {
			if (!this.continueOnFail()) throw toNodeError(this.getNode(), error, itemIndex);
			output[itemIndex] = failedItem(this, error, itemIndex, extra);
		};

		// Every item is checked before the first request.
		const requests: Request[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				requests.push({
					itemIndex,
					group: readGroupRef(this, itemIndex),
					users: readUsers(this, itemIndex),
				});
			} catch (error) {
				fail(itemIndex, itemInputError(this, itemIndex, error));
			}
		}

		await resolveGroups(directory, requests, fail);
		await resolveUsers(directory, requests, fail);

		const byGroup = new Map<string, Request[]>();
		for (const request of requests) {
			if (request.groupId === undefined || request.userIds === undefined) continue;
			const batch = byGroup.get(request.groupId) ?? [];
			batch.push(request);
			byGroup.set(request.groupId, batch);
		}

		for (const [groupId, batch] of byGroup) {
			const userIds = [...new Set(batch.flatMap((request) => request.userIds ?? []))];
			let change: MembershipChange;
			try {
				change = await apply(directory, groupId, userIds);
			} catch (error) {
				const applied = appliedChange(error);
				for (const request of batch) {
					const mine = request.userIds ?? [];
					fail(request.itemIndex, vanished(request.group, groupId, error), {
						groupId,
						userIds: mine,
						// Each item reports its own users' share of what went through before the failure.
						...(applied ? { applied: share(applied, mine) } : {}),
					});
				}
				continue;
			}
			for (const request of batch) {
				output[request.itemIndex] = {
					json: itemShare(change, request.userIds ?? [], batch.length, userIds.length),
					pairedItem: { item: request.itemIndex },
				};
			}
		}

		return output.filter((item): item is INodeExecutionData => item !== undefined);
	};
}

/** Group names are looked up once per distinct name. */
async function resolveGroups(
	directory: NotionDirectory,
	requests: Request[],
	fail: (itemIndex: number, error: unknown) => void,
): Promise<void> {
	const byName = new Map<string, Promise<string | null>>();
	for (const request of requests) {
		const { group } = request;
		if (group.by === 'id') {
			request.groupId = group.id;
			continue;
		}
		let lookup = byName.get(group.name);
		if (!lookup) {
			lookup = directory.findGroupByName(group.name).then((found) => found?.id ?? null);
			// Failures are reported per item below; this keeps the shared promise from being "unhandled".
			lookup.catch(() => undefined);
			byName.set(group.name, lookup);
		}
		try {
			const id = await lookup;
			if (id === null) throw groupNotFound(group);
			request.groupId = id;
		} catch (error) {
			fail(request.itemIndex, error);
		}
	}
}

/** All emails of all items are resolved together, in as few requests as possible. */
async function resolveUsers(
	directory: NotionDirectory,
	requests: Request[],
	fail: (itemIndex: number, error: unknown) => void,
): Promise<void> {
	const pending = requests.filter((request) => request.groupId !== undefined);
	const emails = pending.flatMap((request) => request.users.filter((user) => isEmail(user)));
	let emailIds = new Map<string, string | null>();
	let lookupError: unknown;
	try {
		emailIds = await resolveEmails(directory, emails);
	} catch (error) {
		lookupError = error;
	}
	for (const request of pending) {
		try {
			const hasEmails = request.users.some((user) => isEmail(user));
			if (hasEmails && lookupError !== undefined) throw lookupError;
			const { ids, unknownEmails } = toUserIds(request.users, emailIds);
			if (unknownEmails.length > 0) throw unknownEmailsError(unknownEmails);
			request.userIds = ids;
		} catch (error) {
			fail(request.itemIndex, error);
		}
	}
}

function share(change: MembershipChange, userIds: string[]) {
	const own = new Set(userIds);
	const mine = (ids: string[]) => ids.filter((id) => own.has(id));
	return {
		added: mine(change.added),
		removed: mine(change.removed),
		unchanged: mine(change.unchanged),
	};
}

function itemShare(
	change: MembershipChange,
	userIds: string[],
	batchItems: number,
	batchUsers: number,
): IDataObject {
	return {
		groupId: change.groupId,
		...share(change, userIds),
		batch: { items: batchItems, users: batchUsers, requests: change.requests },
	};
}

/** What a membership change that stopped midway had applied (the connector's `partial` error). */
function appliedChange(error: unknown): MembershipChange | undefined {
	// `outcome_unknown`: what the answers confirmed before the batch whose outcome is unknown.
	if (!(error instanceof NotionAdminError) || (error.kind !== 'partial' && error.kind !== 'outcome_unknown')) return undefined;
	const applied = error.applied as Partial<MembershipChange> | undefined;
	return Array.isArray(applied?.added) && Array.isArray(applied?.removed)
		? (applied as MembershipChange)
		: undefined;
}
