/**
 * The connector's public face: the member and group directory of one Notion workspace. Reads go
 * through SCIM when a working SCIM token is there and fall back to the standard API otherwise
 * (saying why; scimFallback.ts); writes and group operations need SCIM and never fall back.
 * Both nodes depend on this class and nothing deeper.
 */
import { deadlineStopOf } from './deadlineStop';
import type { NotionDirectoryOptions } from './directoryOptions';
import { requesterFor } from './http/requesterFor';
import type {
	CreatedMember,
	Group,
	ListOptions,
	Member,
	MemberChanges,
	MemberListing,
	MembershipChange,
	MembershipPlan,
	NewMember,
	ResumableListing,
	WithVia,
} from './model';
import { changeMembership, planFor, type MembershipIntent } from './scim/membershipChange';
import { ScimGroups } from './scim/scimGroups';
import { scimRoot, type ScimContext } from './scim/scimContext';
import { ScimUsers } from './scim/scimUsers';
import { ApiUsers } from './standardApi/apiUsers';
import { createNotionClient } from './standardApi/notionClient';
import type { TokenWorkspace } from './standardApi/tokenWorkspace';
import { groupDeleteRefusal, lookupRefusal, memberRefusal, type MemberAction } from './scim/refusals';
import { ScimFallback } from './scimFallback';
import { membersByEmailInListing } from './listingLookup';
import { resolveMembers, type MemberResolution, type ResolveOptions } from './memberResolution';
import {
	checkMemberChanges,
	checkNewMember,
	requireEmail,
	requireId,
	requireIds,
	requireName,
} from './validate';

export function createDirectory(options: NotionDirectoryOptions): NotionDirectory {
	return new NotionDirectory(options);
}

export class NotionDirectory {
	private readonly apiUsers: ApiUsers;
	private readonly route: ScimFallback;
	private readonly now: () => number;

	constructor(options: NotionDirectoryOptions) {
		this.now = options.now;
		const { requester, tuning } = requesterFor(options);
		this.apiUsers = new ApiUsers(
			(deadline) => createNotionClient(options.apiBaseUrl, requester, deadline),
			tuning.pageSize,
		);
		if (options.scimBaseUrl !== undefined && options.scimBaseUrl.trim() !== '') {
			const context: ScimContext = { requester, root: scimRoot(options.scimBaseUrl), tuning };
			this.route = new ScimFallback({ users: new ScimUsers(context), groups: new ScimGroups(context) });
		} else this.route = new ScimFallback();
	}

	async listMembers(options: ListOptions = {}): Promise<ResumableListing> {
		const stop = deadlineStopOf(options, this.now);
		const { value, via } = await this.route.read(
			(users) => users.list(options, stop),
			() => this.apiUsers.list(options, stop),
		);
		return { ...value, via };
	}

	/** `value` is null when no member has this id. */
	async getMember(id: string, options: { raw?: boolean } = {}): Promise<WithVia<Member | null>> {
		const userId = requireId(id);
		return this.route.read(
			(users) => users.get(userId, options.raw),
			() => this.apiUsers.get(userId, options.raw),
		);
	}

	/** Case-insensitive; through the standard API this pages the whole list (no email filter there). */
	async findMemberByEmail(email: string, options: { raw?: boolean } = {}): Promise<WithVia<Member | null>> {
		const address = requireEmail(email);
		const { value, via } = await this.findMembersByEmail([address], options);
		return { value: value.get(address.toLowerCase()) ?? null, via };
	}

	/**
	 * Lower-cased email → member, or null only on evidence that could have found the member (a
	 * second filter form or the listing; see scim/emailLookup.ts): a lookup that cannot tell throws.
	 */
	async findMembersByEmail(emails: string[], options: { raw?: boolean } = {}): Promise<WithVia<Map<string, Member | null>>> {
		const addresses = emails.map((email) => requireEmail(email));
		return this.route.read(
			(users) => users.findManyByEmail(addresses, options.raw),
			async () => membersByEmailInListing((await this.apiUsers.list({ raw: options.raw })).members, addresses),
		);
	}

	/**
	 * The members a write is about, by email (lower-cased email → member or null): through SCIM
	 * only, the source that performs the write. The standard API (the fallback for reads) does not
	 * show deactivated members, so its "no such member" could be false; a refused lookup fails.
	 */
	async findWriteTargetsByEmail(emails: string[], label: string): Promise<Map<string, Member | null>> {
		const addresses = emails.map((email) => requireEmail(email));
		return this.route.viaScim(label, ({ users }) => users.findManyByEmail(addresses), (error) => lookupRefusal(label, error));
	}

	/**
	 * Whether these members are there: looked up one by one up to MAX_LOOKUPS, one listing
	 * beyond (memberResolution.ts says what counts as proof).
	 */
	async resolveMembers(ids: readonly string[], options: ResolveOptions = {}): Promise<MemberResolution> {
		return resolveMembers(this, this.now, ids, options);
	}

	/**
	 * The workspace of the standard API key (its bot's, from GET /v1/users/me), id normalized; an
	 * answer without a workspace id is a `bad_response`. Read-only, paced and retried as any read.
	 */
	async tokenWorkspace(options: { deadline?: number } = {}): Promise<TokenWorkspace> {
		return this.apiUsers.tokenWorkspace(options.deadline);
	}

