/**
 * Every Notion Organization operation through n8n's engine when Notion's first answer is a 429 of
 * each retryable reason (this connection's, the workspace's, the endpoint's limit) or a 529: the
 * operation still succeeds, the refused request is sent once more and no sooner than Retry-After
 * (on the client's virtual clock: nothing really sleeps), exactly one request more than a run that
 * meets no limit, and a write takes effect once. The blocked reason is in
 * rateLimitReasonsBlocked.test.ts. One emulator for the file; each case prepares a fresh target.
 */
import type { Emulator } from '../../../tools/notion-emulator';
import { CASES, describedOperations } from './rateLimitCases';
import { sent } from './rateLimitClock';
import { expectSuccess, runOrganization } from './support';
import { adminLog, outputJson, useOrganization } from './useOrganization';

jest.mock('../../../nodes/common/n8n/organizationFromContext', () => ({
	organizationFor: (ctx: unknown) =>
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		(require('./rateLimitClock') as typeof import('./rateLimitClock')).virtualOrganizationFor(ctx as never),
}));

type Scripted = Parameters<Emulator['limits']['script']>[0][number];

/** Longer than any pause the client would take on its own, so only honouring it explains the gap. */
const RETRY_AFTER_S = 7;

const RETRIED: Array<{ label: string; answer: Scripted }> = [
	{ label: '429 public_api_request_rate_limit', answer: { status: 429, reason: 'public_api_request_rate_limit', retryAfter: RETRY_AFTER_S } },
	{ label: '429 public_api_space_request_rate_limit', answer: { status: 429, reason: 'public_api_space_request_rate_limit', retryAfter: RETRY_AFTER_S } },
	{ label: '429 public_api_endpoint_rate_limit', answer: { status: 429, reason: 'public_api_endpoint_rate_limit', retryAfter: RETRY_AFTER_S } },
	{ label: '529 service_overload', answer: { status: 529, retryAfter: RETRY_AFTER_S } },
];

const emu = useOrganization({ once: true });

it('has a case for every operation the node offers', () => {
	expect(Object.keys(CASES).sort()).toEqual(describedOperations());
});

describe.each(RETRIED)('$label on the first request', ({ answer }) => {
	it.each(Object.keys(CASES))('%s succeeds after one retry (a write done once)', async (key) => {
		const prepared = await CASES[key](emu());
		const before = prepared.observe?.();
		emu().control.resetLog();
		sent.length = 0;
		emu().limits.script([answer]);

		const run = await runOrganization(emu(), prepared.parameters);

		const log = adminLog(emu());
		expect(log[0]?.status).toBe(answer.status);
		expectSuccess(run);
		expect(`${log[1].method} ${log[1].path}`).toBe(`${log[0].method} ${log[0].path}`);
		expect(log.map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toHaveLength(prepared.requests + 1);
		expect(sent[1] - sent[0]).toBeGreaterThanOrEqual(RETRY_AFTER_S * 1000);
		if (prepared.observe) {
			expect(before).not.toEqual(prepared.after);
			expect(prepared.observe()).toEqual(prepared.after);
		}
		if (prepared.output) expect(outputJson(run)[0]).toMatchObject(prepared.output);
	});
});
