/**
 * Turns the user and group pickers into connector lookups. ID and list modes need no request;
 * email and name modes look the target up, and a miss becomes the connector's `not_found`.
 */
import type { IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';

import type { NotionDirectory } from '../../common/connector/notionDirectory';
import { NotionAdminError } from '../../common/connector/errors';
import type { Group, Member, WithVia } from '../../common/connector/model';
import { requireEmail, requireId, requireName } from '../../common/connector/validate';

export type UserRef = { by: 'id'; id: string } | { by: 'email'; email: string };
export type GroupRef = { by: 'id'; id: string } | { by: 'name'; name: string };

function locator(ctx: IExecuteFunctions, name: string, itemIndex: number) {
	return ctx.getNodeParameter(name, itemIndex) as INodeParameterResourceLocator;
}

export function readUserRef(ctx: IExecuteFunctions, itemIndex: number, name = 'user'): UserRef {
	const { mode, value } = locator(ctx, name, itemIndex);
	if (mode === 'email')
		return { by: 'email', email: requireEmail(value, 'User (By Email)') };
	return { by: 'id', id: requireId(value, 'User') };
}

export function readGroupRef(ctx: IExecuteFunctions, itemIndex: number, name = 'group'): GroupRef {
	const { mode, value } = locator(ctx, name, itemIndex);
	if (mode === 'name')
		return { by: 'name', name: requireName(value, 'Group (By Name)') };
	return { by: 'id', id: requireId(value, 'Group') };
}

function describeUserRef(ref: UserRef): string {
	return ref.by === 'id' ? `ID ${ref.id}` : `email ${ref.email}`;
}

function describeGroupRef(ref: GroupRef): string {
	return ref.by === 'id' ? `ID ${ref.id}` : `name "${ref.name}"`;
}

export function userNotFound(ref: UserRef): NotionAdminError {
	return new NotionAdminError(
		'not_found',
		`No workspace member with ${describeUserRef(ref)}`,
		'Check the user: guests and people who were removed from the workspace are not members.',
	);
}

export function groupNotFound(ref: GroupRef): NotionAdminError {
	return new NotionAdminError(
		'not_found',
		`No group with ${describeGroupRef(ref)}`,
		'Check the group: pick it from the list to be sure it exists.',
	);
}

/** The member the picker names; throws `not_found` on a miss. */
export async function requireUser(
	directory: NotionDirectory,
	ref: UserRef,
	raw = false,
): Promise<WithVia<Member>> {
	const { value, via } =
		ref.by === 'id'
			? await directory.getMember(ref.id, { raw })
			: await directory.findMemberByEmail(ref.email, { raw });
	if (!value) throw userNotFound(ref);
	return { value, via };
}

/** The member's id, looked up only when the picker gave an email. */
export async function userIdOf(directory: NotionDirectory, ref: UserRef): Promise<string | null> {
	if (ref.by === 'id') return ref.id;
	return (await directory.findMemberByEmail(ref.email)).value?.id ?? null;
}

/**
 * The id of the member a write changes, looked up only when the picker gave an email: through
 * SCIM alone (see NotionDirectory.findWriteTargetsByEmail), never the read fallback.
 */
export async function writeTargetIdOf(directory: NotionDirectory, ref: UserRef, label: string): Promise<string | null> {
	if (ref.by === 'id') return ref.id;
	const found = await directory.findWriteTargetsByEmail([ref.email], label);
	return found.get(ref.email.toLowerCase())?.id ?? null;
}

/** The group the picker names; throws `not_found` on a miss. */
export async function requireGroup(
	directory: NotionDirectory,
	ref: GroupRef,
	raw = false,
): Promise<Group> {
	const group =
		ref.by === 'id'
			? await directory.getGroup(ref.id, { raw })
			: await directory.findGroupByName(ref.name, { raw });
	if (!group) throw groupNotFound(ref);
	return group;
}

/** The group's id, looked up only when the picker gave a name; throws `not_found` on a miss. */
export async function requireGroupId(directory: NotionDirectory, ref: GroupRef): Promise<string> {
	if (ref.by === 'id') return ref.id;
	const group = await directory.findGroupByName(ref.name);
	if (!group) throw groupNotFound(ref);
	return group.id;
}

/**
 * A target found by email or name a moment ago that the write no longer finds was removed in
 * between: say so, rather than "no member with this id". Other errors pass unchanged.
 */
export function vanished(ref: UserRef | GroupRef, id: string, error: unknown): unknown {
	if (ref.by === 'id' || !(error instanceof NotionAdminError) || error.kind !== 'not_found') return error;
	const what = ref.by === 'email' ? `The member with email ${ref.email}` : `The group named "${ref.name}"`;
	return new NotionAdminError(
		'not_found',
		`${what} was found but was gone when the change was sent (id ${id}): nothing was changed`,
		'It was removed in Notion meanwhile: check it there, then run again',
		{ api: error.api, httpStatus: error.httpStatus, requestId: error.requestId, cause: error },
	);
}
