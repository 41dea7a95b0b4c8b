/**
 * The "Users" field of the group membership operations: IDs or emails, validated per item,
 * with emails turned into member ids in as few requests as possible.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import type { NotionDirectory } from '../../common/connector/notionDirectory';
import { NotionAdminError } from '../../common/connector/errors';
import { quoteValue } from '../../common/connector/redact';
import { normalizeId, requireEmail, requireId } from '../../common/connector/validate';
import { invalidInput } from '../../common/operationKit/itemInput';

function isId(value: string): boolean {
	return normalizeId(value) !== undefined;
}

export function isEmail(value: string): boolean {
	try {
		requireEmail(value);
		return true;
	} catch {
		return false;
	}
}

/** The "Users" field of the item: at least one user. */
export function readUsers(ctx: IExecuteFunctions, itemIndex: number): string[] {
	const users = parseUsers(ctx, itemIndex, 'Users', ctx.getNodeParameter('users', itemIndex, ''));
	if (users.length === 0) {
		throw invalidInput(
			ctx,
			itemIndex,
			'Users',
			'at least one user is required',
			'Enter user IDs or emails separated by commas, or map an array with an expression.',
		);
	}
	return users;
}

/** Validated user IDs and (lower-cased) emails, duplicates dropped. */
export function parseUsers(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
): string[] {
	const entries = (Array.isArray(value) ? value : String(value ?? '').split(','))
		.map((entry) => String(entry ?? '').trim())
		.filter((entry) => entry !== '');
	const users = new Set<string>();
	for (const entry of entries) {
		if (isEmail(entry)) {
			users.add(entry.toLowerCase());
			continue;
		}
		if (!isId(entry)) {
			throw invalidInput(
				ctx,
				itemIndex,
				field,
				`${quoteValue(entry)} is neither a Notion user ID nor an email`,
				'Each entry must be a user ID (a UUID) or the email of a workspace member.',
			);
		}
		users.add(requireId(entry, field));
	}
	return [...users];
}

/**
 * Lower-cased email → member id, or null when no member has that email, for a write. The connector's
 * lookup-or-list policy decides how (filters for a few, one listing for more) and says "no
 * member" only on evidence that could have found one.
 */
export async function resolveEmails(
	directory: NotionDirectory,
	emails: Iterable<string>,
): Promise<Map<string, string | null>> {
	const wanted = [...new Set([...emails].map((email) => email.toLowerCase()))];
	const found = new Map<string, string | null>();
	if (wanted.length === 0) return found;
	// Through SCIM only, as every caller writes: the read fallback does not see deactivated members.
	const members = await directory.findWriteTargetsByEmail(wanted, 'Finding the members to change');
	for (const email of wanted) found.set(email, members.get(email)?.id ?? null);
	return found;
}

/** The item's users as ids; the emails that matched no member are returned apart. */
export function toUserIds(
	users: string[],
	emailIds: Map<string, string | null>,
): { ids: string[]; unknownEmails: string[] } {
	const ids: string[] = [];
	const unknownEmails: string[] = [];
	for (const user of users) {
		if (!isEmail(user)) {
			ids.push(user);
			continue;
		}
		const id = emailIds.get(user);
		if (id) ids.push(id);
		else unknownEmails.push(user);
	}
	return { ids: [...new Set(ids)], unknownEmails };
}

export function unknownEmailsError(emails: string[]): NotionAdminError {
	return new NotionAdminError(
		'not_found',
		`No workspace member with email ${emails.join(', ')}`,
		'Only workspace members can be in a group: add the person to the workspace first (User → Create). Guests cannot be group members.',
	);
}

/** The users as member ids; fails with `not_found` naming every email that matched no member. */
export async function requireUserIds(
	directory: NotionDirectory,
	users: string[],
): Promise<string[]> {
	const { ids, unknownEmails } = toUserIds(
		users,
		await resolveEmails(
			directory,
			users.filter((user) => isEmail(user)),
		),
	);
	if (unknownEmails.length > 0) throw unknownEmailsError(unknownEmails);
	return ids;
}
