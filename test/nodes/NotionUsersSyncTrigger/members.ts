/** Builds connector-shaped members for the pure trigger tests. */
import type { Member } from '../../../nodes/common/connector/model';

const FIRST = ['Ada', 'Grace', 'Alan', 'Katherine', 'Linus', 'Margaret', 'Dennis', 'Barbara', 'Edsger', 'Frances'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Johnson', 'Torvalds', 'Hamilton', 'Ritchie', 'Liskov', 'Dijkstra', 'Allen'];
const ROLES = ['owner', 'membership_admin', 'member', 'member', 'member', 'restricted_member'] as const;

/** A canonical UUID built from a number, so ids are deterministic. */
export function uuid(n: number): string {
	const hex = (n * 2654435761 + 0x1234567).toString(16).padStart(12, '0').slice(-12);
	const tail = n.toString(16).padStart(8, '0');
	return `${tail}-4a1b-8c2d-9e3f-${hex}`;
}

export function person(n: number, overrides: Partial<Member> = {}): Member {
	const given = FIRST[n % FIRST.length];
	const family = LAST[Math.floor(n / FIRST.length) % LAST.length];
	return {
		id: uuid(n),
		email: `${given.toLowerCase()}.${family.toLowerCase()}${n}@example-corp.com`,
		name: `${given} ${family}`,
		givenName: given,
		familyName: family,
		type: 'person',
		role: ROLES[n % ROLES.length],
		active: true,
		source: 'scim',
		...overrides,
	};
}

export function bot(n: number, overrides: Partial<Member> = {}): Member {
	return {
		id: uuid(1_000_000 + n),
		email: null,
		name: `Integration ${n}`,
		givenName: null,
		familyName: null,
		type: 'bot',
		role: 'unknown',
		active: null,
		source: 'api',
		...overrides,
	};
}

/** What the standard API reports of the same person: no role, no status, no name parts. */
export function asApi(member: Member): Member {
	return { ...member, role: 'unknown', active: null, givenName: null, familyName: null, source: 'api' };
}
