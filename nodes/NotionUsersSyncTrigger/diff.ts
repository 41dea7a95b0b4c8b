/**
 * Compares the stored baseline with a complete listing and says what changed, without any I/O.
 *
 * What keeps it free of false events:
 * - a field is compared only when both sides know it (role `unknown`, status `null`, email
 *   `null` mean "this source cannot see it"); the known value is carried forward;
 * - the name hash is compared only when both listings came from the same source (SCIM and the
 *   standard API do not report the same name parts);
 * - members of a kind the current source cannot list (bots under SCIM, deactivated people under
 *   the standard API) are carried forward when missing; bots appear silently when the previous
 *   source could not list them;
 * - a person the baseline does not hold who is listed deactivated (a newcomer deactivated at
 *   once, someone the standard API hid, someone reported removed) is neither reported nor
 *   taken in: the workflow has no record of them, so they are announced with `member.added`
 *   once listed active, never with a `member.reactivated` for someone it was told is gone;
 * - a disappearance becomes a removal only when the caller confirmed it, and a member the caller
 *   holds (a deactivation not proven yet) keeps its stored record.
 */
import type { Member, Role, Source } from '../common/connector/model';
import { nameHashFor, packedIdOf, storedOf } from './rebuiltMembers';
import { activeOf, kindOf, type Baseline, type Kind, type StoredMember } from './storedBaseline';

export type ProfileField = 'name' | 'email';

export type MemberChange =
	| { type: 'added'; member: Member }
	| { type: 'removed'; id: string; previous: StoredMember }
	| {
			type: 'updated';
			member: Member;
			fields: ProfileField[];
			/** Only the email's earlier value is stored; a renamed member's old name is not. */
			previousEmail: string | null;
	  }
	| { type: 'role_changed'; member: Member; before: Role; after: Role }
	| { type: 'deactivated'; member: Member }
	| { type: 'reactivated'; member: Member };

export interface SourceView {
	source: Source;
	seesBots: boolean;
	seesDeactivated: boolean;
}

export interface DiffResult {
	changes: MemberChange[];
	next: Baseline;
}

/** What a listing's source can see: SCIM lists people only, the standard API only current members. */
export function viewOf(source: Source, members: readonly Member[]): SourceView {
	return {
		source,
		seesBots: source === 'api' || members.some((member) => member.type === 'bot'),
		seesDeactivated: source === 'scim',
	};
}

/**
 * A listing indexed by encoded id (see `encodeId`), in listing order. Made once per poll: the
 * disappearances and the diff share it, so each of 100,000 ids is packed once.
 */
export type ListedMembers = ReadonlyMap<string, Member>;

/**
 * Indexes members by encoded id, keeping the last occurrence of each id in the place of the
 * first (paging under concurrent changes can repeat a member). Given `into`, adds to that index
 * (members found by a confirmation join the listing): members already there are replaced in
 * place, new ones follow.
 */
export function indexMembers(members: readonly Member[], into = new Map<string, Member>()): Map<string, Member> {
	for (const member of members) into.set(packedIdOf(member), member);
	return into;
}

export function baselineFrom(view: SourceView, listed: ListedMembers): Baseline {
	const stored = new Map<string, StoredMember>();
	for (const [id, member] of listed) stored.set(id, storedOf(member));
	return { ...view, members: stored };
}

/** Keeps the last occurrence of each id (paging under concurrent changes can repeat a member). */
export function dedupe(members: readonly Member[]): Member[] {
	const byId = new Map<string, Member>();
	for (const member of members) byId.set(member.id, member);
	return [...byId.values()];
}

/** A person listed deactivated whom the baseline does not hold: not announced, not stored, until listed active. */
function isUnannounced(member: Member): boolean {
	return member.type === 'person' && member.active === false;
}

/** Whether the current source would have listed a member of this kind. */
function visibleTo(view: SourceView, kind: Kind): boolean {
	if (kind === 'bot') return view.seesBots;
	if (kind === 'deactivated') return view.seesDeactivated;
	return true;
}

/** Ids (encoded) of stored members missing from the listing that the current source would have listed. */
export function disappeared(previous: Baseline, view: SourceView, listed: ListedMembers): string[] {
	const missing: string[] = [];
	for (const [id, stored] of previous.members) {
		if (!listed.has(id) && visibleTo(view, stored.kind)) missing.push(id);
	}
	return missing;
}

