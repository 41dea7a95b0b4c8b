/**
 * Finding members by email on any SCIM 2.0 server: lookups by filter for a few addresses, the
 * listing for more (members by id: memberResolution.ts).
 *
 * Notion documents the filter `email eq "…"`; RFC servers (and the identity providers Notion
 * supports, Okta and Entra) use `userName eq "…"`. A server may refuse an attribute it does not
 * know (400 invalidFilter), answer it with nobody, or ignore the filter and answer with everyone.
 * So an empty answer alone proves nothing: "not a member" is concluded only from evidence that
 * could have found the member —
 *   - an empty answer from a form that found someone before in this directory, or
 *   - an empty answer while the server refused the other form (it refuses what it does not know,
 *     so it understood this one), or
 *   - both forms answering nobody, or
 *   - the whole member listing (when the filters settle nothing, or for more than
 *     MAX_EMAIL_LOOKUPS addresses at once).
 * Only an exact match counts (userName or any email, in any case); two are a conflict.
 */
import { NotionAdminError } from '../errors';
import { RequestFailure } from '../http/responseError';
import type { Member } from '../model';
import { eqFilter } from './filter';
import { scimUserToMember } from './mapScim';

/** The filter attributes tried, Notion's documented one first. */
type Form = 'email' | 'userName';
const FORMS: readonly Form[] = ['email', 'userName'];

/**
 * Up to this many addresses are looked up one by one; more cost one listing of the workspace.
 * Fewer than resolveMembers' MAX_LOOKUPS: an address may take two filtered requests (both forms).
 */
const MAX_EMAIL_LOOKUPS = 5;

/** What the policy needs from the SCIM users client. */
export interface EmailLookupSource {
	/** One filtered `/Users` page of two results (a second exact match must show). */
	query(filter: string): Promise<unknown>;
	/** Every member as raw SCIM resources; `consistent: false` when paging shifted meanwhile. */
	listAll(): Promise<{ resources: unknown[]; consistent: boolean }>;
}

type Outcome =
	| { kind: 'found'; resource: unknown; filtered: boolean }
	| { kind: 'none' }
	| { kind: 'refused' }
	| { kind: 'ignored' };

export class EmailLookup {
	/** Forms this server refused (400): it knows what it does not understand. */
	private readonly refused = new Set<Form>();
	/** Forms whose answers held other people: the server does not apply them. */
	private readonly ignored = new Set<Form>();
	/** Forms that found a member by an exact, filtered answer: their empty answer is proof. */
	private readonly proven = new Set<Form>();

	constructor(private readonly source: EmailLookupSource) {}

	/** Lower-cased email → member, or null when the evidence says there is none. */
	async findMany(emails: string[], raw = false): Promise<Map<string, Member | null>> {
		const wanted = [...new Set(emails.map((email) => email.toLowerCase()))];
		const found = new Map<string, Member | null>();
		const undecided: string[] = [];
		if (wanted.length > MAX_EMAIL_LOOKUPS) undecided.push(...wanted);
		else {
			for (const email of wanted) {
				const resource = await this.lookup(email);
				if (resource === undefined) undecided.push(email);
				else found.set(email, resource === null ? null : scimUserToMember(resource, raw));
			}
		}
		if (undecided.length > 0) await this.fromListing(undecided, found, raw);
		return found;
	}

	/** The member's resource, null when proven absent, undefined when the filters settle nothing. */
	private async lookup(email: string): Promise<unknown> {
		const empty: Form[] = [];
		const forms = [...this.proven, ...FORMS.filter((form) => !this.proven.has(form))].filter(
			(form) => !this.refused.has(form) && !this.ignored.has(form),
		);
		for (const form of forms) {
			const outcome = await this.ask(form, email);
			if (outcome.kind === 'found') {
				if (outcome.filtered) this.proven.add(form);
				else this.ignored.add(form);
				return outcome.resource;
			}
			if (outcome.kind === 'refused') this.refused.add(form);
			else if (outcome.kind === 'ignored') this.ignored.add(form);
			else if (this.proven.has(form)) return null;
			else empty.push(form);
		}
		if (empty.length >= 2 || (empty.length === 1 && this.refused.size > 0)) return null;
		return undefined;
	}

	private async ask(form: Form, email: string): Promise<Outcome> {
		let json: unknown;
		try {
			json = await this.source.query(eqFilter(form, email));
		} catch (error) {
			if (refusesFilter(error)) return { kind: 'refused' };
			throw error;
		}
		const body = (typeof json === 'object' && json !== null ? json : {}) as { Resources?: unknown; totalResults?: unknown };
		const resources = Array.isArray(body.Resources) ? body.Resources : [];
		const matches = exactMatches(resources, email);
		if (matches.length === 1) return { kind: 'found', resource: matches[0], filtered: resources.length === 1 };
		// Anyone else in the answer, or a total beyond it: the filter was not applied.
		if (resources.length > 0 || (typeof body.totalResults === 'number' && body.totalResults > 0)) return { kind: 'ignored' };
		return { kind: 'none' };
	}

	private async fromListing(emails: string[], found: Map<string, Member | null>, raw: boolean): Promise<void> {
		const listing = await this.source.listAll();
		// A member listed twice (index paging shifted) is one member, not a conflict.
		const byId = new Map(listing.resources.map((resource) => [scimUserToMember(resource, false).id, resource]));
		const resources = [...byId.values()];
		for (const email of emails) {
			const matches = exactMatches(resources, email);
			if (matches.length === 0 && !listing.consistent) {
				throw new NotionAdminError(
					'unavailable',
					`Could not tell whether ${email} is a workspace member: the member listing changed while it was read`,
					'Try again in a moment',
					{ api: 'scim' },
				);
			}
			found.set(email, matches.length === 0 ? null : scimUserToMember(matches[0], raw));
		}
	}
}

/** A 400 (invalidFilter or untyped) or 501 to a filter: this server does not take that attribute. */
function refusesFilter(error: unknown): boolean {
	if (!(error instanceof RequestFailure) || error.api !== 'scim') return false;
	if (error.httpStatus === 501) return true;
	return error.httpStatus === 400 && (error.code === undefined || error.code === 'invalidFilter' || error.code === 'invalidValue');
}

/** The resources whose userName or an email is the address (any case); two are a conflict. */
function exactMatches(resources: unknown[], email: string): unknown[] {
	const wanted = email.toLowerCase();
	const matches = resources.filter((resource) => addressesOf(resource).includes(wanted));
	if (matches.length > 1) {
		const ids = matches.map((resource) => scimUserToMember(resource, false).id);
		throw new NotionAdminError(
			'conflict',
			`${ids.length} members have the email ${email}: ${ids.join(', ')}`,
			'Pick the member by ID instead of by email',
			{ api: 'scim' },
		);
	}
	return matches;
}

/** The lower-cased userName and email addresses of a SCIM User resource. */
function addressesOf(resource: unknown): string[] {
	const user = (typeof resource === 'object' && resource !== null ? resource : {}) as { userName?: unknown; emails?: unknown };
	const values = [user.userName, ...(Array.isArray(user.emails) ? user.emails.map((entry) => (entry as { value?: unknown } | null)?.value) : [])];
	return values.filter((value): value is string => typeof value === 'string').map((value) => value.toLowerCase());
}
