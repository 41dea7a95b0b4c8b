/** Workspace members over SCIM 2.0 (`/Users`). */
import type { DeadlineStop } from '../deadlineStop';
import { NotionAdminError } from '../errors';
import { createOnce, outcomeUnknown } from '../http/createOnce';
import type { RequestFailure } from '../http/responseError';
import { nullWhenNotFound } from '../nullWhenNotFound';
import type { CreatedMember, ListOptions, Member, MemberChanges, NewMember, ResumableListing } from '../model';
import { EmailLookup } from './emailLookup';
import { scimUserToMember } from './mapScim';
import { readBeforeWrite } from './refusals';
import { sameResource } from './sameResource';
import { confirmingRead, deleteSettled } from './unknownOutcome';
import { memberChangeOperations, patchBody } from './patchOps';
import { pageQuery, scimCall, type ScimContext } from './scimContext';
import { CORE_USER_SCHEMA, NOTION_USER_EXTENSION } from './schemas';
import { listResources } from './listResources';

/** A listing as the directory returns it, before it says which source served it. */
export type ScimMemberListing = Omit<ResumableListing, 'via'>;

export class ScimUsers {
	private readonly emails: EmailLookup;

	constructor(private readonly context: ScimContext) {
		this.emails = new EmailLookup({
			query: async (filter) => {
				const call = scimCall(context, 'GET', '/Users', { query: pageQuery(1, 2, filter) });
				return (await context.requester.send(call)).json;
			},
			listAll: async () => {
				const listing = await this.list({ raw: true });
				return { resources: listing.members.map((member) => member.raw), consistent: listing.consistent };
			},
		});
	}

	/** With `stop`, a listing that meets its deadline ends early with a cursor (see ListOptions). */
	async list(options: ListOptions = {}, stop?: DeadlineStop): Promise<ScimMemberListing> {
		const { tuning } = this.context;
		const from = options.resume?.source === 'scim' ? options.resume : undefined;
		const listing = await listResources(
			this.context.requester,
			(startIndex, count) => scimCall(this.context, 'GET', '/Users', { query: pageQuery(startIndex, count) }),
			{
				pageSize: pageSizeOf(tuning.pageSize),
				concurrency: tuning.listConcurrency,
				limit: options.limit,
				deadline: options.deadline,
				stop,
				from,
				expectedTotal: options.expectedTotal,
			},
		);
		return {
			members: listing.resources.map((resource) => scimUserToMember(resource, options.raw === true)),
			pages: listing.pages,
			consistent: listing.consistent && options.limit === undefined,
			complete: listing.next === undefined,
			...(listing.next === undefined ? {} : { resume: { source: 'scim' as const, ...listing.next } }),
			restarted: options.resume !== undefined && from === undefined,
		};
	}

	/** The cheapest authenticated SCIM request: proves the token works. */
	async probe(): Promise<void> {
		await this.context.requester.send(scimCall(this.context, 'GET', '/Users', { query: pageQuery(1, 1) }));
	}

	async get(id: string, raw = false): Promise<Member | null> {
		return nullWhenNotFound(async () => {
			const { json } = await this.context.requester.send(scimCall(this.context, 'GET', `/Users/${id}`));
			return sameResource('member', id, scimUserToMember(json, raw));
		});
	}

	/** Only an exact match counts; null only on evidence that could have found the member (emailLookup.ts). */
	async findByEmail(email: string, raw = false): Promise<Member | null> {
		return (await this.emails.findMany([email], raw)).get(email.toLowerCase()) ?? null;
	}

	/** Lower-cased email → member or null, in as few requests as the policy allows. */
	async findManyByEmail(emails: string[], raw = false): Promise<Map<string, Member | null>> {
		return this.emails.findMany(emails, raw);
	}

	async create(input: NewMember): Promise<CreatedMember> {
		const formatted = input.name ?? ([input.givenName, input.familyName].filter(Boolean).join(' ') || undefined);
		const name: Record<string, string> = {};
		if (formatted !== undefined) name.formatted = formatted;
		if (input.givenName !== undefined) name.givenName = input.givenName;
		if (input.familyName !== undefined) name.familyName = input.familyName;
		const body: Record<string, unknown> = {
			schemas: input.role ? [CORE_USER_SCHEMA, NOTION_USER_EXTENSION] : [CORE_USER_SCHEMA],
			userName: input.email,
			emails: [{ value: input.email, primary: true }],
			active: true,
		};
		if (Object.keys(name).length > 0) body.name = name;
		if (formatted !== undefined) body.displayName = formatted;
		if (input.role) body[NOTION_USER_EXTENSION] = { role: input.role };
		// Notion's meta timestamps mean nothing, so only a read before the first POST can tell a member
		// this create adds from one who was there already (a lookup after a lost answer finds an active
		// member either way). It costs one GET per create and keeps "already a member" and
		// "reactivated" exact under faults; an active member is refused without a POST.
		const before = await this.findByEmail(input.email);
		if (before !== null && before.active !== false) throw alreadyMember(input.email, before.id);
		const member = await createOnce(this.context.requester, scimCall(this.context, 'POST', '/Users', { body }), {
			fromResponse: ({ json }) => {
				const answered = scimUserToMember(json, false);
				if (answered.active === false) throw stillDeactivated(input.email, answered.id);
				return answered;
			},
			findExisting: () => this.findByEmail(input.email),
			isDone: (found) => found.active !== false,
			conflict: (existing, cause) =>
				existing?.active === false
					? stillDeactivated(input.email, existing.id, cause)
					: alreadyMember(input.email, existing?.id, cause),
			notDone: (existing, cause) => (existing === null ? undefined : stillDeactivated(input.email, existing.id, cause)),
		});
		return { ...member, reactivated: before !== null };
	}

