/**
 * Credit usage: per current member for the current billing period (P1 by user id, zero usage
 * included, no bots nor guests) and per billing period for one member (newest first), whole
 * credits, 404 where the workspace has no billing period or the user is no current member.
 */
import { ADMIN_SCOPES, demoSeed } from '../../../tools/notion-emulator';
import { useEmulator } from '../../../tools/notion-emulator/support';
import { expectAdminError } from './expect';
import { admin, allPages } from './support';

const seed = demoSeed();
const lab = seed.organization!.workspaces![0].id;
const [heavy, idle] = [seed.members[1], seed.members[2]];
seed.organization = {
	...seed.organization,
	analytics: {
		unbilledWorkspaceIds: [lab],
		people: {
			[heavy.email]: { lastActiveDaysAgo: 0, credits: [120.9, 40, 7], creditLimit: 500 },
			[idle.email]: { lastActiveDaysAgo: null, creditLimit: 0 },
		},
	},
};
const main = seed.workspace.id;
const deactivated = seed.members.find((m) => m.active === false)!;
// Mid-June 2026: the current period is June, then May and April.
const NOW = Date.parse('2026-06-15T12:00:00.000Z');
const month = (m: number) => Date.UTC(2026, m - 1, 1);

describe('Admin API: credit usage', () => {
	const emu = useEmulator({ seed, now: () => NOW });
	const usage = (query = '') => admin(emu(), `/spaces/${main}/users/credit_usage${query}`);
	const periods = (user: string, query = '', space = main) => admin(emu(), `/spaces/${space}/users/${user}/credit_usage${query}`);

	it('lists every current member once, by id, with the current period\'s credits, the total and the limit', async () => {
		const { results, pages } = await allPages(emu(), `/spaces/${main}/users/credit_usage`, 7);
		const active = seed.members.filter((m) => m.active !== false).map((m) => m.id as string).sort();
		expect(results.map((r) => (r as unknown as { user_id: string }).user_id)).toEqual(active);
		expect(pages).toBe(Math.ceil(active.length / 7));
		const byUser = new Map(results.map((r) => [(r as unknown as { user_id: string }).user_id, r]));
		const period = { metrics_period_start_ms: month(6), metrics_period_end_ms: month(7) };
		expect(byUser.get(heavy.id!)).toEqual({ object: 'user_credit_usage', user_id: heavy.id, credits_used: 120, total_credits_used: 167, credit_limit: 500, ...period });
		expect(byUser.get(idle.id!)).toEqual({ object: 'user_credit_usage', user_id: idle.id, credits_used: 0, total_credits_used: 0, credit_limit: 0, ...period });
		expect(byUser.has(deactivated.id!)).toBe(false);
		expect(byUser.has(seed.bots[0].id!)).toBe(false);
		expect(byUser.has(seed.guests[0].id!)).toBe(false);
	});

	it('answers in the P1 envelope, page_size 1–100, and refuses a cursor it did not hand out', async () => {
		const first = await usage('?page_size=2');
		expect(first.body).toEqual({ object: 'list', type: 'user_credit_usage', results: [expect.any(Object), expect.any(Object)], has_more: true, next_cursor: expect.any(String) });
		const last = await usage();
		expect([last.body.has_more, last.body.next_cursor]).toEqual([false, null]);
		expectAdminError(await usage('?page_size=abc'), 'object', 400, 'validation_error');
		expectAdminError(await usage('?start_cursor=nope'), 'object', 400, 'validation_error');
		expectAdminError(await usage(`?start_cursor=${(await periods(heavy.id!, '?page_size=1')).body.next_cursor}`), 'object', 400, 'validation_error');
	});

	it('gives the period once beside results under adminCreditUsagePeriodAt list', async () => {
		emu().control.setBehaviours({ adminCreditUsagePeriodAt: 'list' });
		const reply = await usage('?page_size=1');
		expect(reply.body).toMatchObject({ object: 'list', type: 'user_credit_usage', metrics_period_start_ms: month(6), metrics_period_end_ms: month(7) });
		expect(Object.keys(reply.body.results[0]).sort()).toEqual(['credit_limit', 'credits_used', 'object', 'total_credits_used', 'user_id']);
	});

	it('lists one member\'s billing periods, the current one first, page by page', async () => {
		const all = await periods(heavy.id!);
		expect(all.body).toEqual({
			object: 'list',
			type: 'user_credit_usage_period',
			results: [
				{ object: 'user_credit_usage_period', metrics_period_start_ms: month(6), metrics_period_end_ms: month(7), credits_used: 120 },
				{ object: 'user_credit_usage_period', metrics_period_start_ms: month(5), metrics_period_end_ms: month(6), credits_used: 40 },
				{ object: 'user_credit_usage_period', metrics_period_start_ms: month(4), metrics_period_end_ms: month(5), credits_used: 7 },
			],
			has_more: false,
			next_cursor: null,
		});
		const paged = await allPages(emu(), `/spaces/${main}/users/${heavy.id}/credit_usage`, 2);
		expect([paged.pages, paged.results]).toEqual([2, all.body.results]);
		expect((await periods(idle.id!)).body.results.map((r: { credits_used: number }) => r.credits_used)).toEqual([0, 0, 0]);
	});

	it('answers 404 object_not_found for a guest, a bot, someone deactivated, a stranger, and a workspace with no billing period', async () => {
		for (const id of [seed.guests[0].id!, seed.bots[0].id!, deactivated.id!, '5f0e0000-0000-4000-8000-0000000000ac']) {
			expectAdminError(await periods(id), 'object', 404, 'object_not_found');
		}
		const labMember = seed.organization!.workspaces![0].members[0];
		expectAdminError(await admin(emu(), `/spaces/${lab}/users/credit_usage`), 'object', 404, 'object_not_found');
		expectAdminError(await periods(labMember.id ?? heavy.id!, '', lab), 'object', 404, 'object_not_found');
		expectAdminError(await periods('not-a-uuid'), 'object', 400, 'validation_error');
	});

	it('needs user:read (403 without), the organization token (401) and the Notion-Version (400)', async () => {
		expectAdminError(await admin(emu(), `/spaces/${main}/users/credit_usage`, { headers: { authorization: `Bearer ${emu().tokens.scim}` } }), 'object', 401, 'unauthorized');
		expectAdminError(await admin(emu(), `/spaces/${main}/users/credit_usage`, { headers: { 'notion-version': null } }), 'object', 400, 'validation_error');
		emu().control.setBehaviours({ adminTokenScopes: ADMIN_SCOPES.filter((s) => s !== 'user:read') });
		expectAdminError(await usage(), 'object', 403, 'restricted_resource');
		expectAdminError(await periods(heavy.id!), 'object', 403, 'restricted_resource');
	});
});
