/**
 * The license report's builder (nodes/common/licenseReport/plan.ts) on joins the emulator does not
 * make: people without rows, rows without active days, rows of people no longer listed, a
 * last-active column; and a workspace too large to list every inactive seat in the summary.
 */
import { joinActivity } from '../../../nodes/common/connector/organization/activityJoin';
import type { MemberCreditUsage } from '../../../nodes/common/connector/organization/creditUsage';
import type { ActivityRow } from '../../../nodes/common/connector/organization/reportRows';
import { licenseReportItems } from '../../../nodes/common/licenseReport/makeLicenseReport';
import { buildLicenseReport, LISTED_IN_SUMMARY } from '../../../nodes/common/licenseReport/plan';

describe('the license report builder on join cases the emulator does not make', () => {
	const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
	const row = (n: number, role: string, activeDays: number | null, fields: Record<string, unknown> = {}): ActivityRow => ({
		userId: id(n),
		name: `P${n}`,
		email: `p${n}@acme.test`,
		role,
		teamspaces: [],
		pageViews: activeDays,
		pageEdits: 0,
		activeDays,
		line: n,
		fields,
	});
	const person = (n: number, type: 'person' | 'bot' = 'person') => ({ id: id(n), type, name: `P${n}`, email: type === 'bot' ? null : `p${n}@acme.test` });

	it('a listed member without a row is not judged (not inactive, not in the plan); a row without active days neither; a row of someone no longer listed is apart; a last-active column is passed on', async () => {
		async function* rows() {
			yield row(1, 'member', 0, { last_active: '2026-06-01' });
			yield row(2, 'member', null);
			yield row(4, 'member', 0);
			yield row(5, 'page_guest', 0);
		}
		const joined = await joinActivity(rows(), [person(1), person(2), person(3), person(6, 'bot')]);
		const { summary, plan, guests } = buildLicenseReport({
			workspaceId: id(99),
			reportId: 'r1',
			period: { startDate: '2026-11-03', endDate: '2026-12-02', timeZone: 'UTC', days: 30 },
			joined,
			credits: { note: 'none' },
			rules: { action: 'remove', roles: ['member'], exemptGroups: [] },
		});
		expect(summary).toMatchObject({
			seats: { total: 2, byRole: { member: 2 } },
			inactiveSeats: { count: 1, members: [{ userId: id(1), lastActive: '2026-06-01' }] },
			notInReport: { count: 1, userIds: [id(3)] },
			notJudged: { count: 1, userIds: [id(2)] },
			leftSinceReport: { count: 1, userIds: [id(4)] },
			guests: { count: 1 },
			bots: { count: 1 },
			aiCredits: { included: false, note: 'none' },
		});
		expect(plan.map((entry) => entry.userId)).toEqual([id(1)]);
		expect(guests.map((guest) => guest.userId)).toEqual([id(5)]);
	});
});

describe('a workspace with more inactive seats than the summary lists', () => {
	const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
	const people = Array.from({ length: 250 }, (_, i) => ({ id: id(i + 1), type: 'person' as const, name: `P${i + 1}`, email: `p${i + 1}@acme.test` }));
	// 1–200 inactive (the first 20 restricted members), 201–250 active.
	const rows = (): ActivityRow[] =>
		people.map((person, i) => ({
			userId: person.id, name: null, email: null, role: i < 20 ? 'restricted_member' : 'member', teamspaces: [], pageViews: i < 200 ? 0 : 3, pageEdits: 0, activeDays: i < 200 ? 0 : 2, line: i + 1, fields: {},
		}));
	const build = async (inactiveItems?: boolean) =>
		buildLicenseReport({
			workspaceId: id(999),
			reportId: 'r1',
			period: { startDate: '2026-11-03', endDate: '2026-12-02', timeZone: 'UTC', days: 30 },
			joined: await joinActivity(rows(), people),
			credits: undefined,
			rules: { action: 'downgrade', roles: ['member'], exemptGroups: [] },
			inactiveItems,
		});

	it('the summary counts every inactive seat and plan member, lists the first 100 of each and says where the rest are', async () => {
		const { summary, plan, inactive } = await build();
		expect(LISTED_IN_SUMMARY).toBe(100);
		const seats = summary.inactiveSeats as { count: number; byRole: object; members: Array<{ userId: string }>; shown: number; note: string };
		expect(seats).toMatchObject({ count: 200, byRole: { restricted_member: 20, member: 180 }, shown: 100 });
		expect(seats.members.map((entry) => entry.userId)).toEqual(people.slice(0, 100).map((person) => person.id));
		expect(seats.note).toContain('The first 100 of 200');
		expect(seats.note).toContain('Inactive Seat Items');
		const planned = summary.reclaimPlan as { count: number; members: Array<{ userId: string }>; shown: number; note: string };
		expect(planned).toMatchObject({ count: 180, shown: 100 });
		expect(planned.members.map((entry) => entry.userId)).toEqual(people.slice(20, 120).map((person) => person.id));
		expect(planned.note).toContain('The first 100 of 180');
		// Every plan member is still there for the plan items; no inactive-seat item was asked for.
		expect(plan).toHaveLength(180);
		expect(inactive).toEqual([]);
		expect(new Set(plan.map((entry) => entry.reason)).size).toBe(1);
	});

	it('asked for, every inactive seat is an item of its own, after the summary and the plan items', async () => {
		const report = await build(true);
		expect(report.inactive).toHaveLength(200);
		const items = licenseReportItems(report, { workspaceId: id(999), output: 'plan' });
		expect(items.map((item) => item.kind)).toEqual(['summary', ...Array(180).fill('reclaim'), ...Array(200).fill('inactive')]);
		expect(items[181]).toEqual({ kind: 'inactive', workspaceId: id(999), userId: id(1), email: 'p1@acme.test', name: 'P1', role: 'restricted_member', activeDays: 0, pageViews: 0, pageEdits: 0 });
		expect((report.summary.inactiveSeats as { members: unknown[] }).members).toHaveLength(100);
	});

	it('a summary of no more than 100 has no note', async () => {
		const small = buildLicenseReport({
			workspaceId: id(999),
			reportId: 'r1',
			period: { startDate: '2026-11-03', endDate: '2026-12-02', timeZone: 'UTC', days: 30 },
			joined: await joinActivity(rows().slice(0, 100), people.slice(0, 100)),
			credits: undefined,
			rules: { action: 'downgrade', roles: ['member'], exemptGroups: [] },
		});
		expect(small.summary.inactiveSeats).toEqual({ count: 100, byRole: { restricted_member: 20, member: 80 }, members: expect.any(Array) });
		expect((small.summary.inactiveSeats as { members: unknown[] }).members).toHaveLength(100);
	});
});

