/**
 * Credit usage as the Admin API answers it: per current member (restricted included; not bots nor
 * guests) for the current billing period, and per billing period for one member, newest first.
 * Whole credits (the seed's numbers are rounded down). A workspace without a billing period
 * (`analytics.unbilledWorkspaceIds`) is 404.
 */
import type { Workspace } from '../store';
import { billingPeriod, creditsOf } from './activity';
import { AdminFailure } from './errors';
import type { Organization, OrgUser } from './organization';

export function assertBilled(org: Organization, workspaceId: string): void {
	if (org.analytics.unbilled.has(workspaceId)) {
		throw new AdminFailure(404, 'object_not_found', `Workspace ${workspaceId} has no billing period.`);
	}
}

/** The people who are current members of the workspace (roles other than guest), by id. */
export function currentMembers(org: Organization, workspaceId: string, store: Workspace): OrgUser[] {
	return org.users(workspaceId, store).filter((u) => u.type === 'person' && org.roleIn(u.id, workspaceId, store) !== 'guest');
}

/** The current billing period as the answers name it. */
export function currentPeriod(now: number): { metrics_period_start_ms: number; metrics_period_end_ms: number } {
	const period = billingPeriod(now, 0);
	return { metrics_period_start_ms: period.start, metrics_period_end_ms: period.end };
}

/** One member's row; `withPeriod` puts the current period on it (`adminCreditUsagePeriodAt: 'result'`). */
export function renderMemberUsage(org: Organization, user: OrgUser, now: number, withPeriod: boolean): object {
	const usage = creditsOf(org.analytics, user.email ?? '');
	return {
		object: 'user_credit_usage',
		user_id: user.id,
		credits_used: usage.periods[0] ?? 0,
		total_credits_used: usage.periods.reduce((a, b) => a + b, 0),
		credit_limit: usage.limit,
		...(withPeriod ? currentPeriod(now) : {}),
	};
}

/** One member's periods, newest first, keyed "000", "001", … so the list's cursors keep that order. */
export function memberPeriods(org: Organization, user: OrgUser, now: number): Array<{ key: string; body: object }> {
	return creditsOf(org.analytics, user.email ?? '').periods.map((credits, k) => {
		const period = billingPeriod(now, k);
		return {
			key: String(k).padStart(3, '0'),
			body: { object: 'user_credit_usage_period', metrics_period_start_ms: period.start, metrics_period_end_ms: period.end, credits_used: credits },
		};
	});
}
