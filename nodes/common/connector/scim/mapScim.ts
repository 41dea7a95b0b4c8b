/** SCIM resources → the connector's Member and Group. Tolerant: Notion omits fields at times. */
import { WRITABLE_ROLES, type Group, type Member, type Role } from '../model';
import { normalizeId } from '../validate';
import { NOTION_USER_EXTENSION } from './schemas';

type Json = Record<string, unknown>;

const asObject = (value: unknown): Json | undefined =>
	typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
const asString = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

export function scimUserToMember(resource: unknown, keepRaw: boolean): Member {
	const user = asObject(resource) ?? {};
	const name = asObject(user.name) ?? {};
	const givenName = asString(name.givenName);
	const familyName = asString(name.familyName);
	const joined = [givenName, familyName].filter((part) => part !== null).join(' ');
	const member: Member = {
		id: idOf(user.id),
		email: asString(user.userName) ?? primaryEmail(user.emails),
		name: asString(user.displayName) ?? asString(name.formatted) ?? (joined === '' ? null : joined),
		givenName,
		familyName,
		type: 'person',
		role: roleOf(user[NOTION_USER_EXTENSION]),
		active: typeof user.active === 'boolean' ? user.active : null,
		source: 'scim',
	};
	if (keepRaw) member.raw = resource;
	return member;
}

export function scimGroupToGroup(resource: unknown, keepRaw: boolean): Group {
	const group = asObject(resource) ?? {};
	const members = Array.isArray(group.members) ? group.members : [];
	const result: Group = {
		id: idOf(group.id),
		name: asString(group.displayName) ?? '',
		memberIds: members
			.map((entry) => asString(asObject(entry)?.value))
			.filter((value): value is string => value !== null)
			.map(idOf),
	};
	if (keepRaw) result.raw = resource;
	return result;
}

/** Ids compare dashed and lower-case everywhere; anything unusual is kept as Notion sent it. */
function idOf(value: unknown): string {
	const id = typeof value === 'string' ? value : String(value ?? '');
	return normalizeId(id) ?? id;
}

/** A missing extension means "Notion did not say", not "member" (seen in real answers). */
function roleOf(extension: unknown): Role {
	const role = asObject(extension)?.role;
	return (WRITABLE_ROLES as readonly unknown[]).includes(role) ? (role as Role) : 'unknown';
}

function primaryEmail(emails: unknown): string | null {
	if (!Array.isArray(emails)) return null;
	const entries = emails.map(asObject).filter((entry): entry is Json => entry !== undefined);
	const chosen = entries.find((entry) => entry.primary === true) ?? entries[0];
	return chosen ? asString(chosen.value) : null;
}
