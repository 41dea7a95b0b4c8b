/**
 * Workspace → Get License Report through n8n's engine against the emulator, on a seed whose answer
 * is known: every person of the main workspace has seeded activity (inactive for spans on both
 * sides of the 30-day edge, owners, a restricted member, a member in an exempt group), two page
 * guests and a bot (test/support/licenseReportSeed.ts, shared with the trigger). n8n's `sleep`
 * (the client's clock) returns at once and records the pause.
 */
import type { Emulator } from '../../../tools/notion-emulator';
import { admin } from '../../emulator/admin/support';
import { INACTIVE_30 as INACTIVE, licenseReportSeed, unbilledWorkspaceOf } from '../../support/licenseReportSeed';
import { adminRequests, byId, expectSuccess, organization, runOrganization, startOrganization } from './support';
import { outputJson as json } from './useOrganization';

const pauses: number[] = [];
jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: async (ms: number) => {
		pauses.push(ms);
	},
}));

const seed = licenseReportSeed();
const LABS = unbilledWorkspaceOf(seed);

let emu: Emulator;
beforeEach(async () => {
	pauses.length = 0;
	emu = await startOrganization({ seed });
});
afterEach(async () => {
	await emu.stop();
});

const main = () => emu.control.snapshot().workspace.id;
const idOf = (email: string) => {
	const found = [...emu.control.snapshot().members, ...emu.control.snapshot().guests].find((m) => m.email === email);
	if (!found) throw new Error(`setup: no ${email}`);
	return found.id;
};
const emails = (entries: unknown) => (entries as Array<{ email: string }>).map((entry) => entry.email).sort();
const reports = () => organization(emu).analyticsReports;
const report = (extra: Record<string, unknown> = {}) => ({ resource: 'workspace', operation: 'getLicenseReport', workspace: byId(main()), ...extra });

/** An admin-managed group of the main workspace holding these people. */
async function group(name: string, members: string[]): Promise<string> {
	const made = await admin(emu, `/spaces/${main()}/groups`, { method: 'POST', body: { name } });
	const id = (made.body as { id: string }).id;
	for (const email of members) await admin(emu, `/spaces/${main()}/groups/${id}/members`, { method: 'POST', body: { member: { type: 'user', user_id: idOf(email) } } });
	return id;
}

