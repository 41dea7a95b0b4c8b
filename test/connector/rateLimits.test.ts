/**
 * Notion's current limits through the whole connector (budget pacing, virtual time): each 429
 * reason, 529, a write's 503 under both kinds of retry_guidance. The emulator scripts the answers.
 */
import type { DirectoryTuning } from '../../nodes/common/connector/directoryOptions';
import type { HttpTransport } from '../../nodes/common/connector/transport';
import { generateSeed, type Emulator } from '../../tools/notion-emulator';
import { fakeClock } from './fakeClock';
import { directoryOn, startWorkspace, type DirectorySetup } from './workspace';

const T0 = Date.UTC(2026, 0, 1);
/** The budget pacing (no even rate). */
const budget: Partial<DirectoryTuning> = { requestsPerSecond: undefined, budgetPerMinute: 600, learnBudget: false, maxInFlight: 10 };
let keys = 0;
const freshKey = () => `rate-limits-${++keys}`;

describe('rate limits, overload and a write 503 through the connector', () => {
	let emulator: Emulator;
	beforeAll(async () => {
		emulator = await startWorkspace({ seed: generateSeed({ members: 50, bots: 0, guests: 0, groups: 2, seed: 13 }) });
	});
	afterAll(() => emulator.stop());
	beforeEach(() => {
		emulator.control.resetLog();
		emulator.control.clearFaults();
	});

	const memberId = (i: number) => emulator.control.snapshot().members[i].id;

	/** A directory on its own virtual clock (starting at T0) that records when it sent each request. */
	function recorded(setup: DirectorySetup) {
		const clock = fakeClock();
		const sentAt: number[] = [];
		const wrap = (transport: HttpTransport): HttpTransport => (request) => {
			sentAt.push(clock.now() - T0);
			return transport(request);
		};
		return { ...directoryOn(emulator, { tuning: budget, ...setup, clock, wrap }), sentAt };
	}

	it('a per-connection 429 holds back that connection for its Retry-After, not the other API', async () => {
		const key = freshKey();
		const first = recorded({ pacingKey: key });
		emulator.limits.script([{ status: 429, reason: 'public_api_request_rate_limit', retryAfter: 7 }]);
		await first.directory.getMember(memberId(1));
		expect(first.sentAt).toEqual([0, 7000]);
		const sameConnection = recorded({ pacingKey: key });
		await sameConnection.directory.getMember(memberId(2));
		expect(sameConnection.sentAt[0]).toBeGreaterThanOrEqual(7000);
		const standardApi = recorded({ pacingKey: key, scim: false });
		await standardApi.directory.getMember(memberId(3));
		expect(standardApi.sentAt).toEqual([0]);
	});

	it('a workspace-level 429 pauses every request of the credential, on both APIs, even past a minute', async () => {
		const key = freshKey();
		const first = recorded({ pacingKey: key });
		emulator.limits.script([{ status: 429, reason: 'public_api_space_request_rate_limit', retryAfter: 90 }]);
		await first.directory.getMember(memberId(1));
		expect(first.sentAt).toEqual([0, 90_000]);
		const scimCaller = recorded({ pacingKey: key });
		const apiCaller = recorded({ pacingKey: key, scim: false });
		await Promise.all([scimCaller.directory.getMember(memberId(2)), apiCaller.directory.getMember(memberId(3))]);
		expect(scimCaller.sentAt).toEqual([90_000]);
		expect(apiCaller.sentAt).toEqual([90_000]);
	});

	it("an endpoint's own 429 holds back only that request", async () => {
		const key = freshKey();
		const first = recorded({ pacingKey: key });
		emulator.limits.script([{ status: 429, reason: 'public_api_endpoint_rate_limit', retryAfter: 30 }]);
		await first.directory.getMember(memberId(1));
		expect(first.sentAt).toEqual([0, 30_000]);
		const other = recorded({ pacingKey: key });
		await other.directory.getMember(memberId(2));
		expect(other.sentAt).toEqual([0]);
	});

	it('a blocked 429 fails at once, saying to contact Notion', async () => {
		const { directory } = recorded({ pacingKey: freshKey() });
		emulator.limits.script([{ status: 429, reason: 'public_api_request_blocked' }]);
		await expect(directory.getMember(memberId(1))).rejects.toMatchObject({
			kind: 'rate_limited',
			hint: expect.stringMatching(/contact Notion support/),
		});
		expect(emulator.control.requestCounts()).toEqual({ 'GET /scim/v2/Users/{id}': 1 });
	});

	it('a 529 is waited out like a 429, for everyone on the connection', async () => {
		const key = freshKey();
		const first = recorded({ pacingKey: key });
		emulator.limits.script([{ status: 529, retryAfter: 4 }]);
		await first.directory.getMember(memberId(1));
		expect(first.sentAt).toEqual([0, 4000]);
		const other = recorded({ pacingKey: key });
		await other.directory.getMember(memberId(2));
		expect(other.sentAt[0]).toBeGreaterThanOrEqual(4000);
	});

	it('a 429 that keeps coming ends as rate_limited naming the shared budget', async () => {
		const { directory } = recorded({ pacingKey: freshKey() });
		emulator.limits.script(Array.from({ length: 5 }, () => ({ status: 429 as const, reason: 'public_api_space_request_rate_limit', retryAfter: 1 })));
		await expect(directory.getMember(memberId(1))).rejects.toMatchObject({
			kind: 'rate_limited',
			hint: expect.stringMatching(/shared request budget/),
		});
	});

	it('a create answered 503 "read before retry" is read back, not repeated, when it was saved', async () => {
		const { directory } = recorded({ pacingKey: freshKey() });
		emulator.limits.script([{ status: 503, saved: true, guidance: 'read_before_retry' }]);
		const group = await directory.createGroup('Saved despite the 503');
		expect(group.name).toBe('Saved despite the 503');
		const named = emulator.control.snapshot().groups.filter((g) => g.displayName === 'Saved despite the 503');
		expect(named.map((g) => g.id)).toEqual([group.id]);
		expect(emulator.control.requestCounts()['POST /scim/v2/Groups']).toBe(1);
	});

	it('a create answered 503 "safe to retry" is sent again and made once', async () => {
		const { directory } = recorded({ pacingKey: freshKey() });
		emulator.limits.script([{ status: 503, saved: false, guidance: 'safe_to_retry' }]);
		const group = await directory.createGroup('Not saved by the 503');
		const named = emulator.control.snapshot().groups.filter((g) => g.displayName === 'Not saved by the 503');
		expect(named.map((g) => g.id)).toEqual([group.id]);
		// Sent again at once: no read-back between the two POSTs.
		expect(emulator.control.requestLog().map((e) => e.method)).toEqual(['GET', 'POST', 'POST']);
	});
});
