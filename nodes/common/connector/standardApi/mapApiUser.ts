/** Standard API user objects → Member. The API tells neither role nor status. */
import type { Member } from '../model';
import { normalizeId } from '../validate';

interface ApiUser {
	id?: unknown;
	type?: unknown;
	name?: unknown;
	person?: { email?: unknown };
}

export function apiUserToMember(resource: unknown, keepRaw: boolean): Member {
	const user = (typeof resource === 'object' && resource !== null ? resource : {}) as ApiUser;
	const id = typeof user.id === 'string' ? (normalizeId(user.id) ?? user.id) : '';
	const email = typeof user.person?.email === 'string' && user.person.email !== '' ? user.person.email : null;
	const member: Member = {
		id,
		// Present only when the integration has the "user information with email addresses" capability.
		email,
		name: typeof user.name === 'string' && user.name !== '' ? user.name : null,
		givenName: null,
		familyName: null,
		type: user.type === 'bot' ? 'bot' : 'person',
		role: 'unknown',
		active: null,
		source: 'api',
	};
	if (keepRaw) member.raw = resource;
	return member;
}
