/**
 * The organization behind the Admin API. Its main workspace is the one the SCIM and standard API
 * serve: its people are read from the Workspace store every time, never copied, so a member removed
 * or deactivated through SCIM is gone from the Admin API at once. A linked workspace (another
 * emulator's, joined with `organizationOf`) is read the same way from its own store. Further
 * workspaces, sessions,
 * PATs and MCP connections live here. They are keyed by user id and outlive a SCIM removal, as in
 * Notion (removing someone does not sign them out nor revoke their tokens).
 * Records are replaced, never mutated, so clone() (for a fault's throw-away write) is shallow.
 */
import type { Workspace } from '../store';
import type { McpConnectionState, OrganizationSnapshot, OrgWorkspaceState, PatState } from './types';
import type { Role } from '../types';
import { Records } from './records';
import type { AdminGroupState, ExportJobState, LegalHoldState } from './stateTypes';
import { cloneAnalytics, type AnalyticsState } from './activity';
import { snapshotOf } from './orgSnapshot';
import { byId, storeUsers, type OrgUser } from './orgUsers';

export type { OrgUser } from './orgUsers';

export interface AdminOnlyMember {
	id: string;
	email: string;
	name: string;
	role: Role;
	active: boolean;
}

export interface OrganizationState {
	id: string;
	name: string;
	adminToken: string;
	domains: string[];
	workspaces: Map<string, OrgWorkspaceState>;
	/** Members of each Admin-API-only workspace, by workspace id. */
	members: Map<string, Map<string, AdminOnlyMember>>;
	/** The stores of linked workspaces (served over SCIM and the standard API by another emulator). */
	linked: Map<string, Workspace>;
	bots: Map<string, Array<{ id: string; name: string }>>;
	sessions: Map<string, number>;
	pats: Map<string, PatState>;
	mcp: McpConnectionState[];
	denied: Set<string>;
	adminGroups: Records<AdminGroupState>;
	exports: Records<ExportJobState>;
	legalHolds: Records<LegalHoldState>;
	analytics: AnalyticsState;
	/** The file host's base URL (export downloads), set once it listens. */
	fileHostUrl: string;
}

export class Organization {
	constructor(private readonly s: OrganizationState) {}

	clone(): Organization {
		const s = this.s;
		return new Organization({
			...s,
			domains: [...s.domains],
			workspaces: new Map(s.workspaces),
			members: new Map([...s.members].map(([k, v]) => [k, new Map(v)])),
			// A linked store belongs to its own emulator; this organization only reads it.
			linked: new Map(s.linked),
			bots: new Map(s.bots),
			sessions: new Map(s.sessions),
			pats: new Map(s.pats),
			mcp: [...s.mcp],
			denied: new Set(s.denied),
			adminGroups: s.adminGroups.clone(),
			exports: s.exports.clone(),
			legalHolds: s.legalHolds.clone(),
			analytics: cloneAnalytics(s.analytics),
		});
	}

	get id(): string {
		return this.s.id;
	}

	get name(): string {
		return this.s.name;
	}

	get adminToken(): string {
		return this.s.adminToken;
	}

	get adminGroups(): Records<AdminGroupState> {
		return this.s.adminGroups;
	}

	get exports(): Records<ExportJobState> {
		return this.s.exports;
	}

	get legalHolds(): Records<LegalHoldState> {
		return this.s.legalHolds;
	}

	get analytics(): AnalyticsState {
		return this.s.analytics;
	}

	get fileHostUrl(): string {
		return this.s.fileHostUrl;
	}

	set fileHostUrl(url: string) {
		this.s.fileHostUrl = url;
	}

	/** Adds another emulator's workspace: its people are read from `store` from now on. */
	link(store: Workspace): void {
		const { id, name } = store.info;
		if (this.s.workspaces.has(id)) throw new Error(`organization: workspace id ${id} is taken`);
		this.s.workspaces.set(id, { id, name, kind: 'linked', deleted: false, enterpriseManagedMcp: true });
		this.s.linked.set(id, store);
	}

	/** Where sessions, PATs and MCP connections are seeded (organization seeding only). */
	seedable(): Pick<OrganizationState, 'sessions' | 'pats' | 'mcp'> {
		return this.s;
	}

	/** The store a live workspace's people are read from: `main`'s is the caller's, a linked one its own. */
	storeOf(workspaceId: string, main: Workspace): Workspace | undefined {
		const ws = this.workspace(workspaceId);
		if (ws?.kind === 'main') return main;
		return ws?.kind === 'linked' ? this.s.linked.get(ws.id) : undefined;
	}

	/** The stores of every workspace served over SCIM: the main one first. */
	private stores(main: Workspace): Workspace[] {
		return [main, ...this.s.linked.values()];
	}

	/** The role of an active member (a guest: 'guest'), or undefined when not in that live workspace. */
	roleIn(userId: string, workspaceId: string, main: Workspace): Role | 'guest' | undefined {
		const ws = this.workspace(workspaceId);
		if (!ws) return undefined;
		const store = this.storeOf(ws.id, main);
		if (store) {
			const user = store.user(userId);
			if (user?.kind === 'guest') return 'guest';
			return user?.kind === 'member' && user.active ? user.role : undefined;
		}
		const m = this.s.members.get(ws.id)?.get(userId);
		return m?.active ? m.role : undefined;
	}

