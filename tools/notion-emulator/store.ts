/**
 * Workspace state. Records are immutable (every change stores a new object), so a clone that
 * shares them is cheap: it lets a 'truncated' fault compute a write's real answer without effect.
 * Listing stays O(page): SCIM pages slice an ordered id array, API pages binary-search a sequence.
 */
import { randomUUID } from 'node:crypto';
import type { Organization } from './admin/organization';
import { seedPeople } from './seedPeople';
import { inApiList, isPersonMember, type GroupRecord, type PersonRecord, type UserRecord } from './records';
import type { Plan, Seed } from './types';

export interface WorkspaceInfo {
	id: string;
	name: string;
	plan: Plan;
	emailCapability: boolean;
	userCapability: boolean;
}

interface State {
	info: WorkspaceInfo;
	tokens: { api: string; scim: string };
	scimTokenOwnerId: string;
	scimRevoked: boolean;
	botId: string;
	users: Map<string, UserRecord>;
	byEmail: Map<string, string>;
	/** Members (active or not) in SCIM list order. */
	scimIds: string[];
	/** Active members and bots in /v1/users order, sorted by seq (cursors name a seq). */
	api: Array<{ seq: number; id: string }>;
	apiSeqOf: Map<string, number>;
	nextSeq: number;
	groups: Map<string, GroupRecord>;
	groupIds: string[];
	newcomers: number;
	/** The Admin API's organization; travels with the workspace so a throw-away clone has its own. */
	org?: Organization;
}

export class Workspace {
	private constructor(
		private readonly s: State,
		readonly now: () => number,
	) {}

	static fromSeed(seed: Seed, now: () => number = Date.now): Workspace {
		const bots = seed.bots.length > 0 ? seed.bots : [{ name: 'Notion Admin integration' }];
		const botIds = bots.map((b) => b.id ?? randomUUID());
		const ws = new Workspace(
			{
				info: { ...seed.workspace, userCapability: seed.workspace.userCapability ?? true },
				tokens: { ...seed.tokens },
				scimTokenOwnerId: seed.scimTokenOwnerId,
				scimRevoked: false,
				botId: botIds[0],
				users: new Map(),
				byEmail: new Map(),
				scimIds: [],
				api: [],
				apiSeqOf: new Map(),
				nextSeq: 1,
				groups: new Map(),
				groupIds: [],
				newcomers: 0,
			},
			now,
		);
		seedPeople(ws, seed, bots.map((b, i) => ({ id: botIds[i], name: b.name })), now());
		return ws;
	}

	clone(): Workspace {
		const s = this.s;
		return new Workspace(
			{
				...s,
				info: { ...s.info },
				tokens: { ...s.tokens },
				users: new Map(s.users),
				byEmail: new Map(s.byEmail),
				scimIds: [...s.scimIds],
				api: [...s.api],
				apiSeqOf: new Map(s.apiSeqOf),
				groups: new Map(s.groups),
				groupIds: [...s.groupIds],
				org: s.org?.clone(),
			},
			this.now,
		);
	}

	get org(): Organization | undefined {
		return this.s.org;
	}

	attachOrganization(org: Organization): void {
		this.s.org = org;
	}

	get info(): WorkspaceInfo {
		return this.s.info;
	}

	get tokens(): { api: string; scim: string } {
		return this.s.tokens;
	}

	get scimTokenOwnerId(): string {
		return this.s.scimTokenOwnerId;
	}

	get scimRevoked(): boolean {
		return this.s.scimRevoked;
	}

	revokeScimToken(): void {
		this.s.scimRevoked = true;
	}

	restoreScimToken(): void {
		this.s.scimRevoked = false;
	}

	/** The integration bot behind the API token. */
	get botId(): string {
		return this.s.botId;
	}

	user(id: string): UserRecord | undefined {
		return this.s.users.get(id);
	}

	personByEmail(email: string): PersonRecord | undefined {
		const id = this.s.byEmail.get(email.toLowerCase());
		return id === undefined ? undefined : (this.s.users.get(id) as PersonRecord);
	}

	scimUserCount(): number {
		return this.s.scimIds.length;
	}

	/** SCIM members from a 0-based offset. */
	scimUserPage(offset: number, count: number): PersonRecord[] {
		return this.s.scimIds
			.slice(offset, offset + count)
			.map((id) => this.s.users.get(id) as PersonRecord);
	}

