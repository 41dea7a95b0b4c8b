/**
 * Synthetic workspaces for the sync diff case: deterministic members with UUID ids, and the
 * next poll's listing with 1% of the members joined, 1% gone, 1% renamed and 1% with another role.
 */
import type { Member, Role } from '../../nodes/common/connector/model';

const ROLES: Role[] = ['owner', 'membership_admin', 'member', 'member', 'member', 'restricted_member'];
/** Every 100th member of each kind changes. */
const STEP = 100;

function uuid(i: number): string {
	const hex = ((i * 2654435761) >>> 0).toString(16).padStart(8, '0') + i.toString(16).padStart(24, '0');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function member(i: number, variant = ''): Member {
	const given = `Given${i}${variant}`;
	const family = `Family${i % 977}`;
	return {
		id: uuid(i),
		email: `user${i}@acme.test`,
		name: `${given} ${family}`,
		givenName: given,
		familyName: family,
		type: 'person',
		role: ROLES[i % ROLES.length],
		active: i % 40 !== 0,
		source: 'scim',
	};
}

export function workspace(n: number): Member[] {
	return Array.from({ length: n }, (_, i) => member(i));
}

export function changedWorkspace(n: number): Member[] {
	const listing: Member[] = [];
	for (let i = 0; i < n; i++) {
		const slot = i % STEP;
		if (slot === 1) continue; // left
		if (slot === 2) listing.push(member(i, 'Renamed'));
		else if (slot === 3) {
			const before = member(i);
			listing.push({ ...before, role: before.role === 'member' ? 'restricted_member' : 'member' });
		} else listing.push(member(i));
	}
	for (let i = n; i < n + n / STEP; i++) listing.push(member(i)); // joined
	return listing;
}
