/**
 * Notion AI credit usage on a scripted transport: every member's usage in the current period,
 * paged with start_cursor; one member's periods, newest first; the fields read under either
 * likely name; a workspace without a billing period (404) and a missing scope (403) explained;
 * ids checked before any request.
 */
import { failure } from './failure';
import { ADA, fakeOrganization, GRACE, json, list, WS1 } from './fakeAdmin';

const JUNE = Date.UTC(2026, 5, 1);
const JULY = Date.UTC(2026, 6, 1);

describe('credit usage per member', () => {
	it('reads every page, with the period, the total and the limit (null: none)', async () => {
		const { client, sent } = fakeOrganization((_request, url) => {
			if (url.searchParams.get('start_cursor') === null) {
				return list([{ user_id: ADA, credits_used: 120, total_credits_used: 900, credit_limit: null, metrics_period_start_ms: JUNE, metrics_period_end_ms: JULY }], 'c-2');
			}
			// Read tolerantly: the user as an object, the period bounds under another name.
			return list([{ user: { object: 'user', id: GRACE }, credits_used: 0, total_credits_used: 0, credit_limit: 0, period_start_ms: JUNE, period_end_ms: JULY }]);
		});
		expect(await client.listCreditUsage(WS1)).toEqual([
			{ userId: ADA, creditsUsed: 120, totalCreditsUsed: 900, creditLimit: null, periodStart: '2026-06-01T00:00:00.000Z', periodEnd: '2026-07-01T00:00:00.000Z' },
			{ userId: GRACE, creditsUsed: 0, totalCreditsUsed: 0, creditLimit: 0, periodStart: '2026-06-01T00:00:00.000Z', periodEnd: '2026-07-01T00:00:00.000Z' },
		]);
		expect(sent()).toEqual([`GET /v1/spaces/${WS1}/users/credit_usage?page_size=100`, `GET /v1/spaces/${WS1}/users/credit_usage?page_size=100&start_cursor=c-2`]);
	});

	it('takes the period from beside the results when the entries carry none', async () => {
		const { client } = fakeOrganization(() =>
			json(200, { object: 'list', type: 'user_credit_usage', results: [{ user_id: ADA, credits_used: 7, total_credits_used: 7, credit_limit: 50 }], has_more: false, next_cursor: null, metrics_period_start_ms: JUNE, metrics_period_end_ms: JULY }),
		);
		expect(await client.listCreditUsage(WS1)).toEqual([
			{ userId: ADA, creditsUsed: 7, totalCreditsUsed: 7, creditLimit: 50, periodStart: '2026-06-01T00:00:00.000Z', periodEnd: '2026-07-01T00:00:00.000Z' },
		]);
	});

	it.each([
		['more said, no cursor given', { has_more: true, next_cursor: null }, 'gave no cursor'],
		['the same cursor twice', { has_more: true, next_cursor: 'c-1' }, 'same cursor twice'],
	])('a broken listing (%s) fails rather than ending early or paging forever', async (_what, envelope, message) => {
		const { client } = fakeOrganization(() => json(200, { object: 'list', results: [{ user_id: ADA, credits_used: 1 }], ...envelope }));
		expect(await failure(client.listCreditUsage(WS1))).toMatchObject({ kind: 'bad_response', message: expect.stringContaining(message) });
	});

	it('a workspace without a billing period (404) says so', async () => {
		const { client } = fakeOrganization(() => json(404, { object: 'error', status: 404, code: 'object_not_found', message: 'No billing period' }));
		const error = await failure(client.listCreditUsage(WS1));
		expect(error).toMatchObject({ kind: 'not_found', hint: expect.stringContaining('no billing period') });
	});

	it('a missing scope names user:read', async () => {
		const { client } = fakeOrganization(() => json(403, { type: 'error', status: 403, code: 'restricted_resource', message: 'Missing scope' }));
		const error = await failure(client.listCreditUsage(WS1));
		expect(error).toMatchObject({ kind: 'forbidden', message: expect.stringContaining('"user:read"') });
	});

	it('an entry without a user is a bad answer, not a member left out', async () => {
		const { client } = fakeOrganization(() => list([{ credits_used: 4 }]));
		expect(await failure(client.listCreditUsage(WS1))).toMatchObject({ kind: 'bad_response' });
	});
});

describe('credit usage per billing period', () => {
	it("reads one member's periods newest first, up to a limit", async () => {
		const { client, sent } = fakeOrganization(() =>
			json(200, {
				object: 'list',
				type: 'user_credit_usage_period',
				results: [
					{ object: 'user_credit_usage_period', credits_used: 40, metrics_period_start_ms: JUNE, metrics_period_end_ms: JULY },
					{ object: 'user_credit_usage_period', credits_used: 75, period_start: '2026-05-01T00:00:00Z', period_end: '2026-06-01T00:00:00Z' },
				],
				has_more: true,
				next_cursor: 'p-2',
			}),
		);
		expect(await client.listCreditUsagePeriods(WS1, ADA, { limit: 2 })).toEqual([
			{ creditsUsed: 40, periodStart: '2026-06-01T00:00:00.000Z', periodEnd: '2026-07-01T00:00:00.000Z' },
			{ creditsUsed: 75, periodStart: '2026-05-01T00:00:00.000Z', periodEnd: '2026-06-01T00:00:00.000Z' },
		]);
		expect(sent()).toEqual([`GET /v1/spaces/${WS1}/users/${ADA}/credit_usage?page_size=2`]);
	});

	it('checks both ids before any request, naming the field', async () => {
		const { client, requests } = fakeOrganization(() => undefined);
		expect(await failure(client.listCreditUsagePeriods(WS1, 'ada@example.com'))).toMatchObject({ kind: 'invalid_input', field: 'userId' });
		expect(await failure(client.listCreditUsagePeriods('acme', ADA))).toMatchObject({ kind: 'invalid_input', field: 'workspaceId' });
		expect(await failure(client.listCreditUsage(WS1, { limit: 0 }))).toMatchObject({ kind: 'invalid_input', field: 'limit' });
		expect(requests).toHaveLength(0);
	});
});