describe('AI credits in a workspace with more members than the summary lists', () => {
	const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
	const people = Array.from({ length: 250 }, (_, i) => ({ id: id(i + 1), type: 'person' as const, name: `P${i + 1}`, email: `p${i + 1}@acme.test` }));
	const rows = (count: number): ActivityRow[] =>
		people.slice(0, count).map((person, i) => ({ userId: person.id, name: null, email: null, role: 'member', teamspaces: [], pageViews: 1, pageEdits: 0, activeDays: 1, line: i + 1, fields: {} }));
	/** Member n used n credits, except every tenth, who used none; Notion lists them by user id. */
	const usage = (count: number): MemberCreditUsage[] =>
		people.slice(0, count).map((person, i) => ({
			userId: person.id,
			creditsUsed: (i + 1) % 10 === 0 ? 0 : i + 1,
			totalCreditsUsed: null,
			creditLimit: null,
			periodStart: '2026-12-01T00:00:00.000Z',
			periodEnd: '2027-01-01T00:00:00.000Z',
		}));
	const build = async (count: number) =>
		buildLicenseReport({
			workspaceId: id(999),
			reportId: 'r1',
			period: { startDate: '2026-11-03', endDate: '2026-12-02', timeZone: 'UTC', days: 30 },
			joined: await joinActivity(rows(count), people.slice(0, count)),
			credits: { usage: usage(count) },
			rules: { action: 'downgrade', roles: ['member'], exemptGroups: [] },
		}).summary.aiCredits as { count: number; totalCreditsUsed: number; members: Array<{ userId: string; name: string | null; creditsUsed: number }>; shown?: number; note?: string; top: Array<{ userId: string; creditsUsed: number }> };

	it('counts and totals every member, names the 100 who used the most (most first) and says where the rest are', async () => {
		const credits = await build(250);
		const used = usage(250).map((entry) => entry.creditsUsed ?? 0);
		expect(credits.count).toBe(250);
		expect(credits.totalCreditsUsed).toBe(used.reduce((a, b) => a + b, 0));
		expect(credits.members).toHaveLength(100);
		expect(credits.shown).toBe(100);
		const expected = [...usage(250)].sort((a, b) => (b.creditsUsed ?? 0) - (a.creditsUsed ?? 0)).slice(0, 100);
		expect(credits.members.map((entry) => [entry.userId, entry.creditsUsed])).toEqual(expected.map((entry) => [entry.userId, entry.creditsUsed]));
		expect(credits.members[0]).toMatchObject({ userId: id(249), name: 'P249', creditsUsed: 249 });
		expect(credits.members.every((entry) => entry.name !== null)).toBe(true);
		expect(credits.note).toContain('The 100 of 250 members who used the most credits');
		expect(credits.note).toContain(`each of the others used at most ${expected[99].creditsUsed}`);
		expect(credits.note).toContain('credit_usage');
		expect(credits.top.map((entry) => entry.creditsUsed)).toEqual([249, 248, 247, 246, 245]);
	});

	it('no more than 100: every member listed, no note', async () => {
		const credits = await build(100);
		expect(credits.count).toBe(100);
		expect(credits.members).toHaveLength(100);
		expect(credits).not.toHaveProperty('shown');
		expect(credits).not.toHaveProperty('note');
		expect(credits.top.map((entry) => entry.creditsUsed)).toEqual([99, 98, 97, 96, 95]);
	});
});
