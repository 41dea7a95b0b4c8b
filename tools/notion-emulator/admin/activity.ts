/**
 * Each person's activity and credit usage: the seed's entry for their email, else rules on a hash
 * of the email (not of the id, which a seed may leave to chance), so the same seed always gives the
 * same report. The rules are in docs/emulator.md; a test that needs a known answer seeds `people`.
 */
import type { Workspace } from '../store';
import type { Seed } from '../types';
import type { AnalyticsReportState, SeedActivity } from './activityTypes';
import { Records } from './records';

/** The organization's analytics: what the seed says, and the reports asked for. */
export interface AnalyticsState {
	hipaa: ReadonlySet<string>;
	unbilled: ReadonlySet<string>;
	billingPeriods: number;
	people: ReadonlyMap<string, SeedActivity>;
	generated: boolean;
	/** The main workspace's page guests (ids, in seed order): the store lists no guests. */
	guests: readonly string[];
	reports: Records<AnalyticsReportState>;
}

export function analyticsFromSeed(seed: Seed, store: Workspace): AnalyticsState {
	const a = seed.organization?.analytics ?? {};
	const guests: string[] = [];
	for (const g of seed.guests) {
		const person = store.personByEmail(g.email);
		if (person?.kind === 'guest') guests.push(person.id);
	}
	return {
		hipaa: new Set(a.hipaaWorkspaceIds ?? []),
		unbilled: new Set(a.unbilledWorkspaceIds ?? []),
		billingPeriods: Math.max(1, a.billingPeriods ?? 3),
		people: new Map(Object.entries(a.people ?? {}).map(([email, activity]) => [email.toLowerCase(), activity])),
		generated: (a.activity ?? 'generated') === 'generated',
		guests,
		reports: new Records(),
	};
}

/** A throw-away copy for a fault's write: its own reports, the same (read-only) seed. */
export function cloneAnalytics(state: AnalyticsState): AnalyticsState {
	return { ...state, reports: state.reports.clone() };
}

/** FNV-1a: cheap, stable across runs and platforms. */
function hash(text: string): number {
	let h = 2166136261;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
	return h >>> 0;
}

const TEAMSPACES = ['Engineering', 'Sales', 'Design', 'Operations'];
const NONE: SeedActivity = { lastActiveDaysAgo: null, viewsPerDay: 0, editsPerDay: 0, credits: [] };

/**
 * The generated rules, by h = hash of the lower-case email: h % 5 = 0 no active day in 365 days;
 * h % 5 = 1 last active 60 + h % 120 days ago, weekly before that; else last active h % 3 days
 * ago, every 1 + h % 4 days. Views per active day 1 + h % 9, edits h % 4.
 */
function generated(h: number): SeedActivity {
	const lastActiveDaysAgo = h % 5 === 0 ? null : h % 5 === 1 ? 60 + (h % 120) : h % 3;
	return { lastActiveDaysAgo, everyDays: h % 5 === 1 ? 7 : 1 + (h % 4), viewsPerDay: 1 + (h % 9), editsPerDay: h % 4 };
}

export function activityOf(state: AnalyticsState, email: string): SeedActivity {
	const lower = email.toLowerCase();
	return state.people.get(lower) ?? (state.generated ? generated(hash(lower)) : NONE);
}

/** Active days between `fromAgo` and `toAgo` days before the report's day (fromAgo ≥ toAgo), both included. */
export function activeDaysIn(activity: SeedActivity, fromAgo: number, toAgo: number): number {
	const last = activity.lastActiveDaysAgo;
	if (last === null) return 0;
	const every = Math.max(1, activity.everyDays ?? 1);
	const first = Math.max(0, Math.ceil((toAgo - last) / every));
	const final = Math.floor((fromAgo - last) / every);
	return Math.max(0, final - first + 1);
}

/**
 * Teamspaces: the seed's, else none for a page guest, "General" for a restricted member and
 * "General" plus one of four by hash for the others.
 */
export function teamspacesOf(activity: SeedActivity, email: string, role: string): string[] {
	if (activity.teamspaces) return [...activity.teamspaces];
	if (role === 'page_guest') return [];
	if (role === 'restricted_member') return ['General'];
	return ['General', TEAMSPACES[hash(`${email.toLowerCase()}#teamspace`) % TEAMSPACES.length]];
}

export interface CreditUsage {
	/** Whole credits per billing period, the current one first. */
	periods: number[];
	limit: number | null;
}

/**
 * Generated credits, by h = hash of the email: h % 3 = 0 none in any period; else period k
 * (0 = current) used (h >> k) % 200 credits. Limit: h % 4 = 1 → 1000, h % 11 = 0 → 0, else null.
 */
export function creditsOf(state: AnalyticsState, email: string): CreditUsage {
	const lower = email.toLowerCase();
	const seeded = state.people.get(lower);
	const h = hash(`${lower}#credits`);
	const generatedOnes = state.generated && !seeded;
	const periods = Array.from({ length: state.billingPeriods }, (_, k) => {
		if (seeded) return Math.floor(seeded.credits?.[k] ?? 0);
		return generatedOnes && h % 3 !== 0 ? (h >>> k) % 200 : 0;
	});
	const limit = seeded ? (seeded.creditLimit ?? null) : !generatedOnes ? null : h % 4 === 1 ? 1000 : h % 11 === 0 ? 0 : null;
	return { periods, limit };
}

/** Billing period k (0 = current): calendar months in UTC by the emulator's clock. */
export function billingPeriod(now: number, k: number): { start: number; end: number } {
	const d = new Date(now);
	const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - k, 1);
	const end = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - k + 1, 1);
	return { start, end };
}
