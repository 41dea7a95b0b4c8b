/**
 * Builds the organization from a seed. Sessions, PATs and MCP connections are generated from the
 * seed alone (a PRNG seeded from the main workspace's id, rules by member position), so a test
 * knows what exists and the same seed always gives the same records.
 */
import { randomBytes } from 'node:crypto';
import { prng, uuidFrom } from '../prng';
import type { Workspace } from '../store';
import type { Seed } from '../types';
import { analyticsFromSeed } from './activity';
import { seedAdminGroups } from './groupSeed';
import { Records } from './records';
import { Organization, type AdminOnlyMember, type OrganizationState } from './organization';
import type { McpClient, McpConnectionState, PatState } from './types';

const CLIENTS: Record<'claude' | 'cursor' | 'codex' | 'custom', McpClient> = {
	claude: { key: 'claude-code', name: 'Claude Code', type: 'claude' },
	cursor: { key: 'cursor', name: 'Cursor', type: 'cursor' },
	codex: { key: 'codex', name: 'Codex', type: 'codex' },
	custom: { key: 'acme-internal-agent', name: 'Acme internal agent', type: 'other' },
};
const IDP_ISSUER = 'https://idp.acme.test';
const BASE = Date.parse('2026-01-05T09:00:00.000Z');
const HOUR = 3_600_000;

export function hashOf(text: string): number {
	let h = 2166136261;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
	return h >>> 0;
}

const at = (hours: number) => new Date(BASE + hours * HOUR).toISOString();

/** A person of one workspace, in seed order: what the generation rules look at. */
export interface Person {
	id: string;
	workspaceId: string;
	name: string;
}

export function organizationFromSeed(seed: Seed, store: Workspace): Organization {
	const random = prng(hashOf(seed.workspace.id));
	const org = seed.organization ?? {};
	const state: OrganizationState = {
		id: org.id ?? uuidFrom(random),
		name: org.name ?? `${seed.workspace.name} Organization`,
		adminToken: seed.tokens.admin ?? `adm_${randomBytes(24).toString('hex')}`,
		domains: org.domains?.map((d) => d.toLowerCase()) ?? [
			...new Set(seed.members.map((m) => m.email.toLowerCase().split('@')[1])),
		],
		workspaces: new Map([
			[
				seed.workspace.id,
				{ id: seed.workspace.id, name: seed.workspace.name, kind: 'main', deleted: false, enterpriseManagedMcp: true },
			],
		]),
		members: new Map(),
		linked: new Map(),
		bots: new Map(),
		sessions: new Map(),
		pats: new Map(),
		mcp: [],
		denied: new Set(),
		adminGroups: new Records(),
		exports: new Records(),
		legalHolds: new Records(),
		analytics: analyticsFromSeed(seed, store),
		fileHostUrl: '',
	};
	const people: Person[] = [];
	for (const m of seed.members) {
		const person = store.personByEmail(m.email);
		if (person) people.push({ id: person.id, workspaceId: seed.workspace.id, name: m.name });
	}
	// An email already known in the organization is the same account (one user id everywhere).
	const idOfEmail = new Map(people.map((p) => [(store.user(p.id) as { email: string }).email, p.id]));
	for (const w of org.workspaces ?? []) {
		if (state.workspaces.has(w.id)) throw new Error(`seed organization: workspace id ${w.id} is taken`);
		state.workspaces.set(w.id, {
			id: w.id,
			name: w.name,
			kind: 'adminOnly',
			deleted: w.deleted ?? false,
			enterpriseManagedMcp: w.enterpriseManagedMcp ?? true,
		});
		const members = new Map<string, AdminOnlyMember>();
		for (const m of w.members) {
			const email = m.email.toLowerCase();
			const id = m.id ?? idOfEmail.get(email) ?? uuidFrom(random);
			idOfEmail.set(email, id);
			members.set(id, { id, email, name: m.name, role: m.role, active: m.active ?? true });
			people.push({ id, workspaceId: w.id, name: m.name });
		}
		state.members.set(w.id, members);
		state.bots.set(w.id, (w.bots ?? []).map((b) => ({ id: b.id ?? uuidFrom(random), name: b.name })));
	}
	if ((org.credentials ?? 'generated') === 'generated') generate(state, people, random);
	const organization = new Organization(state);
	const workspaces = organization.workspaces().map((w) => ({
		id: w.id,
		people: organization
			.users(w.id, store)
			.filter((u) => u.type === 'person' && organization.roleIn(u.id, w.id, store) !== 'restricted_member')
			.map((u) => u.id),
	}));
	for (const g of seedAdminGroups(workspaces, prng(hashOf(`${seed.workspace.id}:groups`)))) organization.adminGroups.put(g);
	return organization;
}

/**
 * Per person, by position i in their workspace: sessions 1–3 (every account); a PAT for every
 * third (i % 3 === 0) plus an expired one for every sixth and a revoked one for every ninth;
 * MCP: i % 4 === 0 Claude Code (2 tokens), i % 4 === 1 Cursor enterprise-managed (1 token),
 * i % 8 === 0 also Codex (1 token), i % 10 === 5 a custom client (1 token).
 */
export function generate(
	state: Pick<OrganizationState, 'sessions' | 'pats' | 'mcp'>,
	people: Person[],
	random: () => number,
): void {
	const position = new Map<string, number>();
	for (const p of people) {
		const i = position.get(p.workspaceId) ?? 0;
		position.set(p.workspaceId, i + 1);
		if (!state.sessions.has(p.id)) state.sessions.set(p.id, 1 + Math.floor(random() * 3));
		const first = p.name.split(' ')[0];
		const pat = (name: string, status: PatState['status'], hours: number, expiry: string | null) => {
			const id = uuidFrom(random);
			state.pats.set(id, {
				id,
				spaceId: p.workspaceId,
				name,
				creatorId: p.id,
				status,
				createdTime: at(hours),
				expiryTime: expiry,
				lastUsedTime: status === 'active' ? at(hours + 24) : null,
			});
		};
		if (i % 3 === 0) pat(`${first}'s automation`, 'active', i, null);
		if (i % 6 === 0) pat(`${first}'s old script`, 'expired', i - 2000, at(i - 1000));
		if (i % 9 === 0) pat(`${first}'s revoked token`, 'revoked', i - 500, null);
		const mcp = (client: McpClient, managed: boolean, tokens: number) => {
			const c: McpConnectionState = {
				userId: p.id,
				workspaceId: p.workspaceId,
				client,
				isEnterpriseManaged: managed,
				idpIssuer: managed ? IDP_ISSUER : null,
				activeTokens: tokens,
				status: 'active',
				createdAt: at(i + 100),
				lastActiveAt: at(i + 200),
			};
			state.mcp.push(c);
		};
		if (i % 4 === 0) mcp(CLIENTS.claude, false, 2);
		if (i % 4 === 1) mcp(CLIENTS.cursor, true, 1);
		if (i % 8 === 0) mcp(CLIENTS.codex, false, 1);
		if (i % 10 === 5) mcp(CLIENTS.custom, false, 1);
	}
}