	/** Live workspaces ordered by id, as list-spaces answers. */
	workspaces(): OrgWorkspaceState[] {
		return [...this.s.workspaces.values()].filter((w) => !w.deleted).sort(byId);
	}

	/** A live workspace of the organization; deleted or foreign ones are unknown. */
	workspace(id: string): OrgWorkspaceState | undefined {
		const ws = this.s.workspaces.get(id);
		return ws && !ws.deleted ? ws : undefined;
	}

	/**
	 * Active members (restricted included) and bots, ordered by id; for the main workspace, the
	 * store's (kept between calls while it is unchanged: orgUsers.ts). Not to be changed by the caller.
	 */
	users(workspaceId: string, main: Workspace): readonly OrgUser[] {
		const ws = this.workspace(workspaceId);
		if (!ws) return [];
		const store = this.storeOf(ws.id, main);
		if (store) return storeUsers(store);
		const users: OrgUser[] = [];
		for (const m of this.s.members.get(ws.id)?.values() ?? []) {
			if (m.active) users.push({ id: m.id, type: 'person', name: m.name, email: m.email });
		}
		for (const b of this.s.bots.get(ws.id) ?? []) users.push({ id: b.id, type: 'bot', name: b.name });
		return users.sort(byId);
	}

	/** Whether the person has an account known to that workspace (a member now or earlier). */
	knownIn(userId: string, workspaceId: string, main: Workspace): boolean {
		const ws = this.workspace(workspaceId);
		if (!ws) return false;
		const store = this.storeOf(ws.id, main);
		if (store) {
			const user = store.user(userId);
			return user?.kind === 'member' || user?.kind === 'former';
		}
		return this.s.members.get(ws.id)?.has(userId) ?? false;
	}

	/** An account of the organization's verified domains, found by email anywhere in it. */
	managedUserByEmail(email: string, main: Workspace): string | undefined {
		const lower = email.toLowerCase();
		if (!this.s.domains.includes(lower.split('@')[1] ?? '')) return undefined;
		return this.accountByEmail(lower, main);
	}

	/** The account (not a guest) an email has anywhere in the organization: one email, one user id. */
	accountByEmail(email: string, main: Workspace): string | undefined {
		const lower = email.toLowerCase();
		for (const store of this.stores(main)) {
			const person = store.personByEmail(lower);
			if (person && person.kind !== 'guest') return person.id;
		}
		for (const members of this.s.members.values()) {
			for (const m of members.values()) if (m.email === lower) return m.id;
		}
		return undefined;
	}

	/** A managed user by id: known somewhere in the organization and on a verified domain. */
	managedUserById(id: string, main: Workspace): string | undefined {
		for (const store of this.stores(main)) {
			const person = store.user(id);
			if (person && person.kind !== 'bot' && person.kind !== 'guest') {
				return this.managedUserByEmail(person.email, main);
			}
		}
		for (const members of this.s.members.values()) {
			const m = members.get(id);
			if (m) return this.managedUserByEmail(m.email, main);
		}
		return undefined;
	}

	/** Name and email of an account known anywhere in the organization (for PAT creators). */
	person(id: string, main: Workspace): { name: string; email: string } | undefined {
		for (const store of this.stores(main)) {
			const user = store.user(id);
			if (user && user.kind !== 'bot') return { name: user.name, email: user.email };
		}
		for (const members of this.s.members.values()) {
			const m = members.get(id);
			if (m) return { name: m.name, email: m.email };
		}
		return undefined;
	}

	revokeSessions(userId: string): void {
		this.s.sessions.set(userId, 0);
	}

	pats(spaceId: string): PatState[] {
		return [...this.s.pats.values()].filter((p) => p.spaceId === spaceId).sort(byId);
	}

	pat(spaceId: string, id: string): PatState | undefined {
		const pat = this.s.pats.get(id);
		return pat && pat.spaceId === spaceId && this.workspace(spaceId) ? pat : undefined;
	}

	putPat(pat: PatState): void {
		this.s.pats.set(pat.id, pat);
	}

	mcpConnections(): readonly McpConnectionState[] {
		return this.s.mcp;
	}

	addMcp(connection: McpConnectionState): void {
		this.s.mcp = [...this.s.mcp, connection];
	}

	/** Revokes the matching connections' tokens; answers how many tokens that was. */
	revokeMcp(match: (c: McpConnectionState) => boolean): number {
		let count = 0;
		this.s.mcp = this.s.mcp.map((c) => {
			if (!match(c) || c.activeTokens === 0) return c;
			count += c.activeTokens;
			return { ...c, activeTokens: 0, status: 'revoked' };
		});
		return count;
	}

	isDenied(userId: string, workspaceId: string): boolean {
		return this.s.denied.has(`${userId}:${workspaceId}`);
	}

	setDenied(userId: string, workspaceId: string, denied: boolean): void {
		if (denied) this.s.denied.add(`${userId}:${workspaceId}`);
		else this.s.denied.delete(`${userId}:${workspaceId}`);
	}

	snapshot(): OrganizationSnapshot {
		return snapshotOf(this.s);
	}
}
