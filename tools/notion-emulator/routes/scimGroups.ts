/** SCIM /Groups: list (paged, `displayName eq`), get, create, replace, patch, delete. */
import { randomUUID } from 'node:crypto';
import { type Answer, json } from '../answer';
import type { RequestContext } from '../context';
import { ScimFailure } from '../errors';
import { parseGroupFilter } from '../scim/filter';
import { listResponse, pageOf, pageParams, parseJsonBody } from '../scim/list';
import { applyGroupPatch, memberIds, type GroupDraft } from '../scim/groupPatch';
import { parsePatchBody } from '../scim/patch';
import { isPersonMember, normalizeId, type GroupRecord } from '../records';
import type { Workspace } from '../store';
import { routeScimResource, type ScimResource } from './scimResource';
import { userLocation } from './scimUsers';

export const GROUP_URN = 'urn:ietf:params:scim:schemas:core:2.0:Group';

function renderGroup(g: GroupRecord, store: Workspace, baseUrl: string): object {
	return {
		schemas: [GROUP_URN],
		id: g.id,
		displayName: g.displayName,
		members: [...g.members].map((id) => {
			const user = store.user(id);
			return {
				value: id,
				$ref: userLocation(baseUrl, id),
				type: 'User',
				...(user && user.kind !== 'bot' ? { display: user.name } : {}),
			};
		}),
		meta: {
			resourceType: 'Group',
			created: String(g.created),
			lastModified: String(g.lastModified),
			location: `${baseUrl}/scim/v2/Groups/${g.id}`,
		},
	};
}

function activeMemberCheck(store: Workspace): (id: string) => boolean {
	return (id) => {
		const user = store.user(id);
		return isPersonMember(user) && user.active;
	};
}

function assertNameFree(store: Workspace, displayName: string, selfId?: string): void {
	const taken = store
		.allGroups()
		.some((g) => g.id !== selfId && g.displayName.toLowerCase() === displayName.toLowerCase());
	if (taken)
		throw new ScimFailure(409, `A group named ${displayName} already exists`, 'uniqueness');
}

/** A full Group resource (POST, PUT); members left out keep the current ones. */
function draftFromResource(ctx: RequestContext, current?: GroupDraft): GroupDraft {
	const body = parseJsonBody(ctx.rawBody) as { displayName?: unknown; members?: unknown } | null;
	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		throw new ScimFailure(400, 'The body must be a Group resource', 'invalidSyntax');
	}
	if (typeof body.displayName !== 'string' || body.displayName.trim() === '') {
		throw new ScimFailure(400, 'displayName is required', 'invalidValue');
	}
	const members =
		body.members === undefined
			? (current?.members ?? [])
			: memberIds(body.members, activeMemberCheck(ctx.store));
	return { displayName: body.displayName, members: [...new Set(members)] };
}

function commit(ctx: RequestContext, base: GroupRecord, draft: GroupDraft): GroupRecord {
	const next: GroupRecord = {
		...base,
		displayName: draft.displayName,
		members: new Set(draft.members),
		lastModified: ctx.store.now(),
	};
	ctx.store.putGroup(next);
	return next;
}

function create(ctx: RequestContext): Answer {
	const { store, baseUrl } = ctx;
	const draft = draftFromResource(ctx);
	assertNameFree(store, draft.displayName);
	const at = store.now();
	const base = {
		id: randomUUID(),
		displayName: '',
		members: new Set<string>(),
		ownsPages: false,
		created: at,
		lastModified: at,
	};
	const created = commit(ctx, base, draft);
	const location = `${baseUrl}/scim/v2/Groups/${created.id}`;
	return json(
		201,
		renderGroup(created, store, baseUrl),
		ctx.behaviours.scimCreateLocation ? { location } : undefined,
	);
}

const groups: ScimResource<GroupRecord> = {
	name: 'Groups',
	list,
	create,
	find({ store }, rawId) {
		const id = normalizeId(rawId);
		const current = id === undefined ? undefined : store.group(id);
		if (!current) throw new ScimFailure(404, `Group ${rawId} not found`);
		return current;
	},
	get: ({ store, baseUrl }, current) => json(200, renderGroup(current, store, baseUrl)),
	remove({ store }, current) {
		if (current.ownsPages) {
			throw new ScimFailure(
				400,
				`Group ${current.displayName} cannot be deleted: pages would be left without anyone with full access`,
			);
		}
		store.deleteGroup(current.id);
		return { status: 204 };
	},
	update(ctx, current, method) {
		const { store, baseUrl } = ctx;
		const currentDraft = { displayName: current.displayName, members: [...current.members] };
		const draft =
			method === 'PATCH'
				? applyGroupPatch(
						currentDraft,
						parsePatchBody(parseJsonBody(ctx.rawBody)),
						ctx.behaviours,
						activeMemberCheck(store),
					)
				: draftFromResource(ctx, currentDraft);
		if (draft.displayName !== current.displayName)
			assertNameFree(store, draft.displayName, current.id);
		const next = commit(ctx, current, draft);
		if (method === 'PATCH' && ctx.behaviours.scimPatchAnswer === 'noContent') return { status: 204 };
		return json(200, renderGroup(next, store, baseUrl));
	},
};

export function scimGroups(ctx: RequestContext): Answer {
	return routeScimResource(ctx, groups);
}

function list(ctx: RequestContext): Answer {
	const { store, query, behaviours, baseUrl } = ctx;
	const { startIndex, count } = pageParams(query, behaviours);
	const filterText = query.get('filter');
	const render = (groups: GroupRecord[]) => groups.map((g) => renderGroup(g, store, baseUrl));
	if (filterText === null) {
		return json(
			200,
			listResponse(store.groupCount(), startIndex, render(store.groupPage(startIndex - 1, count))),
		);
	}
	const filter = parseGroupFilter(filterText, behaviours);
	// RFC 7643 §4.2: a group's displayName is not case-exact.
	const matches =
		filter === null
			? []
			: store.allGroups().filter((g) => g.displayName.toLowerCase() === filter.value.toLowerCase());
	return json(
		200,
		listResponse(matches.length, startIndex, render(pageOf(matches, startIndex, count))),
	);
}
