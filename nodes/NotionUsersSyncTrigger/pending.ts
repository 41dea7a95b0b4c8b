/**
 * A member listing longer than one poll, kept in static data between polls until it completes:
 * the records of the members listed so far (the baseline's encoding, so ≤ 64 bytes a member),
 * the names of the few members the final diff will report (a record keeps only a name hash),
 * and the connector's cursor to go on from. It is never the baseline: it only becomes part of
 * one when the listing completes.
 */
import type { ListingCursor, Member, Source, Via } from '../common/connector/model';
import { memberFromRecord, namesOf, packedIdOf, storedOf, type MemberNames } from './rebuiltMembers';
import { decodeRecords, encodeRecords, type StoredMember, type StoredRecords } from './storedBaseline';
import { isStoredPending } from './storedShapes';

export interface PendingListing {
	/** The watched workspace, as for the baseline. */
	scope: string;
	/** `committedAt` of the baseline the listing will be compared with ('' for none): another one voids it. */
	baselineAt: string;
	source: Source;
	resume: ListingCursor;
	/** False once a part was inconsistent or the listing had to start over. */
	consistent: boolean;
	startedAt: string;
	/** Polls that added a part so far. */
	polls: number;
	/**
	 * Set when the listing is complete but the poll that completed it ran out of time to prove
	 * its removals and deactivations: the next poll goes on proving them with its whole budget
	 * instead of listing again.
	 */
	proving?: Proving;
	/** Keyed by encoded id, like the baseline. */
	members: Map<string, StoredMember>;
	names: Map<string, MemberNames>;
}

/** The listing as kept in static data: the same fields, its members packed, its names a plain object. */
export type StoredPending = Omit<PendingListing, 'members' | 'names'> &
	StoredRecords & { v: 1; names: Record<string, MemberNames> };

/** A complete listing still being proven: its source, and the claims proven so far (encoded ids). */
export interface Proving {
	via: Via;
	gone: string[];
	deactivated: string[];
}

export function newPending(
	basis: { scope: string; baselineAt: string; source: Source; startedAt: string },
	resume: ListingCursor,
): PendingListing {
	return { ...basis, resume, consistent: true, polls: 0, members: new Map(), names: new Map() };
}

/** Adds one poll's part; `reported` says whose names the final diff will need. */
export function addPart(pending: PendingListing, members: readonly Member[], reported: (member: Member) => boolean): void {
	for (const member of members) {
		const id = packedIdOf(member);
		pending.members.set(id, storedOf(member));
		if (reported(member)) pending.names.set(id, namesOf(member));
		else pending.names.delete(id);
	}
	pending.polls += 1;
}

/** The members listed by the earlier parts, rebuilt for the diff. */
export function pendingMembers(pending: PendingListing): Member[] {
	return [...pending.members].map(([id, stored]) => memberFromRecord(id, stored, pending.source, pending.names.get(id)));
}

export function encodePending(pending: PendingListing): StoredPending {
	const { members, names, ...fields } = pending;
	return { v: 1, ...fields, ...encodeRecords(members), names: Object.fromEntries(names) };
}

/** `undefined` when nothing usable is stored: the next listing then starts at the beginning. */
export function decodePending(stored: unknown): PendingListing | undefined {
	if (!isStoredPending(stored)) return undefined;
	const members = decodeRecords(stored);
	if (members === undefined) return undefined;
	const names = new Map<string, MemberNames>();
	for (const [id, value] of Object.entries(stored.names)) {
		if (Array.isArray(value) && value.length === 3) names.set(id, value);
	}
	return {
		scope: stored.scope,
		baselineAt: stored.baselineAt,
		source: stored.source,
		resume: stored.resume,
		consistent: stored.consistent,
		startedAt: stored.startedAt,
		polls: stored.polls,
		members,
		names,
		...(stored.proving === undefined ? {} : { proving: stored.proving }),
	};
}
