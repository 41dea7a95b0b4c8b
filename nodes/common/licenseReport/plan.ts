/**
 * A license report's figures, built from the activity report joined with the member listing
 * (activityJoin.ts), the credit usage and the plan's rules. Pure: no request, no n8n.
 *
 * Who counts as what:
 * - a seat is a listed person (not a bot) with a row in the report; their role is the row's;
 * - inactive: a seat whose row has no active day in the period;
 * - a listed person without a row is not judged: the report covers the people of the day it was
 *   made (someone who joined since has none) and only a row tells the role, so calling them
 *   inactive would put a newcomer in the plan. They are counted apart (`notInReport`);
 * - page guests and bots hold no member seat and are never in the plan;
 * - the plan takes inactive seats whose role is one of the rule's roles (owners never), less the
 *   members of the exempt groups. It is only a plan: nothing is written.
 *
 * The summary is one item, so its per-member lists (inactive seats, the plan, AI credits) show the
 * first LISTED_IN_SUMMARY with the counts; every inactive seat and plan member goes out as an item of
 * its own on request. At 100,000 members a list of every inactive seat in one item would be tens
 * of megabytes held at once, and unreadable in n8n's item view.
 */
import type { ActivityFigures, GuestActivity, JoinedActivity, MemberActivity } from '../connector/organization/activityJoin';
import type { MemberCreditUsage } from '../connector/organization/creditUsage';
import { normalizeId } from '../connector/validate';

export type ReclaimAction = 'downgrade' | 'remove';
export type ReclaimRole = 'member' | 'membership_admin' | 'restricted_member';

export interface PlanRules {
	action: ReclaimAction;
	roles: ReclaimRole[];
	/** The exempt groups as found in the workspace, with their direct members' ids. */
	exemptGroups: Array<{ id: string; name: string; memberIds: string[] }>;
}

export interface Period {
	startDate: string;
	endDate: string;
	timeZone: string;
	days: number;
}

/** Credit usage as read, or why there is none. */
export type Credits = { usage: MemberCreditUsage[] } | { note: string } | undefined;

export interface LicenseReportInput {
	workspaceId: string;
	reportId: string;
	period: Period;
	joined: JoinedActivity;
	credits: Credits;
	rules: PlanRules;
	/** Whether to keep every inactive seat's item (`inactive`); the summary has the first ones either way. */
	inactiveItems?: boolean;
}

export interface PlanEntry {
	userId: string;
	email: string | null;
	name: string | null;
	role: string;
	action: ReclaimAction;
	/** For a downgrade, the role to set. */
	newRole?: 'restricted_member';
	reason: string;
}

export interface LicenseReport {
	summary: Record<string, unknown>;
	plan: PlanEntry[];
	guests: Array<Record<string, unknown>>;
	/** Every inactive seat when asked for (`inactiveItems`), else empty. */
	inactive: Array<Record<string, unknown>>;
}

const SEAT_ROLES = ['owner', 'membership_admin', 'member', 'restricted_member'];
const TOP = 5;
/** How many inactive seats and plan members the summary lists by name. */
export const LISTED_IN_SUMMARY = 100;

const key = (id: string): string => normalizeId(id) ?? id.trim().toLowerCase();

function activityItem(figures: ActivityFigures, who: { userId: string; email: string | null; name: string | null }): Record<string, unknown> {
	return {
		userId: who.userId,
		email: who.email,
		name: who.name,
		role: figures.role,
		activeDays: figures.activeDays,
		pageViews: figures.pageViews,
		pageEdits: figures.pageEdits,
		...(figures.lastActive === undefined ? {} : { lastActive: figures.lastActive }),
	};
}

const guestItem = (guest: GuestActivity): Record<string, unknown> => activityItem(guest, guest);

/** Most credits first, then by user id: the order of `top` and of the summary's credit list. */
const byCreditsUsed = (a: MemberCreditUsage, b: MemberCreditUsage): number => (b.creditsUsed ?? 0) - (a.creditsUsed ?? 0) || (a.userId < b.userId ? -1 : 1);

/**
 * Every member's credits count in the total, but only the LISTED_IN_SUMMARY who used the most are
 * named (and only they are looked up among the members): at 100,000 members a name for each
 * would make the summary tens of megabytes, as the inactive seats would.
 */
function creditSummary(credits: Credits, members: JoinedActivity['members']): Record<string, unknown> {
	if (credits === undefined) return { included: false };
	if ('note' in credits) return { included: false, note: credits.note };
	const { usage } = credits;
	const ranked = [...usage].sort(byCreditsUsed);
	const named = ranked.slice(0, LISTED_IN_SUMMARY);
	const wanted = new Set(named.map((entry) => key(entry.userId)));
	const people = new Map<string, MemberActivity['user']>();
	for (const { user } of members) {
		const id = key(user.id);
		if (wanted.has(id)) people.set(id, user);
	}
	const entry = (usage: MemberCreditUsage) => {
		const person = people.get(key(usage.userId));
		return { userId: usage.userId, email: person?.email ?? null, name: person?.name ?? null, creditsUsed: usage.creditsUsed, creditLimit: usage.creditLimit };
	};
	const listedMembers = named.map(entry);
	const top = listedMembers.filter((member) => (member.creditsUsed ?? 0) > 0).slice(0, TOP);
	const first = usage[0];
	const lowestNamed = named[named.length - 1]?.creditsUsed ?? 0;
	return {
		included: true,
		periodStart: first?.periodStart ?? null,
		periodEnd: first?.periodEnd ?? null,
		totalCreditsUsed: usage.reduce((sum, member) => sum + (member.creditsUsed ?? 0), 0),
		count: usage.length,
		members: listedMembers,
		...(usage.length > named.length
			? {
					shown: named.length,
					note: `The ${named.length} of ${usage.length} members who used the most credits, most first; each of the others used at most ${lowestNamed}. Notion's Admin API lists every member's usage (GET /v1/spaces/{workspace id}/users/credit_usage).`,
				}
			: {}),
		top,
	};
}

