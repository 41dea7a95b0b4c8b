/**
 * Members rebuilt from stored records (listed by an earlier poll of a listing that spanned
 * several) stand in the diff beside freshly listed ones. A record keeps only a hash of the
 * names, so a rebuilt member carries its record's packed id and name hash with it, and the
 * baseline keeps them as they were instead of hashing names it no longer has.
 */
import type { Member, Source } from '../common/connector/model';
import { activeOf, decodeId, encodeId, kindOf, nameHashOf, type StoredMember } from './storedBaseline';

/** The packed id and name hash of each rebuilt member, by object: listed members have none. */
const fromRecords = new WeakMap<Member, { id: string; nameHash: string | null }>();

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
	fromRecords.set(member, { id, nameHash: stored.nameHash });
	return member;
}

/** The name hash the baseline keeps for a member: a rebuilt member keeps its record's. */
export function nameHashFor(member: Member): string | null {
	const record = fromRecords.get(member);
	return record === undefined ? nameHashOf(member) : record.nameHash;
}

/** What the baseline keeps of a member. */
export function storedOf(member: Member): StoredMember {
	return { kind: kindOf(member), role: member.role, nameHash: nameHashFor(member), email: member.email };
}

export function packedIdOf(member: Member): string {
	return fromRecords.get(member)?.id ?? encodeId(member.id);
}
