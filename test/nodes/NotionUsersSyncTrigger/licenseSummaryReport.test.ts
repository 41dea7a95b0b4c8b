/**
 * License Summary with the Notion Organization API credential, through a real PollContext against
 * the emulator, on the seeded workspace whose license report is known (test/support). n8n's
 * `sleep` (the organization client's clock) returns at once and records the pause.
 */
import type { INodeParameters } from 'n8n-workflow';

import type { Emulator } from '../../../tools/notion-emulator';
import { NotionUsersSyncTrigger } from '../../../nodes/NotionUsersSyncTrigger/NotionUsersSyncTrigger.node';
import { createPollHarness, emulatorCredentials, organizationCredentials, packageNodeType } from '../../../tools/engine-harness';
import { INACTIVE_30, licenseReportSeed, PLAN_30, TOP_CREDITS, TOTAL_CREDITS } from '../../support/licenseReportSeed';
import { adminRequests, byId, organization, startOrganization } from '../NotionOrganization/support';
import { emitted, pollFailure as failure } from './support';

const pauses: number[] = [];
jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: async (ms: number) => {
		pauses.push(ms);
	},
}));

let emu: Emulator;
beforeEach(async () => {
	pauses.length = 0;
	emu = await startOrganization({ seed: licenseReportSeed() });
});
afterEach(async () => {
	await emu.stop();
});

const main = () => emu.control.snapshot().workspace.id;
/** Stands for the main workspace's id in a table written before the emulator starts. */
const MAIN = '<main workspace>';
const idOf = (email: string) => {
	const found = emu.control.snapshot().members.find((member) => member.email === email);
	if (!found) throw new Error(`setup: no ${email}`);
	return found.id;
};
const emails = (entries: unknown) => (entries as Array<{ email: string }>).map((entry) => entry.email).sort();

function trigger(parameters: INodeParameters, setup: { organization?: boolean; getPollBudgetMs?: () => number } = {}) {
	return createPollHarness({
		type: packageNodeType('notionUsersSyncTrigger'),
		parameters: { mode: 'licenseSummary', ...parameters },
		credentials: {
			...emulatorCredentials(emu, { requestsPerSecond: 1000 }),
			...(setup.organization === false ? {} : organizationCredentials(emu, { requestsPerMinute: 100_000 })),
		},
		getPollBudgetMs: setup.getPollBudgetMs,
	});
}

