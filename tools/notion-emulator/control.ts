/** EmulatorControl: what tests (and the HTTP control API) may read or change behind the APIs' back. */
import { randomUUID } from 'node:crypto';
import type { FileHost } from './admin/fileHost';
import { addMcpConnection, addPat, finishExport } from './admin/orgControl';
import type { Runtime } from './runtime';
import { isPersonMember, memberRecord, type PersonRecord } from './records';
import { DEFAULT_BEHAVIOURS, ROLES, type EmulatorControl, type SeedMember } from './types';
import { snapshotOf } from './workspaceSnapshot';

const ID_SEGMENT = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

/** `GET /scim/v2/Users/{id}`: ids become `{id}` so counts group by endpoint. */
export function endpointKey(method: string, path: string): string {
	return `${method} ${path
		.split('/')
		.map((s) => (ID_SEGMENT.test(s) ? '{id}' : s))
		.join('/')}`;
}

function assertRole(role: unknown): void {
	if (!ROLES.includes(role as (typeof ROLES)[number]))
		throw new Error(`role must be one of ${ROLES.join(', ')}`);
}

export function createControl(rt: Runtime, fileHost?: FileHost): EmulatorControl {
	const member = (id: string): PersonRecord => {
		const user = rt.store.user(id);
		if (!isPersonMember(user)) throw new Error(`no member with id ${id}`);
		return user;
	};
	/** Notion revokes the SCIM token when its owner leaves or stops being an owner. */
	const revokeIfOwnerLost = (next: PersonRecord) => {
		if (
			next.id === rt.store.scimTokenOwnerId &&
			!(next.kind === 'member' && next.active && next.role === 'owner')
		) {
			rt.store.revokeScimToken();
		}
	};
	return {
		requestLog: () => rt.log.map((e) => ({ ...e })),
		requestCounts: () => {
			const counts: Record<string, number> = {};
			for (const e of rt.log) {
				const key = endpointKey(e.method, e.path);
				counts[key] = (counts[key] ?? 0) + 1;
			}
			return counts;
		},
		resetLog: () => {
			rt.log.length = 0;
		},
		scriptFaults: (faults) => rt.faults.scriptNext(faults),
		setFaultRate: (rate, kinds, seed) => rt.faults.setRate(rate, kinds, seed),
		scriptListingChanges: (changes) => rt.faults.scriptListingChanges(changes),
		clearFaults: () => rt.faults.clear(),
		setBehaviours: (partial) => {
			for (const key of Object.keys(partial)) {
				if (!(key in DEFAULT_BEHAVIOURS)) throw new Error(`unknown behaviour ${key}`);
			}
			Object.assign(rt.behaviours, partial);
		},
		revokeScimToken: () => rt.store.revokeScimToken(),
		restoreScimToken: () => {
			const owner = rt.store.user(rt.store.scimTokenOwnerId);
			if (!(isPersonMember(owner) && owner.kind === 'member' && owner.active && owner.role === 'owner'))
				throw new Error('the SCIM token owner is no longer an active owner');
			rt.store.restoreScimToken();
		},
		setPlan: (plan) => {
			if (plan !== 'enterprise' && plan !== 'business')
				throw new Error(`unknown plan ${String(plan)}`);
			rt.store.info.plan = plan;
		},
		setEmailCapability: (on) => {
			rt.store.info.emailCapability = on;
		},
		setUserCapability: (on) => {
			rt.store.info.userCapability = on;
		},
		addMember: (m: SeedMember) => {
			if (!m.email || !m.name) throw new Error('a member needs an email and a name');
			assertRole(m.role);
			if (rt.store.personByEmail(m.email)) throw new Error(`${m.email} already has an account`);
			const id = m.id ?? randomUUID();
			if (rt.store.user(id)) throw new Error(`id ${id} is taken`);
			rt.store.putUser(memberRecord(m, id, rt.store.now()));
			return id;
		},
		updateMember: (id, partial) => {
			const current = member(id);
			if (partial.role !== undefined) assertRole(partial.role);
			const email = partial.email?.toLowerCase();
			if (email && email !== current.email && rt.store.personByEmail(email)) {
				throw new Error(`${email} already has an account`);
			}
			// Only the editable fields: an HTTP body may carry anything.
			const next: PersonRecord = {
				...current,
				email: email ?? current.email,
				name: partial.name ?? current.name,
				givenName: partial.givenName ?? current.givenName,
				familyName: partial.familyName ?? current.familyName,
				role: partial.role ?? current.role,
				active: partial.active ?? current.active,
				roleHidden: partial.roleHidden ?? current.roleHidden,
				lastModified: rt.store.now(),
			};
			rt.store.putUser(next);
			revokeIfOwnerLost(next);
		},
		removeMember: (id) => {
			const next = rt.store.removeMember(member(id), rt.behaviours.deletedUserLookup);
			revokeIfOwnerLost(next);
		},
		addGroup: (g) => {
			const at = rt.store.now();
			const members = new Set(
				(g.memberEmails ?? []).map((email) => {
					const user = rt.store.personByEmail(email);
					if (!isPersonMember(user) || !user.active)
						throw new Error(`${email} is not an active member`);
					return user.id;
				}),
			);
			const id = g.id ?? randomUUID();
			if (rt.store.group(id)) throw new Error(`group id ${id} is taken`);
			rt.store.putGroup({
				id,
				displayName: g.displayName,
				members,
				ownsPages: g.ownsPages ?? false,
				created: at,
				lastModified: at,
			});
			return id;
		},
		addMcpConnection: (c) => addMcpConnection(rt.store, c),
		addPat: (p) => addPat(rt.store, p),
		finishExport: (jobId, outcome) => finishExport(rt.store, rt.behaviours, jobId, outcome),
		fileHostRequests: () => fileHost?.requests() ?? [],
		snapshot: () => {
			const org = rt.store.org;
			return { ...snapshotOf(rt.store), ...(org ? { organization: org.snapshot() } : {}) };
		},
	};
}
