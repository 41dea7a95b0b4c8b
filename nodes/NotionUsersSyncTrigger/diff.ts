/**
 * Compares the stored baseline with a complete listing and says what changed, without any I/O.
 *
 * What keeps it free of false events:
 * - a field is compared only when both sides know it (role `unknown`, status `null`, email
 *   `null` mean "this source cannot see it"); the known value is carried forward;
 * - the name hash is compared only when both listings came from the same source (SCIM and the
 *   standard API do not report the same name parts);
 * - members of a kind the current source cannot list (bots under SCIM, deactivated people under
 *   the standard API) are carried forward when missing, and appear silently when the previous
 *   source could not list them;
 * - a disappearance becomes a removal only when the caller confirmed it.
 */
import type { Member, Role, Source } from '../shared/connector/model';
import {
	activeOf,
	decodeId,
	encodeId,
	kindOf,
	nameHashOf,
	type Baseline,
	type Kind,
	type StoredMember,
} from './snapshot';

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

export function baselineFrom(view: SourceView, members: readonly Member[]): Baseline {
	const stored = new Map<string, StoredMember>();
	for (const member of members) {
		stored.set(packedIdOf(member), storedOf(member));
	}
	return { ...view, members: stored };
}

/** Keeps the last occurrence of each id (paging under concurrent changes can repeat a member). */
export function dedupe(members: readonly Member[]): Member[] {
	const byId = new Map<string, Member>();
	for (const member of members) byId.set(member.id, member);
	return [...byId.values()];
}

/**
 * A poll packs every listed id twice (finding disappearances, then diffing); the packed form is
 * remembered per member object so a 100,000-member poll packs each id once.
 */
const packedIds = new WeakMap<Member, string>();

/**
 * Members rebuilt from a stored record (listed by an earlier poll of a listing that spanned
 * several) carry the stored name hash: their names are kept only when they are reported.
 */
const recordedNameHashes = new WeakMap<Member, string | null>();

/** The name fields a rebuilt member needs to be reported: name, given name, family name. */
export type MemberNames = [string | null, string | null, string | null];

export function namesOf(member: Member): MemberNames {
	return [member.name, member.givenName, member.familyName];
}

export function memberFromRecord(id: string, stored: StoredMember, source: Source, names?: MemberNames): Member {
	const member: Member = {
		id: decodeId(id),
		email: stored.email,
		name: names?.[0] ?? null,
		givenName: names?.[1] ?? null,
		familyName: names?.[2] ?? null,
		type: stored.kind === 'bot' ? 'bot' : 'person',
		role: stored.role,
		active: activeOf(stored.kind),
		source,
	};
	packedIds.set(member, id);
	recordedNameHashes.set(member, stored.nameHash);
	return member;
}

function nameHashFor(member: Member): string | null {
	return recordedNameHashes.has(member) ? (recordedNameHashes.get(member) ?? null) : nameHashOf(member);
}

/** What the baseline keeps of a member. */
export function storedOf(member: Member): StoredMember {
	return { kind: kindOf(member), role: member.role, nameHash: nameHashFor(member), email: member.email };
}

export function packedIdOf(member: Member): string {
	let packed = packedIds.get(member);
	if (packed === undefined) {
		packed = encodeId(member.id);
		packedIds.set(member, packed);
	}
	return packed;
}

/** Whether the current source would have listed a member of this kind. */
function visibleTo(view: SourceView, kind: Kind): boolean {
	if (kind === 'bot') return view.seesBots;
	if (kind === 'deactivated') return view.seesDeactivated;
	return true;
}

/** Ids (encoded) of stored members missing from the listing that the current source would have listed. */
export function disappeared(previous: Baseline, view: SourceView, members: readonly Member[]): string[] {
	const listed = new Set(members.map(packedIdOf));
	const missing: string[] = [];
	for (const [id, stored] of previous.members) {
		if (!listed.has(id) && visibleTo(view, stored.kind)) missing.push(id);
	}
	return missing;
}

/** Whether a diff against `previous` would report this member (it is new, or a seen field changed). */
export function isReported(previous: Baseline, view: SourceView, member: Member): boolean {
	const before = previous.members.get(packedIdOf(member));
	if (before === undefined) return true;
	return compare(before, member, kindOf(member), previous.source === view.source).memberChanges.length > 0;
}

export function diff(
	previous: Baseline,
	view: SourceView,
	members: readonly Member[],
	/** Encoded ids whose disappearance is confirmed; other missing members are carried forward. */
	confirmedGone: ReadonlySet<string>,
): DiffResult {
	const sameSource = previous.source === view.source;
	const changes: MemberChange[] = [];
	const next = new Map<string, StoredMember>();
	const listed = new Set<string>();

	for (const member of members) {
		const id = packedIdOf(member);
		listed.add(id);
		const before = previous.members.get(id);
		const kind = kindOf(member);
		if (before === undefined) {
			next.set(id, storedOf(member));
			const previousSourceCouldNotSee =
				!sameSource &&
				((kind === 'bot' && !previous.seesBots) || (kind === 'deactivated' && !previous.seesDeactivated));
			if (!previousSourceCouldNotSee) changes.push({ type: 'added', member });
			continue;
		}
		const { stored, memberChanges } = compare(before, member, kind, sameSource);
		next.set(id, stored);
		changes.push(...memberChanges);
	}

	for (const [id, stored] of previous.members) {
		if (listed.has(id)) continue;
		if (visibleTo(view, stored.kind) && confirmedGone.has(id)) {
			changes.push({ type: 'removed', id, previous: stored });
		} else {
			next.set(id, stored);
		}
	}

	return { changes, next: { ...view, members: next } };
}

function compare(
	before: StoredMember,
	member: Member,
	kind: Kind,
	sameSource: boolean,
): { stored: StoredMember; memberChanges: MemberChange[] } {
	const memberChanges: MemberChange[] = [];

	const fields: ProfileField[] = [];
	const nameHash = nameHashFor(member);
	if (sameSource && nameHash !== null && before.nameHash !== null && nameHash !== before.nameHash) {
		fields.push('name');
	}
	if (member.email !== null && before.email !== null && member.email !== before.email) {
		fields.push('email');
	}
	if (fields.length > 0) {
		memberChanges.push({ type: 'updated', member, fields, previousEmail: before.email });
	}

	if (member.role !== 'unknown' && before.role !== 'unknown' && member.role !== before.role) {
		memberChanges.push({ type: 'role_changed', member, before: before.role, after: member.role });
	}

	const wasActive = activeOf(before.kind);
	if (member.active !== null && wasActive !== null && member.active !== wasActive) {
		memberChanges.push({ type: member.active ? 'reactivated' : 'deactivated', member });
	}

	return {
		stored: {
			kind: kind === 'status_unknown' && before.kind !== 'bot' ? before.kind : kind,
			role: member.role === 'unknown' ? before.role : member.role,
			nameHash: nameHash ?? before.nameHash,
			email: member.email ?? before.email,
		},
		memberChanges,
	};
}
