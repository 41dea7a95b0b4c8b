/**
 * The one vocabulary that both nodes, the connector and its tests speak.
 * Plain TypeScript: nothing here may import n8n (the connector is usable on its own).
 */

/** Notion workspace roles as SCIM's Notion extension names them; `unknown` when the source cannot tell. */
export type Role = 'owner' | 'membership_admin' | 'member' | 'restricted_member' | 'unknown';

export const WRITABLE_ROLES = ['owner', 'membership_admin', 'member', 'restricted_member'] as const;
export type WritableRole = (typeof WRITABLE_ROLES)[number];

/**
 * The words for where a result comes from, used the same way everywhere:
 *   - `Source`: which Notion API answered ('scim' or 'api'); a Member carries it as `source`.
 *   - `Via`: the source a read went through and, when that is the standard API although SCIM
 *     was wanted, why; results carry it as `via` (a listing, or a `WithVia` value).
 */
export type Source = 'scim' | 'api';

/** Why the standard API served a read instead of SCIM. */
export type FallbackReason =
	| 'no_scim_token' // no SCIM credential configured
	| 'scim_unauthorized' // 401: token invalid or revoked (its creator left or lost the owner role)
	| 'scim_forbidden' // 403: workspace not on Enterprise, or SCIM disabled
	| 'scim_unavailable'; // SCIM stayed down (5xx, timeouts, resets) after retries

/** How a read went: through which source, and why not SCIM when it fell back. */
export interface Via {
	source: Source;
	/** Set only when `source` is `api` although SCIM was wanted. */
	fallbackReason?: FallbackReason;
	/** Human sentence explaining the fallback (never contains a token). */
	fallbackDetail?: string;
}

export interface Member {
	id: string;
	email: string | null;
	name: string | null;
	givenName: string | null;
	familyName: string | null;
	type: 'person' | 'bot';
	role: Role;
	/** `null` when the source cannot tell (standard API). */
	active: boolean | null;
	source: Source;
	/** The untouched SCIM or API resource, only when the caller asked for it. */
	raw?: unknown;
}

/** A member that a create added to the workspace (it was not an active member before). */
export interface CreatedMember extends Member {
	/** The person was a deactivated member of this workspace and is active again. */
	reactivated: boolean;
}

export interface Group {
	id: string;
	name: string;
	memberIds: string[];
	raw?: unknown;
}

/** A read result together with how it was read. */
export interface WithVia<T> {
	value: T;
	via: Via;
}

export interface MemberListing {
	members: Member[];
	via: Via;
	/** Pages fetched, for the trigger's accounting and the benchmark. */
	pages: number;
	/**
	 * False when the listing may have missed or doubled members (SCIM index paging saw the
	 * total change while paging). Consumers that diff must confirm disappearances.
	 */
	consistent: boolean;
}

export interface NewMember {
	email: string;
	name?: string;
	givenName?: string;
	familyName?: string;
	role?: WritableRole;
}

/** Only the fields given are changed. */
export interface MemberChanges {
	email?: string;
	name?: string;
	givenName?: string;
	familyName?: string;
	active?: boolean;
	role?: WritableRole;
}

/** Outcome of a group membership change that may span several PATCH requests. */
export interface MembershipChange {
	groupId: string;
	added: string[];
	removed: string[];
	/** Users asked for that needed no change (already in / already out). */
	unchanged: string[];
	requests: number;
}

export interface MembershipPlan {
	groupId: string;
	toAdd: string[];
	toRemove: string[];
	unchanged: string[];
}

export interface ListOptions {
	/** Keep the untouched resource on each result. */
	raw?: boolean;
	/** Stop paging once this many members are collected (no `consistent` guarantee then). */
	limit?: number;
	/** Absolute time (from `now()`) by which the listing must end; throws `timeout` past it. */
	deadline?: number;
	/**
	 * With `deadline`: at the deadline, return the members listed so far with `complete: false`
	 * and a `resume` cursor instead of throwing `timeout` (a listing longer than one n8n poll).
	 */
	stopAtDeadline?: boolean;
	/**
	 * Continue a listing that stopped at its deadline. When it cannot be followed (the directory
	 * now reads through the other source, or Notion refuses the cursor) the listing starts over
	 * from the beginning and says so (`restarted`).
	 */
	resume?: ListingCursor;
	/**
	 * How many members the caller expects (its previous listing's count): a SCIM listing sends
	 * the pages that implies together with the first one, saving the round trip that learns the
	 * total. A wrong guess costs at most a few pages and never changes what is listed.
	 */
	expectedTotal?: number;
}

/**
 * Where a listing cut at its deadline goes on. Plain JSON, so a caller may keep it between
 * runs (the sync trigger stores it in static data).
 */
export type ListingCursor =
	| {
			source: 'scim';
			/** The next SCIM startIndex to read. */
			startIndex: number;
			/** The total SCIM reported so far; another total later means index paging shifted. */
			totalResults: number | null;
			/**
			 * The member just before `startIndex`: read again on resuming, it must still be there,
			 * else members before the cursor left or joined (a shift the total may not show).
			 */
			lastId: string | null;
	  }
	| {
			source: 'api';
			/** The standard API's `next_cursor`; absent when no page was read yet. */
			nextCursor?: string;
	  };

/** A member listing that may have stopped at its deadline (only with `stopAtDeadline`). */
export interface ResumableListing extends MemberListing {
	/** False when the deadline came first: `members` is the part listed, `resume` says where to go on. */
	complete: boolean;
	resume?: ListingCursor;
	/**
	 * A `resume` cursor was given but could not be followed: this listing began at the start,
	 * so what an earlier part listed may overlap it or be stale.
	 */
	restarted: boolean;
}