/** One reason per role (the same words for every member of it: one string, not one per member). */
function reasons(period: Period, rules: PlanRules): (role: string) => string {
	const span = `the last ${period.days} days (${period.startDate} to ${period.endDate}, ${period.timeZone})`;
	const what = rules.action === 'downgrade' ? 'downgrade to restricted member' : 'remove from the workspace';
	const made = new Map<string, string>();
	return (role) => {
		let reason = made.get(role);
		if (reason === undefined) made.set(role, (reason = `${role} with no active day in ${span}: ${what}`));
		return reason;
	};
}

/** The first ones of a list, and when there are more, how many are shown and where the rest are. */
function listed<T>(all: T[], count: number, rest: string, copy: (entry: T) => T = (entry) => entry): { members: T[]; shown?: number; note?: string } {
	const members = all.slice(0, LISTED_IN_SUMMARY).map(copy);
	if (count <= members.length) return { members };
	return { members, shown: members.length, note: `The first ${members.length} of ${count}, in the listing's order. ${rest}` };
}

export function buildLicenseReport(input: LicenseReportInput): LicenseReport {
	const { joined, period, rules } = input;
	const exempt = new Set(rules.exemptGroups.flatMap((group) => group.memberIds.map(key)));
	const byRole: Record<string, number> = Object.fromEntries(SEAT_ROLES.map((role) => [role, 0]));
	const inactiveByRole: Record<string, number> = {};
	let inactiveCount = 0;
	const inactive: Array<Record<string, unknown>> = [];
	const keepInactive = input.inactiveItems === true ? Number.POSITIVE_INFINITY : LISTED_IN_SUMMARY;
	const notInReport: string[] = [];
	const notJudged: string[] = [];
	const plan: PlanEntry[] = [];
	const reasonFor = reasons(period, rules);
	for (const { user, activity } of joined.members) {
		if (activity === null) {
			notInReport.push(user.id);
			continue;
		}
		const role = activity.role ?? 'unknown';
		byRole[role] = (byRole[role] ?? 0) + 1;
		// A file without the active-days column cannot say who is inactive: nobody is guessed so.
		if (activity.activeDays === null) {
			notJudged.push(user.id);
			continue;
		}
		if (activity.activeDays > 0) continue;
		inactiveCount += 1;
		inactiveByRole[role] = (inactiveByRole[role] ?? 0) + 1;
		if (inactive.length < keepInactive) inactive.push(activityItem(activity, { userId: user.id, email: user.email, name: user.name }));
		if (!rules.roles.includes(role as ReclaimRole) || exempt.has(key(user.id))) continue;
		plan.push({
			userId: user.id,
			email: user.email,
			name: user.name,
			role,
			action: rules.action,
			...(rules.action === 'downgrade' ? { newRole: 'restricted_member' as const } : {}),
			reason: reasonFor(role),
		});
	}
	const guests = joined.guests.map(guestItem);
	const summary: Record<string, unknown> = {
		kind: 'summary',
		workspaceId: input.workspaceId,
		reportId: input.reportId,
		period: { ...period },
		seats: { total: Object.values(byRole).reduce((a, b) => a + b, 0), byRole },
		inactiveSeats: { count: inactiveCount, byRole: inactiveByRole, ...listed(inactive, inactiveCount, 'Options → Inactive Seat Items gives one item per inactive seat.') },
		guests: { count: guests.length },
		bots: { count: joined.bots.length },
		notInReport: { count: notInReport.length, userIds: notInReport },
		...(notJudged.length > 0 ? { notJudged: { count: notJudged.length, userIds: notJudged, note: 'The report file has no active days for them' } } : {}),
		leftSinceReport: { count: joined.unlisted.length, userIds: [...joined.unlisted] },
		aiCredits: creditSummary(input.credits, joined.members),
		reclaimPlan: {
			note: 'A plan only: nothing was changed in Notion. Apply it in a later node, after approval.',
			action: rules.action,
			roles: [...rules.roles],
			exemptGroups: rules.exemptGroups.map(({ id, name }) => ({ id, name })),
			count: plan.length,
			...listed(plan, plan.length, 'Options → Output with the plan gives one item per member of it.', (entry) => ({ ...entry })),
		},
	};
	return { summary, plan, guests, inactive: input.inactiveItems === true ? inactive : [] };
}