describe('License Summary with the organization credential', () => {
	it("one item: today's summary of the listing, and the workspace's license report with the known answer; only the report is created, its file fetched without a token", async () => {
		const items = emitted(await trigger({ reportWorkspace: byId(main()) }).poll()) ?? [];
		expect(items).toHaveLength(1);
		const [summary] = items;
		// The summary of the listing as without the organization credential.
		expect(summary).toMatchObject({ source: 'scim', activeMembers: 12, checkedAt: expect.any(String) });
		const report = summary.licenseReport as Record<string, unknown>;
		const today = new Date().toISOString().slice(0, 10);
		expect(report).toMatchObject({ kind: 'summary', workspaceId: main(), period: { endDate: today, timeZone: 'UTC', days: 30 } });
		expect(report.seats).toEqual({ total: 12, byRole: { owner: 2, membership_admin: 1, member: 8, restricted_member: 1 } });
		const inactive = report.inactiveSeats as { count: number; members: Array<Record<string, unknown>> };
		expect(inactive.count).toBe(7);
		expect(emails(inactive.members)).toEqual(INACTIVE_30);
		expect(inactive.members.find((member) => member.email === 'dennis.turing@acme.test')).toMatchObject({
			userId: idOf('dennis.turing@acme.test'),
			role: 'member',
			activeDays: 0,
			pageViews: 0,
			pageEdits: 0,
		});
		expect(report).toMatchObject({ guests: { count: 2 }, bots: { count: emu.control.snapshot().bots.length } });
		const credits = report.aiCredits as { included: boolean; totalCreditsUsed: number; top: Array<Record<string, unknown>> };
		expect(credits).toMatchObject({ included: true, totalCreditsUsed: TOTAL_CREDITS });
		expect(credits.top.map((entry) => [entry.email, entry.creditsUsed])).toEqual(TOP_CREDITS);
		const plan = report.reclaimPlan as { action: string; count: number; members: Array<Record<string, unknown>> };
		expect(plan).toMatchObject({ action: 'downgrade', count: PLAN_30.length });
		expect(emails(plan.members)).toEqual(PLAN_30);

		// Only the report was created; the wait went through n8n's sleep; the file host saw no token.
		expect(adminRequests(emu).filter((line) => !line.startsWith('GET '))).toEqual(['POST /admin/v1/analytics/user_activity/reports']);
		expect(pauses.length).toBeGreaterThan(0);
		const files = emu.control.fileHostRequests();
		expect(files.map((request) => request.status)).toEqual([200]);
		expect(Object.keys(files[0].headers).map((name) => name.toLowerCase())).not.toContain('authorization');
	});

	it('90 days, remove restricted members too, one item per member of the plan, per inactive seat and per guest, the member list too', async () => {
		const items =
			emitted(
				await trigger({
					reportWorkspace: byId(main()),
					inactiveAfterDays: 90,
					licenseOptions: { includeMembers: true, output: 'planAndGuests', inactiveItems: true, reclaimAction: 'remove', reclaimRoles: ['member', 'restricted_member'], includeAiCredits: false },
				}).poll(),
			) ?? [];
		const [summary, ...more] = items;
		expect((summary.members as unknown[]).length).toBe(12);
		const report = summary.licenseReport as Record<string, unknown>;
		expect(report).toMatchObject({ period: { days: 90 }, aiCredits: { included: false } });
		expect(adminRequests(emu).some((line) => line.includes('credit_usage'))).toBe(false);
		const plan = ['barbara.allen@acme.test', 'katherine.hopper@acme.test', 'ken.mccarthy@acme.test', 'radia.wilson@acme.test'];
		expect(emails((report.reclaimPlan as { members: unknown }).members)).toEqual(plan);
		const reclaim = more.filter((item) => item.kind === 'reclaim');
		expect(emails(reclaim)).toEqual(plan);
		expect(reclaim.every((item) => item.action === 'remove' && item.workspaceId === main())).toBe(true);
		const guests = more.filter((item) => item.kind === 'guest');
		expect(guests.map((guest) => [guest.email, guest.role, guest.activeDays])).toEqual([
			['guest1@partner.test', 'page_guest', 0],
			['pia@partner.test', 'page_guest', 3],
		]);
		// No active day in 90: Alan (45 days ago) and Dennis (30) are active now.
		const inactive = more.filter((item) => item.kind === 'inactive');
		expect(emails(inactive)).toEqual(['ada.lovelace@acme.test', 'barbara.allen@acme.test', 'katherine.hopper@acme.test', 'ken.mccarthy@acme.test', 'radia.wilson@acme.test']);
		expect(inactive[0]).toMatchObject({ workspaceId: main(), activeDays: 0, pageViews: 0, pageEdits: 0 });
		expect(more).toHaveLength(reclaim.length + inactive.length + guests.length);
	});

	it('the description: the organization credential is optional and offered in License Summary only, as are the report fields, none required', () => {
		const { description } = new NotionUsersSyncTrigger();
		expect(description.credentials?.find((credential) => credential.name === 'notionOrganizationApi')).toEqual({
			name: 'notionOrganizationApi',
			required: false,
			displayOptions: { show: { mode: ['licenseSummary'] } },
		});
		const added = description.properties.filter((property) => ['reportWorkspace', 'inactiveAfterDays', 'timeZone', 'timeoutSeconds'].includes(property.name));
		expect(added.map((property) => [property.name, property.required ?? false, property.displayOptions])).toEqual(
			['reportWorkspace', 'inactiveAfterDays', 'timeZone', 'timeoutSeconds'].map((name) => [name, false, { show: { mode: ['licenseSummary'] } }]),
		);
		const options = description.properties.find((property) => property.name === 'licenseOptions')?.options as Array<{ name: string }>;
		expect(options.map((option) => option.name)).toEqual(expect.arrayContaining(['includeMembers', 'output', 'reclaimAction', 'reclaimRoles', 'exemptGroups', 'includeAiCredits']));
	});

	it('without the organization credential the mode is as before: no report, no Admin API request', async () => {
		const items = emitted(await trigger({}, { organization: false }).poll()) ?? [];
		expect(items).toHaveLength(1);
		expect(items[0]).not.toHaveProperty('licenseReport');
		expect(items[0]).toMatchObject({ source: 'scim', activeMembers: 12 });
		expect(adminRequests(emu)).toEqual([]);
	});

	it.each([
		[{ reportWorkspace: byId('') }, true, 'License Report Workspace: no workspace is chosen'],
		[{ reportWorkspace: byId(MAIN) }, false, 'no Notion Organization API credential'],
		[{ reportWorkspace: byId('not-a-workspace') }, true, 'License Report Workspace'],
		[{ inactiveAfterDays: 366 }, true, 'Inactive After (Days)'],
		[{ timeZone: 'Mars/Olympus_Mons' }, true, 'Time Zone'],
		[{ licenseOptions: { reclaimRoles: ['restricted_member'] } }, true, 'Options → Reclaim Roles'],
	])('%j (organization credential: %s) fails naming the field before any request', async (parameters, withOrganization, named) => {
		const values = JSON.parse(JSON.stringify({ reportWorkspace: byId(MAIN), ...parameters }).replace(MAIN, main())) as INodeParameters;
		emu.control.resetLog();
		const error = await failure(trigger(values, { organization: withOrganization }).poll());
		expect(error.message).toContain(named);
		expect(error.message).not.toContain('[item');
		expect(emu.control.requestLog()).toEqual([]);
	});

	it('a failed report, a missing scope and a wait past the timeout each fail the poll saying what to do, emitting nothing', async () => {
		emu.control.setBehaviours({ adminAnalyticsOutcome: 'failed' });
		let error = await failure(trigger({ reportWorkspace: byId(main()) }).poll());
		expect(error.message).toContain(`Notion could not make report ${organization(emu).analyticsReports[0].id}`);
		expect(error.description).toContain('Create the report again');

		emu.control.setBehaviours({ adminAnalyticsOutcome: 'completed', adminTokenScopes: ['user:read', 'workspace:read'] });
		error = await failure(trigger({ reportWorkspace: byId(main()) }).poll());
		expect(error.description).toContain('"user-analytics:read"');

		emu.control.setBehaviours({ adminTokenScopes: 'all', adminAnalyticsReadsUntilDone: 10_000 });
		error = await failure(trigger({ reportWorkspace: byId(main()), timeoutSeconds: 120 }).poll());
		expect(error.message).toContain('still running');
		expect(error.description).toContain('larger Wait Timeout (Seconds) than 120');
		expect(emu.control.fileHostRequests()).toEqual([]);
	});

	it("a wait the poll's time budget cuts short says to give polls more time, not a larger Wait Timeout", async () => {
		emu.control.setBehaviours({ adminAnalyticsReadsUntilDone: 10_000 });
		const poll = trigger({ reportWorkspace: byId(main()), timeoutSeconds: 600 }, { getPollBudgetMs: () => 60_000 }).poll();
		const error = await failure(poll);
		expect(error.message).toContain("this poll's time budget (60 s)");
		expect(error.description).toContain('longer time budget');
		expect(error.description).not.toContain('Wait Timeout');
		// The pauses taken stay within the budget's share, though the option allowed ten minutes.
		expect(pauses.reduce((sum, ms) => sum + ms, 0)).toBeLessThanOrEqual(54_000);
	});
});