	*scimUsers(): Iterable<PersonRecord> {
		for (const id of this.s.scimIds) yield this.s.users.get(id) as PersonRecord;
	}

	/** /v1/users page starting at the first entry whose seq is ≥ fromSeq. */
	apiPage(fromSeq: number, size: number): { users: UserRecord[]; nextSeq?: number } {
		const api = this.s.api;
		const start = lowerBound(api, fromSeq);
		const slice = api.slice(start, start + size);
		const next = api[start + size];
		return { users: slice.map((e) => this.s.users.get(e.id) as UserRecord), nextSeq: next?.seq };
	}

	/** Someone joins while a client pages: first in SCIM order (the unstablePaging switch), or last. */
	joinNewcomer(front = true): void {
		const n = ++this.s.newcomers;
		const id = randomUUID();
		const at = this.now();
		this.putUser(
			{
				id,
				kind: 'member',
				email: `newcomer${n}.${id.slice(0, 8)}@acme.test`,
				name: `Newcomer ${n}`,
				role: 'member',
				active: true,
				roleHidden: false,
				created: at,
				lastModified: at,
			},
			{ front },
		);
	}

	/**
	 * Stores a user and keeps every index true: the email index, the SCIM order, the API order,
	 * and group membership (whoever leaves the workspace leaves all its groups).
	 */
	putUser(next: UserRecord, options: { front?: boolean } = {}): void {
		const s = this.s;
		const prev = s.users.get(next.id);
		s.users.set(next.id, next);
		const prevEmail = prev && prev.kind !== 'bot' ? prev.email : undefined;
		const nextEmail = next.kind !== 'bot' ? next.email : undefined;
		if (prevEmail !== nextEmail) {
			if (prevEmail !== undefined) s.byEmail.delete(prevEmail);
			if (nextEmail !== undefined) s.byEmail.set(nextEmail, next.id);
		}
		if (isPersonMember(prev) && !isPersonMember(next))
			s.scimIds.splice(s.scimIds.indexOf(next.id), 1);
		if (!isPersonMember(prev) && isPersonMember(next)) {
			if (options.front) s.scimIds.unshift(next.id);
			else s.scimIds.push(next.id);
		}
		if (inApiList(prev) && !inApiList(next)) {
			const seq = s.apiSeqOf.get(next.id) as number;
			s.api.splice(lowerBound(s.api, seq), 1);
			s.apiSeqOf.delete(next.id);
			this.leaveAllGroups(next.id);
		}
		if (!inApiList(prev) && inApiList(next)) {
			const seq = s.nextSeq++;
			s.api.push({ seq, id: next.id });
			s.apiSeqOf.set(next.id, seq);
		}
	}

	/** Out of the workspace: gone from every lookup ('404') or kept with active:false ('inactive'). */
	removeMember(current: PersonRecord, lookup: '404' | 'inactive'): PersonRecord {
		const next: PersonRecord = {
			...current,
			kind: lookup === '404' ? 'former' : 'member',
			active: false,
			lastModified: this.now(),
		};
		this.putUser(next);
		return next;
	}

	private leaveAllGroups(userId: string): void {
		for (const group of this.s.groups.values()) {
			if (!group.members.has(userId)) continue;
			const members = new Set(group.members);
			members.delete(userId);
			this.putGroup({ ...group, members, lastModified: this.now() });
		}
	}

	group(id: string): GroupRecord | undefined {
		return this.s.groups.get(id);
	}

	groupCount(): number {
		return this.s.groupIds.length;
	}

	groupPage(offset: number, count: number): GroupRecord[] {
		return this.s.groupIds
			.slice(offset, offset + count)
			.map((id) => this.s.groups.get(id) as GroupRecord);
	}

	allGroups(): GroupRecord[] {
		return this.s.groupIds.map((id) => this.s.groups.get(id) as GroupRecord);
	}

	putGroup(next: GroupRecord): void {
		if (!this.s.groups.has(next.id)) this.s.groupIds.push(next.id);
		this.s.groups.set(next.id, next);
	}

	deleteGroup(id: string): void {
		this.s.groups.delete(id);
		this.s.groupIds.splice(this.s.groupIds.indexOf(id), 1);
	}

	/** Every user the workspace knows: members (active or not), former members, guests and bots. */
	allUsers(): Iterable<UserRecord> {
		return this.s.users.values();
	}
}


function lowerBound(entries: Array<{ seq: number }>, seq: number): number {
	let lo = 0;
	let hi = entries.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (entries[mid].seq < seq) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}
