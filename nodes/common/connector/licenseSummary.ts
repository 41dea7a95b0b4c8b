/**
 * The seat summary that the admin node (Workspace → Get License Summary) and the sync
 * trigger (License Summary mode) both output, computed from one complete member listing.
 */
import type { FallbackReason, Member, MemberListing, Role, Source } from './model';

/** What the listing's source could not see, so the counts that depend on it are incomplete. */
export type UnknownField = 'roles' | 'status' | 'emails';

export interface LicenseSummary {
	source: Source;
	/** Set when the standard API served the listing although SCIM was wanted (or not configured). */
	fallbackReason: FallbackReason | null;
	fallbackDetail: string | null;
	/** People who hold a seat: every listed person not known to be deactivated. */
	activeMembers: number;
	/** Active members per role; `unknown` counts those whose role the source did not report. */
	activeByRole: Record<Role, number>;
	/** `null` when the source cannot tell deactivated members apart (standard API). */
	deactivatedMembers: number | null;
	/** Integrations: listed by the standard API, never a seat. `null` when the source does not list them. */
	bots: number | null;
	/** Fields the source could not see for some or all members. */
	unknown: UnknownField[];
	/** Plain sentences a report can show next to the figures. */
	notes: string[];
	/** Every member as listed (no raw resources), only when asked for. */
	members?: Member[];
}

const ROLES: readonly Role[] = ['owner', 'membership_admin', 'member', 'restricted_member', 'unknown'];

export function summarizeLicenses(
	listing: MemberListing,
	options: { includeMembers?: boolean } = {},
): LicenseSummary {
	const activeByRole = Object.fromEntries(ROLES.map((role) => [role, 0])) as Record<Role, number>;
	let activeMembers = 0;
	let deactivated = 0;
	let statusUnknown = 0;
	let bots = 0;
	let persons = 0;
	let withoutEmail = 0;

	for (const member of listing.members) {
		if (member.type === 'bot') {
			bots++;
			continue;
		}
		persons++;
		if (member.email === null) withoutEmail++;
		if (member.active === false) {
			deactivated++;
			continue;
		}
		if (member.active === null) statusUnknown++;
		activeMembers++;
		activeByRole[member.role]++;
	}

	const { source } = listing.via;
	const unknown: UnknownField[] = [];
	const notes: string[] = [];
	if (activeByRole.unknown > 0) {
		unknown.push('roles');
		notes.push(
			source === 'api'
				? 'The standard API does not report roles: every member is counted under "unknown".'
				: `SCIM did not report the role of ${activeByRole.unknown} member(s).`,
		);
	}
	if (statusUnknown > 0) {
		unknown.push('status');
		notes.push(
			'The standard API lists only current members and cannot tell deactivated ones: the deactivated count is unknown.',
		);
	}
	if (persons > 0 && withoutEmail === persons) {
		unknown.push('emails');
		notes.push('No email addresses were visible (the integration lacks the "read user information including email addresses" capability).');
	}
	if (source === 'scim' && bots === 0) {
		notes.push('SCIM lists people only: integrations (bots) are not counted.');
	}
	if (listing.via.fallbackDetail) notes.push(listing.via.fallbackDetail);
	notes.push('Guests are never listed by Notion\'s APIs and hold no seat.');

	const summary: LicenseSummary = {
		source,
		fallbackReason: listing.via.fallbackReason ?? null,
		fallbackDetail: listing.via.fallbackDetail ?? null,
		activeMembers,
		activeByRole,
		deactivatedMembers: statusUnknown > 0 ? null : deactivated,
		bots: source === 'scim' && bots === 0 ? null : bots,
		unknown,
		notes,
	};
	if (options.includeMembers) {
		summary.members = listing.members.map(withoutRaw);
	}
	return summary;
}

/** A member as output: the untouched resource is only for callers that asked for it. */
export function withoutRaw({ raw: _raw, ...member }: Member): Member {
	return member;
}