/**
 * Encoded ids of listed members the listing shows deactivated since the baseline: the claims a
 * diff would report as `deactivated`, to be proven first.
 */
export function deactivatedClaims(previous: Baseline, listed: ListedMembers): string[] {
	const claims: string[] = [];
	for (const [id, member] of listed) {
		const before = previous.members.get(id);
		if (before !== undefined && member.active === false && activeOf(before.kind) === true) claims.push(id);
	}
	return claims;
}

/** Members of the baseline the current source would list: what a listing is measured against. */
export function visibleCount(previous: Baseline, view: SourceView): number {
	let count = 0;
	for (const stored of previous.members.values()) if (visibleTo(view, stored.kind)) count++;
	return count;
}

/** Whether a diff against `previous` would report this member (it is new, or a seen field changed). */
export function isReported(previous: Baseline, view: SourceView, member: Member): boolean {
	const before = previous.members.get(packedIdOf(member));
	if (before === undefined) return !isUnannounced(member);
	const changes: MemberChange[] = [];
	compare(before, member, kindOf(member), previous.source === view.source, changes);
	return changes.length > 0;
}

export function diff(
	previous: Baseline,
	view: SourceView,
	listed: ListedMembers,
	/** Encoded ids whose disappearance is confirmed; other missing members are carried forward. */
	confirmedGone: ReadonlySet<string>,
	/** Listed members whose claimed change is not proven yet: their stored records are kept as they are. */
	held: ReadonlySet<string> = new Set(),
): DiffResult {
	const sameSource = previous.source === view.source;
	const changes: MemberChange[] = [];
	const next = new Map<string, StoredMember>();

	for (const [id, member] of listed) {
		const before = previous.members.get(id);
		if (before !== undefined && held.has(id)) {
			next.set(id, before);
			continue;
		}
		const kind = kindOf(member);
		if (before === undefined) {
			if (isUnannounced(member)) continue;
			next.set(id, storedOf(member));
			const previousSourceCouldNotSee = !sameSource && kind === 'bot' && !previous.seesBots;
			if (!previousSourceCouldNotSee) changes.push({ type: 'added', member });
			continue;
		}
		next.set(id, compare(before, member, kind, sameSource, changes));
	}

	for (const [id, stored] of previous.members) {
		if (listed.has(id)) continue;
		if (visibleTo(view, stored.kind) && confirmedGone.has(id)) {
			changes.push({ type: 'removed', id, previous: stored });
		} else {
			// The baseline now speaks for the new source: a name hash from the old one would
			// make the member look renamed when the new source lists it.
			next.set(id, sameSource || stored.nameHash === null ? stored : { ...stored, nameHash: null });
		}
	}

	return { changes, next: { ...view, members: next } };
}

/**
 * Appends the member's changes to `changes` and returns what the next baseline keeps of it: the
 * stored record itself when nothing in it changed, which is most members at most polls.
 */
function compare(
	before: StoredMember,
	member: Member,
	kind: Kind,
	sameSource: boolean,
	changes: MemberChange[],
): StoredMember {
	const nameHash = nameHashFor(member);
	const nameChanged = sameSource && nameHash !== null && before.nameHash !== null && nameHash !== before.nameHash;
	const emailChanged = member.email !== null && before.email !== null && member.email !== before.email;
	if (nameChanged || emailChanged) {
		const fields: ProfileField[] = [];
		if (nameChanged) fields.push('name');
		if (emailChanged) fields.push('email');
		changes.push({ type: 'updated', member, fields, previousEmail: before.email });
	}

	if (member.role !== 'unknown' && before.role !== 'unknown' && member.role !== before.role) {
		changes.push({ type: 'role_changed', member, before: before.role, after: member.role });
	}

	const wasActive = activeOf(before.kind);
	if (member.active !== null && wasActive !== null && member.active !== wasActive) {
		changes.push({ type: member.active ? 'reactivated' : 'deactivated', member });
	}

	const nextKind = kind === 'status_unknown' && before.kind !== 'bot' ? before.kind : kind;
	const role = member.role === 'unknown' ? before.role : member.role;
	const nextNameHash = nameHash ?? before.nameHash;
	const email = member.email ?? before.email;
	if (nextKind === before.kind && role === before.role && nextNameHash === before.nameHash && email === before.email) {
		return before;
	}
	return { kind: nextKind, role, nameHash: nextNameHash, email };
}
