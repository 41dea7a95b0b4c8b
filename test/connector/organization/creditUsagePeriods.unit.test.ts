/**
 * The members' credit usage shares one string per distinct period bound across a listing (memory
 * at 100,000 members); entries whose periods differ still each keep their own, however many there
 * are, and an unreadable bound stays null.
 */
import { fakeOrganization, list, WS1 } from './fakeAdmin';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const DAY = 24 * 60 * 60 * 1000;
const START = Date.UTC(2026, 0, 1);

describe("credit usage entries' periods", () => {
	it('40 entries over two pages, each with a period of its own (some repeated, one unreadable), each read as written', async () => {
		// Entry n starts n % 25 days after START (so periods repeat across pages) and ends a month later.
		const entry = (n: number) => ({ user_id: id(n), credits_used: n, total_credits_used: n, credit_limit: null, metrics_period_start_ms: n === 7 ? 'not a time' : START + (n % 25) * DAY, metrics_period_end_ms: START + (n % 25) * DAY + 30 * DAY });
		const { client } = fakeOrganization((_request, url) =>
			url.searchParams.get('start_cursor') === null ? list(Array.from({ length: 20 }, (_, i) => entry(i)), 'c-2') : list(Array.from({ length: 20 }, (_, i) => entry(i + 20))),
		);
		const usage = await client.listCreditUsage(WS1);
		expect(usage).toHaveLength(40);
		usage.forEach((member, n) => {
			expect(member.userId).toBe(id(n));
			expect(member.periodStart).toBe(n === 7 ? null : new Date(START + (n % 25) * DAY).toISOString());
			expect(member.periodEnd).toBe(new Date(START + (n % 25) * DAY + 30 * DAY).toISOString());
		});
	});
});
