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
 */
import type { JoinedActivity, MemberActivity } from '../connector/organization/activityJoin';
import type { MemberCreditUsage } from '../connector/organization/creditUsage';
import type { ActivityRow } from '../connector/organization/reportRows';
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
}

const SEAT_ROLES = ['owner', 'membership_admin', 'member', 'restricted_member'];
const TOP = 5;

const key = (id: string): string => normalizeId(id) ?? id.trim().toLowerCase();

/** The row's last active day, when the file has such a column (Notion does not document one). */
function lastActiveOf(row: ActivityRow): string | undefined {
	for (const name of ['last_active', 'last_active_date', 'last_active_time', 'last_activity']) {
		const value = row.fields[name];
		if (typeof value === 'string' && value.trim() !== '') return value.trim();
	}
	return undefined;
}

function activityItem(row: ActivityRow, person?: MemberActivity['user']): Record<string, unknown> {
	const lastActive = lastActiveOf(row);
	return {
		userId: person?.id ?? row.userId,
		email: person?.email ?? row.email,
		name: person?.name ?? row.name,
		role: row.role,
		activeDays: row.activeDays,
		pageViews: row.pageViews,
		pageEdits: row.pageEdits,
		...(lastActive === undefined ? {} : { lastActive }),
	};
}

function creditSummary(credits: Credits, people: Map<string, MemberActivity['user']>): Record<string, unknown> {
	if (credits === undefined) return { included: false };
	if ('note' in credits) return { included: false, note: credits.note };
	const members = credits.usage.map((entry) => {
		const person = people.get(key(entry.userId));
		return { userId: entry.userId, email: person?.email ?? null, name: person?.name ?? null, creditsUsed: entry.creditsUsed, creditLimit: entry.creditLimit };
	});
	const top = members
		.filter((entry) => (entry.creditsUsed ?? 0) > 0)
		.sort((a, b) => (b.creditsUsed ?? 0) - (a.creditsUsed ?? 0) || (a.userId < b.userId ? -1 : 1))
		.slice(0, TOP);
	const first = credits.usage[0];
	return {
		included: true,
		periodStart: first?.periodStart ?? null,
		periodEnd: first?.periodEnd ?? null,
		totalCreditsUsed: members.reduce((sum, entry) => sum + (entry.creditsUsed ?? 0), 0),
		members,
		top,
	};
}

function reasonFor(row: ActivityRow, period: Period, rules: PlanRules): string {
	const span = `the last ${period.days} days (${period.startDate} to ${period.endDate}, ${period.timeZone})`;
	const what = rules.action === 'downgrade' ? 'downgrade to restricted member' : 'remove from the workspace';
	return `${row.role} with no active day in ${span}: ${what}`;
}

export function buildLicenseReport(input: LicenseReportInput): LicenseReport {
	const { joined, period, rules } = input;
	const exempt = new Set(rules.exemptGroups.flatMap((group) => group.memberIds.map(key)));
	const people = new Map(joined.members.map(({ user }) => [key(user.id), user]));
	const byRole: Record<string, number> = Object.fromEntries(SEAT_ROLES.map((role) => [role, 0]));
	const inactive: Array<Record<string, unknown>> = [];
	const notInReport: string[] = [];
	const notJudged: string[] = [];
	const plan: PlanEntry[] = [];
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
		inactive.push(activityItem(activity, user));
		if (!rules.roles.includes(role as ReclaimRole) || exempt.has(key(user.id))) continue;
		plan.push({
			userId: user.id,
			email: user.email ?? activity.email,
			name: user.name ?? activity.name,
			role,
			action: rules.action,
			...(rules.action === 'downgrade' ? { newRole: 'restricted_member' as const } : {}),
			reason: reasonFor(activity, period, rules),
		});
	}
	const guests = joined.guests.map((row) => activityItem(row));
	const summary: Record<string, unknown> = {
		kind: 'summary',
		workspaceId: input.workspaceId,
		reportId: input.reportId,
		period: { ...period },
		seats: { total: Object.values(byRole).reduce((a, b) => a + b, 0), byRole },
		inactiveSeats: { count: inactive.length, members: inactive },
		guests: { count: guests.length },
		bots: { count: joined.bots.length },
		notInReport: { count: notInReport.length, userIds: notInReport },
		...(notJudged.length > 0 ? { notJudged: { count: notJudged.length, userIds: notJudged, note: 'The report file has no active days for them' } } : {}),
		leftSinceReport: { count: joined.unlisted.length, userIds: joined.unlisted.map((row) => row.userId) },
		aiCredits: creditSummary(input.credits, people),
		reclaimPlan: {
			note: 'A plan only: nothing was changed in Notion. Apply it in a later node, after approval.',
			action: rules.action,
			roles: [...rules.roles],
			exemptGroups: rules.exemptGroups.map(({ id, name }) => ({ id, name })),
			count: plan.length,
			members: plan.map((entry) => ({ ...entry })),
		},
	};
	return { summary, plan, guests };
}
