/**
 * Notion AI credit usage: every current member's usage in the current billing period
 * (`GET /v1/spaces/{id}/users/credit_usage`, ordered by user id, members with none included) and
 * one member's usage per billing period, newest first (`GET …/users/{user_id}/credit_usage`).
 * Both page with `start_cursor`/`page_size` and answer `has_more`/`next_cursor` (pages.ts).
 *
 * Counts are whole credits, rounded down by Notion, and include the agents a person owns that
 * spend the owner's credits. The per-member entry's user field and the period bounds of a period
 * entry are not spelled out: both are read under each likely name.
 */
import { isObject, type AdminContext } from './adminRequest';
import { collect } from './pages';
import { SCOPES } from './scopes';

export interface MemberCreditUsage {
	userId: string;
	/** In the current billing period. */
	creditsUsed: number | null;
	/** Over every period. */
	totalCreditsUsed: number | null;
	/** The member's limit in force: null = none; 0 = cannot spend until a limit is set. */
	creditLimit: number | null;
	periodStart: string | null;
	periodEnd: string | null;
}

export interface CreditPeriod {
	creditsUsed: number | null;
	periodStart: string | null;
	periodEnd: string | null;
}

const count = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

function isoTime(value: unknown): string | null {
	if (typeof value === 'number' && Number.isFinite(value)) return new Date(value).toISOString();
	if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
	return null;
}

const first = (raw: Record<string, unknown>, names: string[]): unknown => names.map((name) => raw[name]).find((value) => value !== undefined && value !== null);

const START = ['metrics_period_start_ms', 'period_start_ms', 'billing_period_start_ms', 'period_start', 'start_time'];
const END = ['metrics_period_end_ms', 'period_end_ms', 'billing_period_end_ms', 'period_end', 'end_time'];

function toMemberUsage(raw: unknown): MemberCreditUsage | undefined {
	if (!isObject(raw)) return undefined;
	const user = isObject(raw.user) ? raw.user : {};
	const userId = [raw.user_id, user.id, raw.id].find((value): value is string => typeof value === 'string' && value !== '');
	if (userId === undefined) return undefined;
	return {
		userId,
		creditsUsed: count(raw.credits_used),
		totalCreditsUsed: count(raw.total_credits_used),
		creditLimit: count(raw.credit_limit),
		periodStart: isoTime(first(raw, START)),
		periodEnd: isoTime(first(raw, END)),
	};
}

function toPeriod(raw: unknown): CreditPeriod | undefined {
	if (!isObject(raw)) return undefined;
	return { creditsUsed: count(raw.credits_used), periodStart: isoTime(first(raw, START)), periodEnd: isoTime(first(raw, END)) };
}

export async function listMemberCreditUsage(context: AdminContext, workspaceId: string, limit?: number): Promise<MemberCreditUsage[]> {
	return await collect(
		context,
		{
			path: `/spaces/${encodeURIComponent(workspaceId)}/users/credit_usage`,
			action: "list the members' credit usage",
			scope: SCOPES.readCreditUsage,
			notFound: `No credit usage for workspace ${workspaceId}: it is not a live workspace of this organization, or it has no billing period yet`,
			cursorParam: 'start_cursor',
			paged: true,
		},
		toMemberUsage,
		limit,
	);
}

export async function listCreditPeriods(context: AdminContext, workspaceId: string, userId: string, limit?: number): Promise<CreditPeriod[]> {
	return await collect(
		context,
		{
			path: `/spaces/${encodeURIComponent(workspaceId)}/users/${encodeURIComponent(userId)}/credit_usage`,
			action: "list a member's credit usage per billing period",
			scope: SCOPES.readCreditUsage,
			notFound: `No credit usage for user ${userId} in workspace ${workspaceId}: they are not a current member there, or the workspace has no billing period yet`,
			cursorParam: 'start_cursor',
			paged: true,
		},
		toPeriod,
		limit,
	);
}
