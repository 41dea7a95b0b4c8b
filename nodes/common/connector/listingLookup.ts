/**
 * Members by email through the standard API, which cannot filter: the whole listing is read and
 * searched. An email on two members is a conflict; a listing with no email at all means the
 * integration lacks the capability to read them, never "not a member".
 */
import { NotionAdminError } from './errors';
import type { Member } from './model';

export function membersByEmailInListing(members: Member[], emails: string[]): Map<string, Member | null> {
	const found = new Map<string, Member | null>();
	for (const email of new Set(emails.map((address) => address.toLowerCase()))) {
		found.set(email, findByEmailInListing(members, email));
	}
	return found;
}

function findByEmailInListing(members: Member[], email: string): Member | null {
	const found = members.filter((member) => member.email?.toLowerCase() === email);
	if (found.length > 1) {
		throw new NotionAdminError(
			'conflict',
			`${found.length} members have the email ${email}: ${found.map((member) => member.id).join(', ')}`,
			'Pick the member by ID instead of by email',
			{ api: 'standard' },
		);
	}
	if (found.length === 1) return found[0];
	if (members.some((member) => member.type === 'person') && !members.some((member) => member.email !== null)) {
		throw new NotionAdminError(
			'forbidden',
			'The Notion API returned no email addresses, so members cannot be found by email',
			"Enable 'Read user information including email addresses' in the integration's capabilities, or add a Notion SCIM credential",
			{ api: 'standard', field: 'email' },
		);
	}
	return null;
}
