/** Workspace groups over SCIM 2.0 (`/Groups`), including batched membership PATCHes. */
import { NotionAdminError } from '../errors';
import { createOnce, outcomeUnknown } from '../http/createOnce';
import { nullWhenNotFound } from '../nullWhenNotFound';
import { RequestFailure } from '../http/responseError';
import type { Group } from '../model';
import { eqFilter } from './filter';
import { listResources } from './listResources';
import { scimGroupToGroup } from './mapScim';
import { sameResource } from './sameResource';
import {
	addMembersOperation,
	chunk,
	patchBody,
	removeMembersOperations,
	renameGroupOperation,
	type MemberRemoveForm,
	type PatchOperation,
} from './patchOps';
import { pageQuery, scimCall, type ScimContext } from './scimContext';
import { CORE_GROUP_SCHEMA } from './schemas';
import { pageSizeOf } from './scimUsers';
import { confirmingRead, deleteSettled } from './unknownOutcome';

/** Follows a batched membership change as it goes, so a failure can say what was applied. */
export interface BatchProgress {
	sent(): void;
	applied(batch: string[]): void;
}

export class ScimGroups {
	/**
	 * Notion's support for the RFC `members[value eq "id"]` remove path is unconfirmed: the first
	 * refusal switches this directory to the value-array form.
	 */
	private removeForm: MemberRemoveForm = 'pathFilter';

	/** Users per membership PATCH: Notion's page size at most, less if the server says `tooMany`. */
	private batchSize: number;

	constructor(private readonly context: ScimContext) {
		this.batchSize = pageSizeOf(context.tuning.pageSize);
	}

	async list(options: { name?: string; raw?: boolean; limit?: number } = {}): Promise<Group[]> {
		const filter = options.name === undefined ? undefined : eqFilter('displayName', options.name);
		const listing = await listResources(
			this.context.requester,
			(startIndex, count) => scimCall(this.context, 'GET', '/Groups', { query: pageQuery(startIndex, count, filter) }),
			{ pageSize: pageSizeOf(this.context.tuning.pageSize), concurrency: this.context.tuning.listConcurrency, limit: options.limit },
		);
		return listing.resources.map((resource) => scimGroupToGroup(resource, options.raw === true));
	}

	/**
	 * The groups holding this member. Notion filters groups by name only, so this reads the
	 * whole listing (groups come with their members) and keeps the ones that list the id.
	 */
	async ofMember(userId: string, raw = false): Promise<Group[]> {
		return (await this.list({ raw })).filter((group) => group.memberIds.includes(userId));
	}

	async get(id: string, raw = false): Promise<Group | null> {
		return nullWhenNotFound(async () => {
			const { json } = await this.context.requester.send(scimCall(this.context, 'GET', `/Groups/${id}`));
			return sameResource('group', id, scimGroupToGroup(json, raw));
		});
	}

	async require(id: string): Promise<Group> {
		const group = await this.get(id);
		if (group === null) throw groupNotFound(id);
		return group;
	}

	/**
	 * Only a group with exactly this name counts (a server that ignores the filter answers with
	 * others); two of them are an error naming both, never a pick.
	 */
	async findByName(name: string, raw = false): Promise<Group | null> {
		const matches = (await this.list({ name, raw })).filter((group) => group.name === name);
		if (matches.length > 1) {
			throw new NotionAdminError(
				'conflict',
				`${matches.length} groups are named "${name}": ${matches.map((group) => group.id).join(', ')}`,
				'Pick the group by ID instead of by name',
				{ api: 'scim' },
			);
		}
		return matches[0] ?? null;
	}

	/** Members beyond one PATCH's worth are added after the create, in batches. */
	async create(name: string, memberIds: string[]): Promise<Group> {
		const existing = await this.findByName(name);
		if (existing) throw duplicateName(name, existing.id);
		const [firstBatch = [], ...rest] = chunk(memberIds, this.batchSize);
		const body = {
			schemas: [CORE_GROUP_SCHEMA],
			displayName: name,
			members: firstBatch.map((value) => ({ value })),
		};
		let group = await createOnce(this.context.requester, scimCall(this.context, 'POST', '/Groups', { body }), {
			fromResponse: ({ json }) => scimGroupToGroup(json, false),
			findExisting: () => this.findByName(name),
			conflict: (found) => duplicateName(name, found?.id),
		});
		try {
			for (const batch of rest) group = await this.patch(group.id, [addMembersOperation(batch)]);
		} catch (error) {
			// The group exists: say so, with the members Notion holds (answers may have been lost).
			const held = await this.get(group.id).catch(() => null);
			const missing = held === null ? undefined : memberIds.filter((userId) => !held.memberIds.includes(userId));
			if (held !== null && missing?.length === 0) return held;
			if (!(error instanceof NotionAdminError)) throw error;
			throw new NotionAdminError(
				'partial',
				`The group "${name}" was created${held === null ? '' : ` with ${memberIds.length - (missing?.length ?? 0)} of ${memberIds.length} members`}, but adding the rest stopped (${error.message})`,
				'Add the missing members with Add Members: members already in are skipped',
				{ api: 'scim', httpStatus: error.httpStatus, applied: { id: group.id, memberIds: (held ?? group).memberIds }, cause: error },
			);
		}
		return group;
	}

