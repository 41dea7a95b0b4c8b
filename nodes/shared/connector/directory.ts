/**
 * The connector's public face: a Notion workspace directory that reads through SCIM when a
 * working SCIM token is there and falls back to the standard API otherwise, and writes
 * through SCIM only. Both nodes depend on this interface and nothing deeper.
 */
import type {
	CreatedMember,
	Group,
	Member,
	MemberChanges,
	MemberListing,
	MembershipChange,
	MembershipPlan,
	NewMember,
	Served,
	SourceInfo,
} from './model';
import type { HttpTransport } from './transport';

export interface DirectoryOptions {
	/** Standard API base URL, e.g. https://api.notion.com (no trailing /v1). */
	apiBaseUrl: string;
	/** SCIM base URL (e.g. https://api.notion.com); absent when no SCIM credential is configured. */
	scimBaseUrl?: string;
	transport: HttpTransport;
	/** Injected so tests control time and shipped code uses no timers (n8n passes its `sleep`). */
	sleep: (ms: number) => Promise<void>;
	now: () => number;
	random?: () => number;
	/**
	 * Key under which request pacing is shared: everything in one process that uses the same
	 * key shares one rate budget (one credential = one workspace = one Notion limit).
	 */
	pacingKey?: string;
	/** Override the defaults (tests shorten them; users may lower the rate in queue mode). */
	tuning?: Partial<DirectoryTuning>;
}

export interface DirectoryTuning {
	/**
	 * Requests per connection in any 60 seconds (Notion: 600 on Business and Enterprise, 180 on
	 * other plans, per token; the workspace has a further budget shared by all its connections).
	 */
	budgetPerMinute: number;
	/** Automatic budget: start at `budgetPerMinute` and keep what a per-connection 429 shows. */
	learnBudget: boolean;
	/** Requests sent and not yet answered, per connection, at most. */
	maxInFlight: number;
	/**
	 * The previous release's pacing: when set, requests are spaced evenly at this average rate
	 * (after `burst` at once) instead of spending the budget (credentials saved with an explicit
	 * "Requests per Second").
	 */
	requestsPerSecond?: number;
	/** With `requestsPerSecond`: requests that may go out at once before pacing applies. */
	burst?: number;
	/** The longest workspace-level Retry-After waited out (it may exceed a minute). */
	maxWorkspaceWaitMs: number;
	/** Attempts per request including the first. */
	maxAttempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
	timeoutMs: number;
	/** Page size for listings (Notion's maximum is 100). */
	pageSize: number;
	/** Parallel SCIM page fetches once the total is known (default: `maxInFlight`; 3 with `requestsPerSecond`). */
	listConcurrency: number;
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

export interface NotionDirectory {
	/** Which source reads would use right now, and why (probes SCIM once if needed). */
	describeSource(): Promise<SourceInfo>;

	listMembers(options?: ListOptions): Promise<ResumableListing>;
	/** `value` is null when no member has this id. */
	getMember(id: string, options?: { raw?: boolean }): Promise<Served<Member | null>>;
	/** Case-insensitive; through the standard API this pages the whole list (no email filter there). */
	findMemberByEmail(email: string, options?: { raw?: boolean }): Promise<Served<Member | null>>;
	/**
	 * Lower-cased email → member, or null only on evidence that could have found the member (a
	 * second filter form or the listing; see scim/emailLookup.ts): a lookup that cannot tell throws.
	 */
	findMembersByEmail(emails: string[], options?: { raw?: boolean }): Promise<Served<Map<string, Member | null>>>;
	/** Members whose name or email contains the text (for pickers and Get Many filters). */
	searchMembers(text: string, options?: ListOptions): Promise<MemberListing>;

	/**
	 * Throws `conflict` (with the existing member's id in `applied`) if already an active member;
	 * a deactivated member is reactivated, or the error says it stays deactivated.
	 */
	createMember(input: NewMember): Promise<CreatedMember>;
	updateMember(id: string, changes: MemberChanges): Promise<Member>;
	/** Removes from the workspace (the Notion account is kept). Throws `not_found` if absent. */
	removeMember(id: string): Promise<void>;

	listGroups(options?: { name?: string; raw?: boolean; limit?: number }): Promise<Group[]>;
	getGroup(id: string, options?: { raw?: boolean }): Promise<Group | null>;
	findGroupByName(name: string, options?: { raw?: boolean }): Promise<Group | null>;
	createGroup(name: string, memberIds?: string[]): Promise<Group>;
	renameGroup(id: string, name: string): Promise<Group>;
	deleteGroup(id: string): Promise<void>;
	/** As few PATCH requests as Notion allows (up to `pageSize` users each). */
	addGroupMembers(groupId: string, userIds: string[]): Promise<MembershipChange>;
	removeGroupMembers(groupId: string, userIds: string[]): Promise<MembershipChange>;
	planGroupMembers(groupId: string, userIds: string[]): Promise<MembershipPlan>;
	setGroupMembers(groupId: string, userIds: string[]): Promise<MembershipChange>;
}
