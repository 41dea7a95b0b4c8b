/**
 * A workspace's users as the Admin API lists them (active members, restricted included, and bots),
 * ordered by id. For a workspace served from a store the sorted list is kept and reused while
 * the store lists the same records: rebuilding and sorting 100,000 users for every page of 100
 * made a listing's pages take longer than Notion's latency (about 190 ms each). Store records are
 * never mutated (every change stores a new object), so the same records, compared by identity,
 * are the same list; any join, leave, rename or deactivation is a change seen on the next call.
 */
import type { Workspace } from '../store';

/** A user as the Admin API lists it. */
export interface OrgUser {
	id: string;
	type: 'person' | 'bot';
	name: string;
	email?: string;
}

type StoreRecord = ReturnType<Workspace['apiPage']>['users'][number];

interface Sorted {
	records: readonly StoreRecord[];
	users: readonly OrgUser[];
}

/** One entry per store object: a throw-away clone has its own, and a dropped store frees its entry. */
const sortedOf = new WeakMap<Workspace, Sorted>();

export const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function sameRecords(a: readonly StoreRecord[], b: readonly StoreRecord[]): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
	return true;
}

/** The store's listed users by id; the caller must not change the list it is given. */
export function storeUsers(store: Workspace): readonly OrgUser[] {
	const records = store.apiPage(0, Number.MAX_SAFE_INTEGER).users;
	const kept = sortedOf.get(store);
	if (kept !== undefined && sameRecords(kept.records, records)) return kept.users;
	const users = records
		.map((u): OrgUser => (u.kind === 'bot' ? { id: u.id, type: 'bot', name: u.name } : { id: u.id, type: 'person', name: u.name, email: u.email }))
		.sort(byId);
	sortedOf.set(store, { records, users });
	return users;
}