	/** A name change reads the member first (one GET): every name attribute it shows is written. */
	async update(id: string, changes: MemberChanges): Promise<Member> {
		const renames = changes.name !== undefined || changes.givenName !== undefined || changes.familyName !== undefined;
		const current = renames ? await readBeforeWrite(() => this.get(id), id) : null;
		if (renames && current === null) throw notFound(id);
		const operations = memberChangeOperations(changes, current);
		const call = scimCall(this.context, 'PATCH', `/Users/${id}`, { body: patchBody(operations) });
		let json: unknown;
		try {
			({ json } = await this.context.requester.send(call));
		} catch (error) {
			if (!outcomeUnknown(error)) throw error;
			// The PATCH may have been applied with every answer lost: the member as Notion holds it
			// decides, and without that read nobody can say (never "failed", never "done").
			const held = await confirmingRead(() => this.get(id), `The change to member ${id} (its answer was lost: ${error.message})`, 'User → Get');
			if (held !== null && holdsChanges(held, changes)) return held;
			throw error;
		}
		if (json !== null) return sameResource('member', id, scimUserToMember(json, false));
		// Accepted without a body: a failed read of the member says nothing against the PATCH.
		const member = await confirmingRead(() => this.get(id), `The change to member ${id}`, 'User → Get');
		if (member === null) throw notFound(id);
		return member;
	}

	/**
	 * Returns only once a read shows the member gone or deactivated; throws `not_found` if Notion
	 * does not know the member.
	 */
	async remove(id: string): Promise<void> {
		// A refused or failed retry says nothing about an earlier attempt that may have removed the
		// member; a member Notion keeps deactivated is removed.
		const took = (held: Member | null) => held === null || held.active === false;
		const removal = { write: `The removal of member ${id}`, check: 'User → Get (or the lookup by email)', took };
		const settled = await deleteSettled(() => this.context.requester.send(scimCall(this.context, 'DELETE', `/Users/${id}`)), () => this.get(id), removal);
		// DELETE answered: a failed read proves nothing about it, and is never taken for a refusal.
		const after = settled === undefined ? await confirmingRead(() => this.get(id), removal.write, removal.check) : settled.held;
		if (!took(after)) {
			throw new NotionAdminError(
				'unavailable',
				`Notion accepted the removal of ${id} but still lists the member as active`,
				'Check the member in Notion and try again',
				{ api: 'scim' },
			);
		}
	}
}

/** Notion's maximum page size is 100; SCIM servers may refuse more. */
export function pageSizeOf(pageSize: number): number {
	return Math.max(1, Math.min(100, Math.floor(pageSize)));
}

export function notFound(id: string): NotionAdminError {
	return new NotionAdminError('not_found', `No member with id ${id} in the workspace`, 'Check the id; the member may have been removed', {
		api: 'scim',
		httpStatus: 404,
	});
}

function alreadyMember(email: string, id: string | undefined, cause?: RequestFailure): NotionAdminError {
	return new NotionAdminError('conflict', `${email} is already a member of the workspace`, 'Use Update to change this member, or Get to read it', {
		api: 'scim',
		httpStatus: cause?.httpStatus,
		applied: id === undefined ? undefined : { id },
	});
}

/** A create that found a deactivated member and could not bring it back says so. */
function stillDeactivated(email: string, id: string, cause?: RequestFailure): NotionAdminError {
	const why = cause === undefined ? 'Notion answered with the member still deactivated' : cause.message;
	return new NotionAdminError(
		cause?.kind === 'conflict' || cause === undefined ? 'refused' : cause.kind,
		`${email} is a deactivated member and was not reactivated: Notion still holds it deactivated (${why})`,
		'Try again, or reactivate the member with Update → Active',
		{ api: 'scim', httpStatus: cause?.httpStatus, requestId: cause?.requestId, applied: { id, active: false }, cause },
	);
}

/** Whether the member holds every change asked for. */
function holdsChanges(member: Member, changes: MemberChanges): boolean {
	const same = (held: string | null, wanted: string | undefined) => wanted === undefined || held === wanted;
	return (
		(changes.email === undefined || member.email?.toLowerCase() === changes.email.toLowerCase()) &&
		same(member.name, changes.name) &&
		same(member.givenName, changes.givenName) &&
		same(member.familyName, changes.familyName) &&
		(changes.active === undefined || member.active === changes.active) &&
		(changes.role === undefined || member.role === changes.role)
	);
}
