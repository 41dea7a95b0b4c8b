/** Seeds: the default demo workspace and generated (large, reproducible) workspaces. */
import { prng, uuidFrom } from './prng';
import type { Role, Seed, SeedGroup, SeedMember } from './types';

export interface GenerateSeedOptions {
	members: number;
	bots?: number;
	guests?: number;
	groups?: number;
	deactivated?: number;
	seed?: number;
	/** Further workspaces of the organization (Admin API only), each sharing a few of the members. */
	adminOnlyWorkspaces?: number;
}

const FIRST = [
	'Ada',
	'Grace',
	'Alan',
	'Katherine',
	'Linus',
	'Margaret',
	'Dennis',
	'Barbara',
	'Ken',
	'Frances',
	'Edsger',
	'Radia',
	'Donald',
	'Hedy',
	'Tim',
	'Annie',
	'John',
	'Sophie',
	'Guido',
	'Karen',
];
const LAST = [
	'Lovelace',
	'Hopper',
	'Turing',
	'Johnson',
	'Torvalds',
	'Hamilton',
	'Ritchie',
	'Liskov',
	'Thompson',
	'Allen',
	'Dijkstra',
	'Perlman',
	'Knuth',
	'Lamarr',
	'Berners-Lee',
	'Easley',
	'McCarthy',
	'Wilson',
	'Rossum',
	'Jones',
];
const GROUPS = [
	'Engineering',
	'Design',
	'Sales',
	'Marketing',
	'Support',
	'Finance',
	'Legal',
	'People',
	'Operations',
	'Product',
];

/** Member 0 is the owner who made the SCIM token; roles cycle so that every role is present. */
function roleOf(i: number): Role {
	if (i === 0 || i % 50 === 1) return 'owner';
	if (i % 20 === 2) return 'membership_admin';
	if (i % 10 === 3) return 'restricted_member';
	return 'member';
}

export function generateSeed(options: GenerateSeedOptions): Seed {
	const { members: count, bots = 1, guests = 1, groups = 3, deactivated = 0, seed = 1, adminOnlyWorkspaces = 0 } = options;
	if (count < 1)
		throw new Error('generateSeed: at least one member (the SCIM token owner) is needed');
	const random = prng(seed);
	const hex = (n: number) => uuidFrom(random).replace(/-/g, '').slice(0, n);
	const members: SeedMember[] = [];
	for (let i = 0; i < count; i++) {
		const first = FIRST[i % FIRST.length];
		// Every (first, last) pair differs for the first 400 members; later rounds get a number.
		const last = LAST[(7 * i + Math.floor(i / FIRST.length)) % LAST.length];
		const round = Math.floor(i / (FIRST.length * LAST.length));
		const suffix = round === 0 ? '' : String(round + 1);
		members.push({
			id: uuidFrom(random),
			email: `${first}.${last}${suffix}@acme.test`.toLowerCase(),
			name: `${first} ${last}${suffix}`,
			givenName: first,
			familyName: `${last}${suffix}`,
			role: roleOf(i),
			// The last ones are deactivated, never member 0 (the token owner).
			active: i === 0 || i < count - deactivated,
		});
	}
	const activeEmails = members.filter((m) => m.active).map((m) => m.email);
	const groupSeeds: SeedGroup[] = Array.from({ length: groups }, (_, k) => ({
		id: uuidFrom(random),
		displayName: GROUPS[k] ?? `Group ${k + 1}`,
		memberEmails: activeEmails.filter((_, i) => i % (groups * 3) === k),
		// One group owns pages, so deleting it is refused.
		ownsPages: k === 0,
	}));
	return {
		workspace: { id: uuidFrom(random), name: 'Acme', plan: 'enterprise', emailCapability: true },
		tokens: { api: `secret_emu${hex(32)}`, scim: `scim-emu${hex(32)}`, admin: adminToken(seed) },
		scimTokenOwnerId: members[0].id as string,
		members,
		bots: Array.from({ length: bots }, (_, i) => ({
			id: uuidFrom(random),
			name: i === 0 ? 'Notion Admin integration' : `HR Sync ${i}`,
		})),
		guests: Array.from({ length: guests }, (_, i) => ({
			id: uuidFrom(random),
			email: `guest${i + 1}@partner.test`,
			name: `Gus Guest${i === 0 ? '' : ` ${i + 1}`}`,
		})),
		groups: groupSeeds,
		...organizationOf(members, seed, adminOnlyWorkspaces),
	};
}

const LAB_NAMES = ['Acme Labs', 'Acme Europe', 'Acme Ventures'];

/**
 * The organization token and the further workspaces, from a PRNG of their own so that every id
 * above stays what it was before the Admin API existed. Workspace k shares every fifth member
 * from member k (member 0, the owner, is in the first) and has two people of its own.
 */
function organizationOf(members: SeedMember[], seed: number, count: number): Pick<Seed, 'organization'> {
	const random = prng(seed * 7919 + 104729);
	const workspaces = Array.from({ length: count }, (_, k) => ({
		id: uuidFrom(random),
		name: LAB_NAMES[k] ?? `Acme Workspace ${k + 2}`,
		members: [
			...members.filter((m, i) => m.active !== false && i % 5 === k % 5).map((m) => ({ email: m.email, name: m.name, role: m.role })),
			{ email: `lab${k + 1}.lead@acme.test`, name: `Lab ${k + 1} Lead`, role: 'owner' as const },
			{ email: `lab${k + 1}.intern@acme.test`, name: `Lab ${k + 1} Intern`, role: 'restricted_member' as const },
		],
		bots: [{ name: `Lab ${k + 1} bot` }],
	}));
	return { organization: { id: uuidFrom(random), name: 'Acme Corp', workspaces } };
}

/** The organization bot token, from its own PRNG (the other ids do not move). */
function adminToken(seed: number): string {
	const random = prng(seed * 31 + 7);
	return `adm_emu${Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('')}`;
}

/**
 * The default workspace: a few dozen members with every role, 2 deactivated, 1 bot, 1 guest, 3 groups;
 * its organization has one more workspace (Admin API only).
 */
export function demoSeed(): Seed {
	return generateSeed({ members: 30, deactivated: 2, bots: 1, guests: 1, groups: 3, seed: 1, adminOnlyWorkspaces: 1 });
}

/**
 * Acme Research: a second workspace of the demo's organization with its own SCIM token and API
 * key (start it with `organizationOf` the demo emulator): eight of Acme's people, the same accounts.
 */
export function demoResearchSeed(): Seed {
	const seed = generateSeed({ members: 8, groups: 2, seed: 21 });
	return { ...seed, workspace: { ...seed.workspace, name: 'Acme Research' } };
}
