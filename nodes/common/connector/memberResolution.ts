/**
 * Whether given members are there: the connector's one "look them up one by one, or list
 * everyone" policy, used by the admin node (a group's members) and the sync trigger (proving
 * a removal or a deactivation before reporting it).
 *
 * An answer is evidence only when it is about the member asked for and came through the source
 * the caller trusts (the standard API answers 404 for a member SCIM still shows deactivated).
 * A listing proves who is there; it proves who is not only when it is complete, consistent,
 * through that same source, and the caller accepts it (`trustListing`). Whatever nothing proves
 * is `unknown`, never `absent`.
 */
import type { Member, ResumableListing, Source, Via, WithVia } from './model';

/**
 * Up to this many members are looked up one by one; more cost one listing instead (100
 * members a page, so from here on a listing of a workspace of a few thousand costs about the
 * same and answers for everyone at once).
 */
export const MAX_LOOKUPS = 25;

/** What the directory offers this policy. */
export interface MemberReader {
	getMember(id: string, options?: { raw?: boolean }): Promise<WithVia<Member | null>>;
	listMembers(options?: { raw?: boolean; deadline?: number; stopAtDeadline?: boolean }): Promise<ResumableListing>;
}

export interface ResolveOptions {
	/** Absolute time (from the directory's `now()`): no lookup starts and any listing stops by then. */
	deadline?: number;
	/** Only answers through this source count; any source when absent. */
	source?: Source;
	/**
	 * Whether a complete, consistent listing through `source` may also prove absences (the
	 * trigger refuses one that lost half its baseline). Every such listing may, when absent.
	 */
	trustListing?: (listing: ResumableListing) => boolean;
	/** Whether a listing may be started at all (e.g. it could not finish in time); default yes. */
	mayList?: () => boolean;
	/**
	 * Beyond MAX_LOOKUPS, when no listing proves absences (none could be made, or it was not
	 * trusted): how many of the members still unknown (and those `recheck` picks among the ones
	 * the listing shows) are looked up one by one; default none.
	 */
	lookupsWithoutTrustedListing?: number;
	/** Members an untrusted listing shows that must be looked up all the same. */
	recheck?: (id: string) => boolean;
	raw?: boolean;
}

export type MemberAnswer =
	| { state: 'present'; member: Member; via: Via }
	| { state: 'absent'; via: Via }
	| { state: 'unknown' };

export interface MemberResolution {
	/** Each id asked for, once, in the order given. */
	answers: Map<string, MemberAnswer>;
	/** The members found, in the order found (the listing's order when one was used). */
	present: Array<{ member: Member; via: Via }>;
	/** The listing used, when the ids were too many to look up one by one. */
	listing?: ResumableListing;
	/** The listing proved absences: complete, consistent, through `source`, accepted by `trustListing`. */
	listingTrusted: boolean;
	/** The deadline left members unknown that would otherwise have been looked up. */
	outOfTime: boolean;
}

export async function resolveMembers(
	reader: MemberReader,
	now: () => number,
	ids: readonly string[],
	options: ResolveOptions = {},
): Promise<MemberResolution> {
	const wanted = [...new Set(ids)];
	const result: MemberResolution = { answers: new Map(), present: [], listingTrusted: false, outOfTime: false };
	for (const id of wanted) result.answers.set(id, { state: 'unknown' });
	if (wanted.length === 0) return result;
	const beforeDeadline = () => options.deadline === undefined || now() < options.deadline;

	let toLookUp = wanted;
	let lookups = MAX_LOOKUPS;
	if (wanted.length > MAX_LOOKUPS) {
		lookups = options.lookupsWithoutTrustedListing ?? 0;
		if ((options.mayList?.() ?? true) && beforeDeadline()) {
			toLookUp = await fromListing(reader, wanted, options, result);
		}
	}

	for (const [index, id] of toLookUp.entries()) {
		if (index >= lookups) break;
		if (!beforeDeadline()) {
			result.outOfTime = true;
			break;
		}
		result.answers.set(id, await lookUp(reader, id, options));
	}
	result.present = presentOf(result);
	return result;
}

/** The members found: in the listing's order, then those looked up in the order asked. */
function presentOf({ answers, listing }: MemberResolution): MemberResolution['present'] {
	const found = new Map<Member, Via>();
	for (const answer of answers.values()) if (answer.state === 'present') found.set(answer.member, answer.via);
	const listed = (listing?.members ?? []).filter((member) => found.has(member));
	const fromListing = listed.flatMap((member) => {
		const via = found.get(member);
		found.delete(member);
		return via === undefined ? [] : [{ member, via }];
	});
	return [...fromListing, ...[...found].map(([member, via]) => ({ member, via }))];
}

/** Files what one listing proves; returns the ids still to be looked up. */
async function fromListing(
	reader: MemberReader,
	wanted: string[],
	options: ResolveOptions,
	result: MemberResolution,
): Promise<string[]> {
	const listing = await reader.listMembers({
		raw: options.raw,
		deadline: options.deadline,
		stopAtDeadline: options.deadline !== undefined,
	});
	result.listing = listing;
	const sameSource = options.source === undefined || listing.via.source === options.source;
	result.listingTrusted =
		listing.complete && listing.consistent && sameSource && (options.trustListing?.(listing) ?? true);
	const shown = new Map<string, Member>();
	for (const member of listing.members) shown.set(member.id.toLowerCase(), member);
	const rest: string[] = [];
	for (const id of wanted) {
		const member = shown.get(id.toLowerCase());
		// A listing, trusted or not, proves who is there; only a trusted one who is not.
		if (member !== undefined) result.answers.set(id, { state: 'present', member, via: listing.via });
		else if (result.listingTrusted) result.answers.set(id, { state: 'absent', via: listing.via });
		if (!result.listingTrusted && (member === undefined || options.recheck?.(id) === true)) rest.push(id);
	}
	return rest;
}

/** One lookup by id: evidence only when about that id and through the trusted source. */
async function lookUp(reader: MemberReader, id: string, options: ResolveOptions): Promise<MemberAnswer> {
	const { value, via } = await reader.getMember(id, { raw: options.raw });
	if (options.source !== undefined && via.source !== options.source) return { state: 'unknown' };
	if (value === null) return { state: 'absent', via };
	return value.id.toLowerCase() === id.toLowerCase() ? { state: 'present', member: value, via } : { state: 'unknown' };
}
