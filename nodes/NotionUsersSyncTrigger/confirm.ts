/**
 * A removal or a deactivation is a claim about one person, and a listing is not proof of it: an
 * answer can look valid and still be wrong (an empty page, a short total, a shift while paging).
 * So before the trigger reports anyone removed or deactivated, it asks Notion about that member:
 * a lookup by id, or, when there are too many to look up, another listing that can be trusted
 * and agrees. Whatever neither proves nor disproves is left for the next poll.
 */
import type { Member, ResumableListing, Source } from '../shared/connector/model';
import type { NotionDirectory } from '../shared/connector/notionDirectory';
import { indexMembers, type ListedMembers } from './diff';
import { decodeId } from './storedBaseline';

/** Lookups by id per claim set; beyond this one more listing is cheaper (100 members a page). */
export const MAX_LOOKUPS = 25;
/** Lookups when no listing can be trusted: a bounded number a poll, the rest at the next ones. */
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
	let open = [...claims.missing, ...claims.deactivated];
	if (open.length === 0) return evidence;
	const isMissing = new Set(claims.missing);
	let lookups = MAX_LOOKUPS_UNTRUSTED;

	if (open.length > MAX_LOOKUPS) {
		const second = trust.canRelist() ? await relist(directory, trust) : undefined;
		if (second?.trusted) {
			for (const id of open) judge(evidence, id, isMissing.has(id), second.members.get(id) ?? null);
			return evidence;
		}
		// An untrusted listing still proves who is there; the rest is looked up one by one.
		if (second !== undefined) {
			open = open.filter((id) => {
				const member = second.members.get(id);
				if (member === undefined || !isMissing.has(id)) return true;
				judge(evidence, id, true, member);
				return false;
			});
		}
	} else {
		lookups = MAX_LOOKUPS;
	}

	for (const [index, id] of open.entries()) {
		if (index >= lookups || trust.now() >= trust.deadline) {
			evidence.outOfTime ||= index < lookups;
			evidence.unresolved.add(id);
			continue;
		}
		const found = await lookUp(directory, id, trust.source);
		if (found === undefined) evidence.unresolved.add(id);
		else judge(evidence, id, isMissing.has(id), found);
	}
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

/**
 * `undefined` when the answer proves nothing: it is about someone else (only an exact match
 * counts), or it came through the other source (the standard API answers 404 for a member SCIM
 * still shows deactivated).
 */
async function lookUp(directory: NotionDirectory, encodedId: string, source: Source): Promise<Member | null | undefined> {
	const id = decodeId(encodedId);
	const { value, via } = await directory.getMember(id);
	if (via.source !== source) return undefined;
	if (value === null) return null;
	return value.id.toLowerCase() === id.toLowerCase() ? value : undefined;
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