	/** Members whose name or email contains the text (for pickers and Get Many filters). */
	async searchMembers(text: string, options: ListOptions = {}): Promise<MemberListing> {
		const listing = await this.listMembers({ raw: options.raw, deadline: options.deadline });
		const needle = text.trim().toLowerCase();
		const matches = listing.members.filter(
			(member) =>
				needle === '' ||
				(member.name ?? '').toLowerCase().includes(needle) ||
				(member.email ?? '').toLowerCase().includes(needle),
		);
		return { ...listing, members: options.limit === undefined ? matches : matches.slice(0, options.limit) };
	}

	/**
	 * Throws `conflict` (with the existing member's id in `applied`) if already an active member;
	 * a deactivated member is reactivated, or the error says it stays deactivated.
	 */
	async createMember(input: NewMember): Promise<CreatedMember> {
		const checked = checkNewMember(input);
		return this.route.viaScim('Adding a member', ({ users }) => users.create(checked));
	}

	async updateMember(id: string, changes: MemberChanges): Promise<Member> {
		const userId = requireId(id);
		const checked = checkMemberChanges(changes);
		const action: MemberAction | undefined =
			checked.active === false ? 'deactivate' : checked.role !== undefined && checked.role !== 'owner' ? 'change the role of' : undefined;
		return this.route.viaScim(
			'Changing a member',
			({ users }) => users.update(userId, checked),
			(refusal, { users }) => (action === undefined ? undefined : memberRefusal(refusal, action, () => users.get(userId))),
		);
	}

	/** Removes from the workspace (the Notion account is kept). Throws `not_found` if absent. */
	async removeMember(id: string): Promise<void> {
		const userId = requireId(id);
		await this.route.viaScim(
			'Removing a member',
			// Proven: returns only once Notion shows the member gone.
			({ users }) => users.remove(userId),
			(refusal, { users }) => memberRefusal(refusal, 'remove', () => users.get(userId)),
		);
	}

	async listGroups(options: { name?: string; raw?: boolean; limit?: number } = {}): Promise<Group[]> {
		const name = options.name === undefined ? undefined : requireName(options.name, 'name');
		return this.route.viaScim('Listing groups', ({ groups }) => groups.list({ ...options, name }));
	}

	/** The groups the member is in (one group listing; an unknown id is in none). */
	async groupsOfMember(userId: string, options: { raw?: boolean } = {}): Promise<Group[]> {
		const id = requireId(userId, 'userId');
		return this.route.viaScim('Listing the groups of a member', ({ groups }) => groups.ofMember(id, options.raw));
	}

	async getGroup(id: string, options: { raw?: boolean } = {}): Promise<Group | null> {
		const groupId = requireId(id);
		return this.route.viaScim('Reading a group', ({ groups }) => groups.get(groupId, options.raw));
	}

	async findGroupByName(name: string, options: { raw?: boolean } = {}): Promise<Group | null> {
		const groupName = requireName(name, 'name');
		return this.route.viaScim('Finding a group', ({ groups }) => groups.findByName(groupName, options.raw));
	}

	async createGroup(name: string, memberIds: string[] = []): Promise<Group> {
		const groupName = requireName(name, 'name');
		const ids = requireIds(memberIds, 'memberIds');
		return this.route.viaScim('Creating a group', ({ groups }) => groups.create(groupName, ids));
	}

	async renameGroup(id: string, name: string): Promise<Group> {
		const groupId = requireId(id);
		const groupName = requireName(name, 'name');
		return this.route.viaScim('Renaming a group', ({ groups }) => groups.rename(groupId, groupName));
	}

	async deleteGroup(id: string): Promise<void> {
		const groupId = requireId(id);
		await this.route.viaScim('Deleting a group', ({ groups }) => groups.remove(groupId), groupDeleteRefusal);
	}

	/** As few PATCH requests as Notion allows (up to `pageSize` users each). */
	async addGroupMembers(groupId: string, userIds: string[]): Promise<MembershipChange> {
		return this.changeMembership('Adding group members', groupId, userIds, 'add');
	}

	async removeGroupMembers(groupId: string, userIds: string[]): Promise<MembershipChange> {
		return this.changeMembership('Removing group members', groupId, userIds, 'remove');
	}

	async planGroupMembers(groupId: string, userIds: string[]): Promise<MembershipPlan> {
		const id = requireId(groupId, 'groupId');
		const wanted = requireIds(userIds, 'userIds');
		return this.route.viaScim('Planning group members', async ({ groups }) => planFor(await groups.require(id), wanted));
	}

	async setGroupMembers(groupId: string, userIds: string[]): Promise<MembershipChange> {
		return this.changeMembership('Setting group members', groupId, userIds, 'set');
	}

	private async changeMembership(label: string, groupId: string, userIds: string[], intent: MembershipIntent): Promise<MembershipChange> {
		const id = requireId(groupId, 'groupId');
		const wanted = requireIds(userIds, 'userIds');
		return this.route.viaScim(label, ({ groups }) => changeMembership(groups, label, id, wanted, intent));
	}
}
