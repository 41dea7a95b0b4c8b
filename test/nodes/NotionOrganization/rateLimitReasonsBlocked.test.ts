/**
 * Every Notion Organization operation through n8n's engine when Notion's first answer is 429
 * `public_api_request_blocked` (the integration's API access is restricted): the operation fails at
 * once with an error that says to contact Notion, after one request, with nothing changed; under
 * continue-on-fail that item carries the error and the next item still runs (and its write is done
 * once). The retryable reasons are in rateLimitReasons.test.ts. One emulator for the file; each
 * case prepares a fresh target.
 */
import { CASES, describedOperations } from './rateLimitCases';
import { clock } from './rateLimitClock';
import { expectSuccess, runOrganization } from './support';
import { adminLog, outputJson, useOrganization } from './useOrganization';

jest.mock('../../../nodes/common/n8n/organizationFromContext', () => ({
	organizationFor: (ctx: unknown) =>
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		(require('./rateLimitClock') as typeof import('./rateLimitClock')).virtualOrganizationFor(ctx as never),
}));

const BLOCKED = { status: 429, reason: 'public_api_request_blocked' } as const;
const CONTACT = 'contact Notion support';

const emu = useOrganization({ once: true });
const operations = Object.keys(CASES);

it('has a case for every operation the node offers', () => {
	expect(operations.slice().sort()).toEqual(describedOperations());
});

describe('429 public_api_request_blocked on the first request', () => {
	it.each(operations)('%s fails at once, saying to contact Notion, with nothing changed', async (key) => {
		const prepared = await CASES[key](emu());
		const before = prepared.observe?.();
		emu().control.resetLog();
		emu().limits.script([BLOCKED]);
		const pauses = clock.sleeps.length;

		const run = await runOrganization(emu(), prepared.parameters);

		expect(adminLog(emu()).map((entry) => entry.status)).toEqual([429]);
		expect(run.status).toBe('error');
		expect(run.error?.message).toContain('HTTP 429');
		expect(run.error?.message).not.toContain('attempts');
		expect(run.error?.description).toContain(CONTACT);
		// No wait either: nothing was slept on the client's clock.
		expect(clock.sleeps.slice(pauses)).toEqual([]);
		if (prepared.observe) expect(prepared.observe()).toEqual(before);
	});

	it.each(operations)('%s under continue-on-fail: that item carries the error, the next item still runs', async (key) => {
		const prepared = await CASES[key](emu());
		emu().control.resetLog();
		emu().limits.script([BLOCKED]);

		// Two items with the same values: the first is refused, the second does the work once.
		const run = await runOrganization(emu(), prepared.parameters, { items: [{}, {}], continueOnFail: true });

		expectSuccess(run);
		const log = adminLog(emu());
		expect(log[0].status).toBe(429);
		expect(log).toHaveLength(1 + prepared.requests);
		expect(log.slice(1).every((entry) => entry.status < 300)).toBe(true);
		const [failed, ...rest] = outputJson(run);
		expect(failed).toMatchObject({ kind: 'rate_limited' });
		expect(failed.description).toContain(CONTACT);
		expect(run.items[0].pairedItem).toEqual({ item: 0 });
		expect(rest.length).toBeGreaterThan(0);
		expect(run.items.slice(1).every((item) => JSON.stringify(item.pairedItem) === JSON.stringify({ item: 1 }))).toBe(true);
		if (prepared.observe) expect(prepared.observe()).toEqual(prepared.after);
		if (prepared.output) expect(rest[0]).toMatchObject(prepared.output);
	});
});