describe('Workspace → Get License Report', () => {
	it('one summary item: seats by role, the inactive seats on both sides of the 30-day edge, guests, bots, AI credits and the top users, and a plan that changes nothing', async () => {
		const run = await runOrganization(emu, report());
		expectSuccess(run);
		const [summary, ...more] = json(run);
		expect(more).toEqual([]);
		const today = new Date().toISOString().slice(0, 10);
		expect(summary).toMatchObject({ kind: 'summary', workspaceId: main(), period: { endDate: today, timeZone: 'UTC', days: 30 } });
		expect(summary.seats).toEqual({ total: 12, byRole: { owner: 2, membership_admin: 1, member: 8, restricted_member: 1 } });
		const inactive = summary.inactiveSeats as { count: number; members: Array<Record<string, unknown>> };
		expect(inactive.count).toBe(7);
		expect(emails(inactive.members)).toEqual(INACTIVE);
		expect(inactive.members.find((m) => m.email === 'dennis.turing@acme.test')).toEqual({
			userId: idOf('dennis.turing@acme.test'),
			email: 'dennis.turing@acme.test',
			name: 'Dennis Turing',
			role: 'member',
			activeDays: 0,
			pageViews: 0,
			pageEdits: 0,
		});
		expect(summary).toMatchObject({ guests: { count: 2 }, bots: { count: emu.control.snapshot().bots.length }, notInReport: { count: 0 }, leftSinceReport: { count: 0 } });

		const credits = summary.aiCredits as { included: boolean; totalCreditsUsed: number; members: unknown[]; top: Array<Record<string, unknown>> };
		expect(credits.included).toBe(true);
		expect(credits.members).toHaveLength(12);
		expect(credits.totalCreditsUsed).toBe(1070);
		expect(credits.top.map((entry) => [entry.email, entry.creditsUsed])).toEqual([
			['linus.thompson@acme.test', 500],
			['edsger.dijkstra@acme.test', 300],
			['grace.liskov@acme.test', 120],
			['alan.berners-lee@acme.test', 90],
			['frances.johnson@acme.test', 50],
		]);
		expect(credits.top[0]).toMatchObject({ userId: idOf('linus.thompson@acme.test'), creditLimit: 1000 });

		// Owners never, restricted members not by default, the rest of the inactive are.
		const plan = summary.reclaimPlan as { action: string; count: number; members: Array<Record<string, unknown>> };
		expect(plan).toMatchObject({ action: 'downgrade', count: 5 });
		expect(emails(plan.members)).toEqual(['alan.berners-lee@acme.test', 'barbara.allen@acme.test', 'dennis.turing@acme.test', 'ken.mccarthy@acme.test', 'radia.wilson@acme.test']);
		expect(plan.members[0]).toMatchObject({ action: 'downgrade', newRole: 'restricted_member', reason: expect.stringContaining('no active day in the last 30 days') });

		// Reads first, then the report; its file fetched once without a token; nothing written.
		const requests = adminRequests(emu);
		expect(requests.filter((line) => !line.startsWith('GET '))).toEqual(['POST /admin/v1/analytics/user_activity/reports']);
		expect(requests.indexOf('POST /admin/v1/analytics/user_activity/reports')).toBeGreaterThan(requests.findIndex((line) => line.includes('credit_usage')));
		const files = emu.control.fileHostRequests();
		expect(files).toHaveLength(1);
		expect(Object.keys(files[0].headers).map((name) => name.toLowerCase())).not.toContain('authorization');
		expect(reports()).toEqual([expect.objectContaining({ status: 'completed' })]);
		expect(pauses.length).toBeGreaterThan(0);
	});

	it('members of an exempt group (by name or ID) are never in the plan; one item per member of the plan on request', async () => {
		const leadership = await group('Leadership', ['barbara.allen@acme.test', 'ada.lovelace@acme.test']);
		await group('Sales leads', ['ken.mccarthy@acme.test']);
		const run = await runOrganization(emu, report({ options: { exemptGroups: `leadership, ${leadership.replace(/-/g, '')}, Sales leads`, output: 'plan' } }));
		expectSuccess(run);
		const [summary, ...items] = json(run);
		const plan = summary.reclaimPlan as { count: number; exemptGroups: Array<{ name: string }>; members: unknown[] };
		expect(plan.exemptGroups.map((entry) => entry.name).sort()).toEqual(['Leadership', 'Sales leads']);
		expect(emails(plan.members)).toEqual(['alan.berners-lee@acme.test', 'dennis.turing@acme.test', 'radia.wilson@acme.test']);
		// Still inactive seats: exempt from the plan, not from the figures.
		expect(emails((summary.inactiveSeats as { members: unknown }).members)).toEqual(INACTIVE);
		expect(items.map((item) => item.kind)).toEqual(['reclaim', 'reclaim', 'reclaim']);
		expect(emails(items)).toEqual(emails(plan.members));
		expect(items[0]).toMatchObject({ workspaceId: main(), userId: expect.any(String), action: 'downgrade', newRole: 'restricted_member' });
		expect(run.items.map((item) => item.pairedItem)).toEqual(items.concat(summary).map(() => ({ item: 0 })));
	});

	it('one item per inactive seat on request, with its active days, page views and edits, after the plan items', async () => {
		const run = await runOrganization(emu, report({ options: { output: 'plan', inactiveItems: true, includeAiCredits: false } }));
		expectSuccess(run);
		const [summary, ...items] = json(run);
		const inactive = items.filter((item) => item.kind === 'inactive');
		expect(items.map((item) => item.kind)).toEqual([...Array(5).fill('reclaim'), ...Array(7).fill('inactive')]);
		expect(emails(inactive)).toEqual(INACTIVE);
		expect(inactive.find((item) => item.email === 'dennis.turing@acme.test')).toEqual({
			kind: 'inactive',
			workspaceId: main(),
			userId: idOf('dennis.turing@acme.test'),
			email: 'dennis.turing@acme.test',
			name: 'Dennis Turing',
			role: 'member',
			activeDays: 0,
			pageViews: 0,
			pageEdits: 0,
		});
		expect(summary.inactiveSeats).toMatchObject({ count: 7, byRole: { owner: 1, membership_admin: 1, member: 4, restricted_member: 1 } });
		expect(emails((summary.inactiveSeats as { members: unknown }).members)).toEqual(INACTIVE);
	});

	it('remove with restricted members: they join the plan, owners and guests never; 90 days in another zone; one item per guest', async () => {
		const run = await runOrganization(
			emu,
			report({ inactiveAfterDays: 90, timeZone: 'Pacific/Auckland', options: { reclaimAction: 'remove', reclaimRoles: ['member', 'restricted_member'], output: 'planAndGuests', includeAiCredits: false } }),
		);
		expectSuccess(run);
		const [summary, ...items] = json(run);
		expect(summary.period).toMatchObject({ timeZone: 'Pacific/Auckland', days: 90 });
		expect(reports()[0]).toMatchObject({ timeZone: 'Pacific/Auckland' });
		expect(summary.aiCredits).toEqual({ included: false });
		expect(adminRequests(emu).some((line) => line.includes('credit_usage'))).toBe(false);
		// Alan was last active 45 days ago: within 90. He is a membership admin anyway, not chosen here.
		const plan = summary.reclaimPlan as { members: Array<{ email: string; action: string }> };
		expect(emails(plan.members)).toEqual(['barbara.allen@acme.test', 'katherine.hopper@acme.test', 'ken.mccarthy@acme.test', 'radia.wilson@acme.test']);
		expect(plan.members.every((entry) => entry.action === 'remove' && !('newRole' in entry))).toBe(true);
		const guests = items.filter((item) => item.kind === 'guest');
		expect(guests.map((guest) => [guest.email, guest.role, guest.activeDays, guest.pageViews])).toEqual([
			['guest1@partner.test', 'page_guest', 0, 0],
			['pia@partner.test', 'page_guest', 3, 15],
		]);
		expect(items.filter((item) => item.kind === 'reclaim')).toHaveLength(4);
	});

	it('a workspace without a billing period: the report still comes, with a note where the AI credits would be', async () => {
		const run = await runOrganization(emu, report({ workspace: byId(LABS) }));
		expectSuccess(run);
		const [summary] = json(run);
		expect(summary.aiCredits).toEqual({ included: false, note: expect.stringContaining('no billing period') });
		expect(summary.seats).toMatchObject({ total: 5 });
	});

	it('a report Notion could not make fails the item naming it; at the timeout the item names the report and says to wait longer', async () => {
		emu.control.setBehaviours({ adminAnalyticsOutcome: 'failed' });
		let run = await runOrganization(emu, report());
		expect(run.status).toBe('error');
		const failedId = reports()[0].id;
		expect(run.error?.message).toContain(`Notion could not make report ${failedId}`);

		emu.control.setBehaviours({ adminAnalyticsOutcome: 'completed', adminAnalyticsReadsUntilDone: 10_000 });
		run = await runOrganization(emu, report({ timeoutSeconds: 120 }), { continueOnFail: true });
		expectSuccess(run);
		const [failed] = json(run);
		const last = reports().find((entry) => entry.id !== failedId)!;
		expect(failed).toMatchObject({ kind: 'timeout', applied: { reportId: last.id, workspaceId: main() } });
		expect(failed.error).toContain('still running');
		expect(failed.description).toContain('larger Wait Timeout (Seconds) than 120');
		expect(emu.control.fileHostRequests()).toEqual([]);
	});

	it.each([
		[{ inactiveAfterDays: 0 }, 'Inactive After (Days)'],
		[{ inactiveAfterDays: 366 }, 'Inactive After (Days)'],
		[{ inactiveAfterDays: 7.5 }, 'Inactive After (Days)'],
		[{ timeZone: 'Mars/Olympus_Mons' }, 'Time Zone'],
		[{ timeZone: '' }, 'Time Zone'],
		[{ options: { reclaimRoles: ['member', 'restricted_member'] } }, 'Options → Reclaim Roles'],
		[{ options: { reclaimRoles: ['owner'], reclaimAction: 'remove' } }, 'Options → Reclaim Roles'],
	])('bad input %j fails naming %s before any request', async (extra, field) => {
		emu.control.resetLog();
		const run = await runOrganization(emu, report(extra));
		expect(run.status).toBe('error');
		expect(run.error?.message).toContain(field);
		expect(adminRequests(emu)).toEqual([]);
	});

	it('a token without the analytics scope is told to add it; without permission-group:read, no report is left behind', async () => {
		emu.control.setBehaviours({ adminTokenScopes: ['user:read', 'workspace:read'] });
		let run = await runOrganization(emu, report());
		expect(run.status).toBe('error');
		expect(run.error?.description).toContain('"user-analytics:read"');

		emu.control.setBehaviours({ adminTokenScopes: ['user:read', 'workspace:read', 'user-analytics:read'] });
		run = await runOrganization(emu, report({ options: { exemptGroups: 'Leadership' } }));
		expect(run.status).toBe('error');
		expect(run.error?.description).toContain('"permission-group:read"');
		expect(reports()).toEqual([]);

		emu.control.setBehaviours({ adminTokenScopes: 'all' });
		run = await runOrganization(emu, report({ options: { exemptGroups: 'Nobody here' } }));
		expect(run.status).toBe('error');
		expect(run.error?.message).toContain('No permission group "Nobody here"');
		expect(reports()).toEqual([]);
	});
});
