/**
 * A removal or a deactivation is a claim about one person, and a listing is not proof of it: an
 * answer can look valid and still be wrong (an empty page, a short total, a shift while paging).
 * So before the trigger reports anyone removed or deactivated, it asks Notion about that member:
 * a lookup by id, or, when there are too many to look up, another listing that can be trusted
 * and agrees. Whatever neither proves nor disproves is left for the next poll.
 */
import type { Member, ResumableListing, Source } from '../common/connector/model';
import type { NotionDirectory } from '../common/connector/notionDirectory';
import { indexMembers, type ListedMembers } from './diff';
import { decodeId } from './storedBaseline';

/**
 * Lookups when there are more claims than the connector looks up one by one (its
 * MAX_LOOKUPS) and no listing can be trusted: a bounded number a poll, the rest at the next ones.
 */
export const MAX_LOOKUPS_UNTRUSTED = 100;

/** Encoded ids the listing claims changed in a way that cuts someone off. */
export interface Claims {
	missing: readonly string[];
	deactivated: readonly string[];
}

export interface Evidence {
	/** Missing members Notion confirmed gone. */
	gone: Set<string>;
	/** Deactivations Notion confirmed. */
	deactivated: Set<string>;
	/** Members Notion showed in another state than the listing claimed: they are diffed as found. */
	present: Member[];
	/** Claims neither proven nor disproven: their stored records stay as they were. */
	unresolved: Set<string>;
	/** A lookup disproved a claim: the listing missed or misread someone. */
	contradicted: boolean;
	/** The deadline came before every claim was looked up. */
	outOfTime: boolean;
}

export interface Trust {
	source: Source;
	/** The visible baseline size: a listing far smaller than it is not trusted. */
	baselineSize: number;
	deadline: number;
	now: () => number;
	/** Whether one more listing can still finish before the deadline. */
	canRelist: () => boolean;
}

/** Whether a listing may stand as evidence: complete, consistent, same source, not collapsed. */
export function isTrusted(listing: ResumableListing, listedCount: number, trust: Trust): boolean {
	return (
		listing.complete &&
		listing.consistent &&
		listing.via.source === trust.source &&
		!isCollapsed(listedCount, trust.baselineSize)
	);
}

/**
 * A listing that lost half the members (or all of them) since the last poll is taken as a wrong
 * answer until each departure is proven: real departures of that size are rarer than a proxy,
 * a cache or a bug answering an empty or cut list.
 */
export function isCollapsed(listedCount: number, baselineSize: number): boolean {
	if (baselineSize === 0) return false;
	return listedCount === 0 || listedCount * 2 < baselineSize;
}

export async function gatherEvidence(directory: NotionDirectory, claims: Claims, trust: Trust): Promise<Evidence> {
	const evidence: Evidence = {
		gone: new Set(),
		deactivated: new Set(),
		present: [],
		unresolved: new Set(),
		contradicted: false,
		outOfTime: false,
	};
	const open = [...claims.missing, ...claims.deactivated];
	if (open.length === 0) return evidence;
	const isMissing = new Set(claims.missing);
	const encodedOf = new Map(open.map((encoded) => [decodeId(encoded), encoded]));
	const resolution = await directory.resolveMembers([...encodedOf.keys()], {
		deadline: trust.deadline,
		source: trust.source,
		trustListing: (listing) => !isCollapsed(indexMembers(listing.members).size, trust.baselineSize),
		mayList: trust.canRelist,
		lookupsWithoutTrustedListing: MAX_LOOKUPS_UNTRUSTED,
		// A deactivation is proven by a lookup, not by a listing that may be as wrong as the first.
		recheck: (id) => !isMissing.has(encodedOf.get(id) ?? id),
	});
	for (const [id, answer] of resolution.answers) {
		const encoded = encodedOf.get(id) ?? id;
		if (answer.state === 'unknown') evidence.unresolved.add(encoded);
		else judge(evidence, encoded, isMissing.has(encoded), answer.state === 'present' ? answer.member : null);
	}
	evidence.outOfTime = resolution.outOfTime;
	return evidence;
}

/** Files what Notion says of one claimed member (`null`: no member with that id). */
function judge(evidence: Evidence, id: string, claimedMissing: boolean, found: Member | null): void {
	if (claimedMissing) {
		if (found === null) evidence.gone.add(id);
		else {
			evidence.present.push(found);
			evidence.contradicted = true;
		}
		return;
	}
	if (found === null) evidence.unresolved.add(id);
	else if (found.active === false) evidence.deactivated.add(id);
	else {
		evidence.present.push(found);
		evidence.contradicted = true;
	}
}

export interface Relisting {
	listing: ResumableListing;
	members: ListedMembers;
	trusted: boolean;
}

/** One more listing, cut at the deadline; `undefined` when no time is left for it. */
export async function relist(directory: NotionDirectory, trust: Trust): Promise<Relisting | undefined> {
	if (trust.now() >= trust.deadline) return undefined;
	const listing = await directory.listMembers({ deadline: trust.deadline, stopAtDeadline: true });
	const members = indexMembers(listing.members);
	return { listing, members, trusted: isTrusted(listing, members.size, trust) };
}
