/**
 * A second emulator's workspace joining the first one's organization: in Notion every workspace of
 * an organization has its own SCIM token and API key, while the Admin API sees them all. The
 * joining workspace keeps serving its own SCIM and standard API; the organization reads its people
 * live from its store, so a removal over that workspace's SCIM is gone from the Admin API at once.
 */
import { prng } from '../prng';
import type { Workspace } from '../store';
import type { Seed } from '../types';
import type { Organization } from './organization';
import { generate, hashOf, type Person } from './orgSeed';

/**
 * The seed with each member whose email already has an account in the organization given that
 * account's id (the seed's own id for them is dropped): one person is one user id in every
 * workspace, as in Notion.
 */
export function seedInOrganization(seed: Seed, org: Organization, main: Workspace): Seed {
	const renamed = new Map<string, string>();
	const members = seed.members.map((m) => {
		const id = org.accountByEmail(m.email, main);
		if (id === undefined) return m;
		if (m.id !== undefined) renamed.set(m.id, id);
		return { ...m, id };
	});
	return { ...seed, members, scimTokenOwnerId: renamed.get(seed.scimTokenOwnerId) ?? seed.scimTokenOwnerId };
}

/** Links the workspace and gives its people sessions, PATs and MCP connections by the seed rules. */
export function joinOrganization(org: Organization, store: Workspace): void {
	org.link(store);
	const people: Person[] = [...store.scimUsers()].map((p) => ({ id: p.id, workspaceId: store.info.id, name: p.name }));
	generate(org.seedable(), people, prng(hashOf(`${store.info.id}:linked`)));
}
