/**
 * Notion AI credit usage: every current member's usage in the current billing period
 * (`GET /v1/spaces/{id}/users/credit_usage`, ordered by user id, members with none included) and
 * one member's usage per billing period, newest first (`GET …/users/{user_id}/credit_usage`).
 * Both page with `start_cursor`/`page_size` and answer `has_more`/`next_cursor` (pages.ts).
 *
 * Counts are whole credits, rounded down by Notion, and include the agents a person owns that
 * spend the owner's credits. The per-member entry's user field, the period bounds' names and
 * whether the current period sits on each entry or once beside `results` are not spelled out:
 * each is read under every likely name, in both places. So the member list is paged here, where
 * the whole page is seen, rather than through pages.ts, which hands on only `results`.
 */
import { NotionAdminError } from '../errors';
import { adminCall, isObject, type AdminContext } from './adminRequest';
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

/**
 * The same period for (nearly) every entry of a listing: one string per distinct bound, not two new
 * ones per member (at 100,000 members, about 8 MB of copies of two dates).
 */
function sharedTimes(): (value: unknown) => string | null {
	const known = new Map<unknown, string | null>();
	return (value) => {
		if (known.has(value)) return known.get(value) ?? null;
		const time = isoTime(value);
		// A listing whose entries each had their own period keeps no more than a few.
		if (known.size >= 16) known.clear();
		known.set(value, time);
		return time;
	};
}

/** `beside`: the page, whose period bounds count where an entry has none. */
function toMemberUsage(raw: unknown, beside: Record<string, unknown>, time: (value: unknown) => string | null = isoTime): MemberCreditUsage | undefined {
	if (!isObject(raw)) return undefined;
	const user = isObject(raw.user) ? raw.user : {};
	const userId = [raw.user_id, user.id, raw.id].find((value): value is string => typeof value === 'string' && value !== '');
	if (userId === undefined) return undefined;
	return {
		userId,
		creditsUsed: count(raw.credits_used),
		totalCreditsUsed: count(raw.total_credits_used),
		creditLimit: count(raw.credit_limit),
		periodStart: time(first(raw, START) ?? first(beside, START)),
		periodEnd: time(first(raw, END) ?? first(beside, END)),
	};
}

function toPeriod(raw: unknown): CreditPeriod | undefined {
	if (!isObject(raw)) return undefined;
	return { creditsUsed: count(raw.credits_used), periodStart: isoTime(first(raw, START)), periodEnd: isoTime(first(raw, END)) };
}

const broken = (message: string) => new NotionAdminError('bad_response', message, 'Notion sent a broken listing; try again later', { api: 'organization' });

export async function listMemberCreditUsage(context: AdminContext, workspaceId: string, limit?: number): Promise<MemberCreditUsage[]> {
	const path = `/spaces/${encodeURIComponent(workspaceId)}/users/credit_usage`;
	const out: MemberCreditUsage[] = [];
	const seen = new Set<string>();
	const time = sharedTimes();
	let cursor: string | undefined;
	for (;;) {
		const { json } = await adminCall(context, {
			method: 'GET',
			path,
			query: { page_size: Math.min(context.pageSize, limit === undefined ? context.pageSize : limit - out.length), start_cursor: cursor },
			action: "list the members' credit usage",
			scope: SCOPES.readCreditUsage,
			notFound: `No credit usage for workspace ${workspaceId}: it is not a live workspace of this organization, or it has no billing period yet`,
			idempotent: true,
			accepts: (body) => isObject(body) && Array.isArray(body.results),
		});
		const page = json as Record<string, unknown> & { results: unknown[] };
		for (const raw of page.results) {
			const usage = toMemberUsage(raw, page, time);
			// A member silently left out would read as one who used nothing.
			if (usage === undefined) throw broken(`Notion's Admin API listed a credit usage entry without a user under ${path}`);
			out.push(usage);
			if (limit !== undefined && out.length >= limit) return out;
		}
		const next = typeof page.next_cursor === 'string' && page.next_cursor !== '' && page.has_more !== false ? page.next_cursor : undefined;
		if (next === undefined && page.has_more === true) throw broken(`Notion's Admin API said there is more credit usage under ${path} but gave no cursor to read it`);
		if (next === undefined) return out;
		if (seen.has(next)) throw broken(`Notion's Admin API gave the same cursor twice while listing ${path}`);
		seen.add(next);
		cursor = next;
	}
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
