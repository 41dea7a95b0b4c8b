/** SCIM /Users: list (paged, filtered), get, create, replace, patch, delete. */
import { type Answer, json } from '../answer';
import type { RequestContext } from '../context';
import { ScimFailure } from '../errors';
import { parseUserFilter } from '../scim/filter';
import { listResponse, pageOf, pageParams, parseJsonBody } from '../scim/list';
import {
	applyUserPatch,
	NOTION_USER_URN,
	parsePatchBody,
	setUserAttribute,
	type UserDraft,
} from '../scim/patch';
import { isPersonMember, normalizeId, type PersonRecord } from '../records';
import type { Workspace } from '../store';
import type { Behaviours } from '../types';
import { randomUUID } from 'node:crypto';
import { routeScimResource, type ScimResource } from './scimResource';

export const USER_URN = 'urn:ietf:params:scim:schemas:core:2.0:User';

export function userLocation(baseUrl: string, id: string): string {
	return `${baseUrl}/scim/v2/Users/${id}`;
}

/** A member as an RFC server with separate names keeps it: its own displayName, when one was written. */
type ShownUser = PersonRecord & { readonly displayName?: string };

/**
 * The shape recorded from a real Notion workspace: one name shown as both `displayName` and
 * `name.formatted`. With `scimNames: 'separate'` the displayName is its own attribute.
 */
function renderUser(u: ShownUser, baseUrl: string, behaviours: Behaviours): object {
	return {
		schemas: [USER_URN],
		id: u.id,
		userName: u.email,
		name: {
			formatted: u.name,
			...(u.givenName !== undefined ? { givenName: u.givenName } : {}),
			...(u.familyName !== undefined ? { familyName: u.familyName } : {}),
		},
		emails: [{ value: u.email, primary: true }],
		displayName: behaviours.scimNames === 'separate' ? (u.displayName ?? u.name) : u.name,
		active: u.active,
		meta: {
			resourceType: 'User',
			created: String(u.created),
			lastModified: String(u.lastModified),
			location: userLocation(baseUrl, u.id),
		},
		photos: [],
		...(u.roleHidden || !behaviours.notionRoleExtension ? {} : { [NOTION_USER_URN]: { role: u.role } }),
	};
}

function findMember(store: Workspace, rawId: string): PersonRecord {
	const id = normalizeId(rawId);
	const user = id === undefined ? undefined : store.user(id);
	if (!isPersonMember(user)) throw new ScimFailure(404, `User ${rawId} not found`);
	return user;
}

function draftOf(u: ShownUser): UserDraft {
	return {
		email: u.email,
		name: u.name,
		// Only a server with separate names shows it; it stays what it was until written.
		displayName: u.displayName ?? u.name,
		givenName: u.givenName,
		familyName: u.familyName,
		role: u.role,
		active: u.active,
	};
}

/** A full resource (POST, PUT): unknown attributes are ignored, `userName` is required and wins. */
function draftFromResource(rawBody: string, base: UserDraft, ctx: RequestContext): UserDraft {
	const body = parseJsonBody(rawBody);
	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		throw new ScimFailure(400, 'The body must be a User resource', 'invalidSyntax');
	}
	const resource = body as Record<string, unknown>;
	if (resource.userName === undefined)
		throw new ScimFailure(400, 'userName (the email) is required', 'invalidValue');
	const draft = { ...base };
	for (const [key, value] of Object.entries(resource)) {
		if (['schemas', 'id', 'meta', 'emails', 'username'].includes(key.toLowerCase())) continue;
		try {
			setUserAttribute(draft, key, value, ctx.behaviours);
		} catch (e) {
			if (!(e instanceof ScimFailure && e.scimType === 'invalidPath')) throw e;
		}
	}
	setUserAttribute(draft, 'userName', resource.userName, ctx.behaviours);
	if (!draft.name) draft.name = draft.email.split('@')[0];
	return draft;
}

function assertEmailFree(store: Workspace, email: string, selfId?: string): void {
	const holder = store.personByEmail(email);
	if (holder && holder.id !== selfId) {
		throw new ScimFailure(409, `User with userName ${email} already exists`, 'uniqueness');
	}
}