	async rename(id: string, name: string): Promise<Group> {
		const write = `The rename of group ${id}`;
		try {
			return await this.patch(id, [renameGroupOperation(name)], write);
		} catch (error) {
			if (!outcomeUnknown(error)) throw error;
			// Applied with every answer lost? The group as Notion holds it decides; without that
			// read nobody can say (never "failed", never "done").
			const held = await confirmingRead(() => this.get(id), `${write} (its answer was lost: ${error.message})`, 'Group → Get');
			if (held?.name === name) return held;
			throw error;
		}
	}

	/** Throws `not_found` if absent; Notion's refusal (orphan pages) comes back as a RequestFailure. */
	async remove(id: string): Promise<void> {
		const deletion = { write: `The deletion of group ${id}`, check: 'Group → Get', took: (held: Group | null) => held === null };
		await deleteSettled(() => this.context.requester.send(scimCall(this.context, 'DELETE', `/Groups/${id}`)), () => this.get(id), deletion);
	}

	/** One PATCH per batch of at most `pageSize` (≤ 100) users. */
	async addMembers(id: string, userIds: string[], progress: BatchProgress): Promise<void> {
		await this.patchInBatches(id, userIds, (batch) => [addMembersOperation(batch)], progress, false);
	}

	async removeMembers(id: string, userIds: string[], progress: BatchProgress): Promise<void> {
		await this.patchInBatches(id, userIds, (batch) => removeMembersOperations(batch, this.removeForm), progress, true);
	}

	/**
	 * Sends the batches one after the other (each PATCH is atomic, so `progress.applied` reports
	 * exactly what was applied). Adapts to what the server accepts: a smaller batch after a `tooMany`,
	 * the value-array remove form after a refused path filter.
	 */
	private async patchInBatches(
		id: string,
		userIds: string[],
		operationsFor: (batch: string[]) => PatchOperation[],
		progress: BatchProgress,
		removing: boolean,
	): Promise<void> {
		let rest = userIds;
		while (rest.length > 0) {
			const batch = rest.slice(0, this.batchSize);
			progress.sent();
			try {
				await this.patch(id, operationsFor(batch));
			} catch (error) {
				if (isRefusal(error, 'tooMany') && batch.length > 1) {
					this.batchSize = Math.ceil(batch.length / 2);
					continue;
				}
				if (removing && this.removeForm === 'pathFilter' && isRefusal(error, 'invalidPath', 'noTarget', 'invalidFilter')) {
					this.removeForm = 'valueArray';
					continue;
				}
				throw error;
			}
			progress.applied(batch);
			rest = rest.slice(batch.length);
		}
	}

	/**
	 * With `confirms` (what the PATCH does, in words), a failed read after an empty answer is
	 * `outcome_unknown` about that write, not the read's own failure.
	 */
	private async patch(id: string, operations: PatchOperation[], confirms?: string): Promise<Group> {
		const call = scimCall(this.context, 'PATCH', `/Groups/${id}`, { body: patchBody(operations) });
		const { json } = await this.context.requester.send(call);
		if (json !== null) return sameResource('group', id, scimGroupToGroup(json, false));
		if (confirms === undefined) return this.require(id);
		const group = await confirmingRead(() => this.get(id), confirms, 'Group → Get');
		if (group === null) throw groupNotFound(id);
		return group;
	}
}

function isRefusal(error: unknown, ...scimTypes: string[]): boolean {
	return error instanceof RequestFailure && error.httpStatus === 400 && scimTypes.includes(error.code ?? '');
}

function groupNotFound(id: string): NotionAdminError {
	return new NotionAdminError('not_found', `No group with id ${id} in the workspace`, 'Check the id; the group may have been deleted', {
		api: 'scim',
		httpStatus: 404,
	});
}

function duplicateName(name: string, id: string | undefined): NotionAdminError {
	return new NotionAdminError(
		'conflict',
		`A group named "${name}" already exists`,
		'Pick another name, or use the existing group',
		{ api: 'scim', applied: id === undefined ? undefined : { id } },
	);
}