/** The owner who made the SCIM token can be neither removed nor demoted through the API. */
function assertNotTokenOwner(ctx: RequestContext, id: string, draft?: UserDraft): void {
	if (id !== ctx.store.scimTokenOwnerId) return;
	if (draft && draft.active && draft.role === 'owner') return;
	const status = ctx.behaviours.tokenOwnerRemoveStatus;
	throw new ScimFailure(
		status,
		'The workspace owner who created the SCIM token cannot be removed or demoted through the API',
		status === 400 ? 'mutability' : undefined,
	);
}

function commit(ctx: RequestContext, current: PersonRecord, draft: UserDraft): PersonRecord {
	const next: PersonRecord = {
		...current,
		...draft,
		kind: 'member',
		lastModified: ctx.store.now(),
	};
	ctx.store.putUser(next);
	return next;
}

const users: ScimResource<PersonRecord> = {
	name: 'Users',
	list,
	create,
	find: ({ store }, rawId) => findMember(store, rawId),
	get: ({ baseUrl, behaviours }, current) => json(200, renderUser(current, baseUrl, behaviours)),
	remove(ctx, current) {
		assertNotTokenOwner(ctx, current.id);
		ctx.store.removeMember(current, ctx.behaviours.deletedUserLookup);
		return { status: 204 };
	},
	update(ctx, current, method) {
		const draft =
			method === 'PATCH'
				? applyUserPatch(
						draftOf(current),
						parsePatchBody(parseJsonBody(ctx.rawBody)),
						ctx.behaviours,
					)
				: draftFromResource(ctx.rawBody, draftOf(current), ctx);
		assertNotTokenOwner(ctx, current.id, draft);
		assertEmailFree(ctx.store, draft.email, current.id);
		const next = commit(ctx, current, draft);
		if (method === 'PATCH' && ctx.behaviours.scimPatchAnswer === 'noContent') return { status: 204 };
		return json(200, renderUser(next, ctx.baseUrl, ctx.behaviours));
	},
};

export function scimUsers(ctx: RequestContext): Answer {
	return routeScimResource(ctx, users);
}

function list(ctx: RequestContext): Answer {
	const { store, query, behaviours, baseUrl } = ctx;
	const { startIndex, count } = pageParams(query, behaviours);
	const filterText = query.get('filter');
	if (filterText === null) {
		if (behaviours.unstablePaging && startIndex > 1) store.joinNewcomer();
		const page = store.scimUserPage(startIndex - 1, count);
		return json(
			200,
			listResponse(
				store.scimUserCount(),
				startIndex,
				page.map((u) => renderUser(u, baseUrl, behaviours)),
			),
		);
	}
	const filter = parseUserFilter(filterText, behaviours);
	let matches: PersonRecord[];
	if (filter === null) matches = [];
	else if (filter.attribute === 'email') {
		const user = store.personByEmail(filter.value);
		matches = isPersonMember(user) ? [user] : [];
	} else {
		matches = [];
		for (const u of store.scimUsers()) if (u[filter.attribute] === filter.value) matches.push(u);
	}
	return json(
		200,
		listResponse(
			matches.length,
			startIndex,
			pageOf(matches, startIndex, count).map((u) => renderUser(u, baseUrl, behaviours)),
		),
	);
}

/** Adds a member; an account already known by email (removed member, guest) keeps its id. */
function create(ctx: RequestContext): Answer {
	const { store, baseUrl } = ctx;
	const draft = draftFromResource(
		ctx.rawBody,
		{ email: '', name: '', role: 'member', active: true },
		ctx,
	);
	const known = store.personByEmail(draft.email);
	if (known?.kind === 'member' && known.active) {
		throw new ScimFailure(
			409,
			`User with userName ${draft.email} is already a member of this workspace`,
			'uniqueness',
		);
	}
	const at = store.now();
	const base: PersonRecord = known ?? {
		id: randomUUID(),
		kind: 'member',
		roleHidden: false,
		created: at,
		lastModified: at,
		...draft,
	};
	const created = commit(ctx, base, draft);
	const location = userLocation(baseUrl, created.id);
	return json(
		201,
		renderUser(created, baseUrl, ctx.behaviours),
		ctx.behaviours.scimCreateLocation ? { location } : undefined,
	);
}
