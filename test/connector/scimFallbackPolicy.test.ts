/**
 * The SCIM fallback policy on its own, with fake SCIM clients: which failures make SCIM unusable
 * for reads (and for how long), which are ordinary errors passed on, when a 403 on a write is
 * probed, and what each fallback and `scim_required` error says. fallback.test.ts drives the same
 * policy through the emulator for the common cases.
 */
import { NotionAdminError, type NotionAdminErrorKind } from '../../nodes/common/connector/errors';
import { RequestFailure, SCIM_FORBIDDEN_HINT, SCIM_REVOKED_HINT } from '../../nodes/common/connector/http/responseError';
import { ScimFallback, type ScimClients } from '../../nodes/common/connector/scimFallback';
import type { ScimGroups } from '../../nodes/common/connector/scim/scimGroups';
import type { ScimUsers } from '../../nodes/common/connector/scim/scimUsers';

const STATUS: Partial<Record<NotionAdminErrorKind, number>> = { unauthorized: 401, forbidden: 403, unavailable: 503, conflict: 409, not_found: 404, rate_limited: 429 };

function failure(kind: NotionAdminErrorKind, options: { api?: 'scim' | 'standard'; message?: string; status?: number | null } = {}): RequestFailure {
	const httpStatus = options.status === null ? undefined : (options.status ?? STATUS[kind]);
	return new RequestFailure(kind, options.message ?? `SCIM said ${kind}`, 'a hint', { api: options.api ?? 'scim', httpStatus });
}

/** Fake clients: `probe` does what the test scripts; the calls are counted. */
function fakeScim(probe: () => Promise<void> = async () => {}) {
	const calls = { probe: 0 };
	const users = {
		probe: async () => {
			calls.probe += 1;
			await probe();
		},
	} as unknown as ScimUsers;
	const groups = {} as ScimGroups;
	return { clients: { users, groups } as ScimClients, calls };
}

const api = async () => 'from api';
const scimOk = async () => 'from scim';
const failWith = (error: unknown) => async (): Promise<never> => {
	throw error;
};

async function caught(promise: Promise<unknown>): Promise<unknown> {
	return promise.then(
		(value) => ({ resolved: value }),
		(error: unknown) => error,
	);
}

describe('reads', () => {
	it('without clients go through the API and say no SCIM credential is set', async () => {
		const route = new ScimFallback();
		let scimCalls = 0;
		const result = await route.read(async () => {
			scimCalls += 1;
			return 'from scim';
		}, api);
		expect(result).toEqual({
			value: 'from api',
			via: { source: 'api', fallbackReason: 'no_scim_token', fallbackDetail: expect.stringMatching(/because no Notion SCIM credential is set: .*Add a Notion SCIM credential/) },
		});
		expect(scimCalls).toBe(0);
	});

	it('go through SCIM while it answers, never touching the API', async () => {
		const route = new ScimFallback(fakeScim().clients);
		let apiCalls = 0;
		const countApi = async () => {
			apiCalls += 1;
			return 'from api';
		};
		expect(await route.read(scimOk, countApi)).toEqual({ value: 'from scim', via: { source: 'scim' } });
		expect(await route.read(scimOk, countApi)).toEqual({ value: 'from scim', via: { source: 'scim' } });
		expect(apiCalls).toBe(0);
	});

	it.each([
		['unauthorized', 'scim_unauthorized', /because the SCIM token was refused \(HTTP 401\)/, SCIM_REVOKED_HINT],
		['forbidden', 'scim_forbidden', /because SCIM access was refused \(HTTP 403\)/, SCIM_FORBIDDEN_HINT],
	] as const)('a SCIM %s switches every later read to the API, saying why', async (kind, reason, why, hint) => {
		const route = new ScimFallback(fakeScim().clients);
		const first = await route.read(failWith(failure(kind)), api);
		expect(first).toEqual({ value: 'from api', via: { source: 'api', fallbackReason: reason, fallbackDetail: expect.stringMatching(why) } });
		expect(first.via.fallbackDetail).toContain(`${hint}.`);
		let scimCalls = 0;
		const later = await route.read(async () => {
			scimCalls += 1;
			return 'from scim';
		}, api);
		expect(later).toEqual(first);
		expect(scimCalls).toBe(0);
	});

	it('a refusal without a status says so without a status', async () => {
		const route = new ScimFallback(fakeScim().clients);
		const { via } = await route.read(failWith(failure('unauthorized', { status: null })), api);
		expect(via.fallbackDetail).toMatch(/because the SCIM token was refused: /);
	});

	it.each(['unavailable', 'timeout', 'bad_response'] as const)('SCIM %s after retries: the API reads, and the detail says what SCIM answered, redacted', async (kind) => {
		const route = new ScimFallback(fakeScim().clients);
		const { via } = await route.read(failWith(failure(kind, { message: 'HTTP 503 from SCIM; echo Bearer abc.def' })), api);
		expect(via).toEqual({ source: 'api', fallbackReason: 'scim_unavailable', fallbackDetail: expect.stringContaining('did not answer properly after retries (HTTP 503 from SCIM; echo Bearer [redacted]): ') });
		expect(via.fallbackDetail).not.toContain('abc.def');
		expect(via.fallbackDetail).toContain('try again in a few minutes');
	});

	it('an outage with no message adds no empty detail', async () => {
		const route = new ScimFallback(fakeScim().clients);
		const { via } = await route.read(failWith(failure('timeout', { message: '', status: null })), api);
		expect(via.fallbackDetail).toMatch(/did not answer properly after retries: /);
	});

	it.each([
		['a SCIM not_found', failure('not_found')],
		['a SCIM conflict', failure('conflict')],
		['a SCIM rate_limited', failure('rate_limited')],
		['a standard API 401', failure('unauthorized', { api: 'standard' })],
		['a standard API 503', failure('unavailable', { api: 'standard' })],
		['a NotionAdminError that is no request failure', new NotionAdminError('unauthorized', 'no', 'hint', { api: 'scim', httpStatus: 401 })],
		['a plain error', new Error('bug')],
	])('%s is passed on as it is, and SCIM is tried again next time', async (_name, error) => {
		const route = new ScimFallback(fakeScim().clients);
		await expect(route.read(failWith(error), api)).rejects.toBe(error);
		expect(await route.read(scimOk, api)).toEqual({ value: 'from scim', via: { source: 'scim' } });
	});

	it('after an outage the reads stay on the API, until a SCIM-only operation succeeds', async () => {
		const route = new ScimFallback(fakeScim().clients);
		await route.read(failWith(failure('unavailable')), api);
		expect((await route.read(scimOk, api)).via.fallbackReason).toBe('scim_unavailable');
		// The write still tries SCIM, and its success shows SCIM is back.
		expect(await route.viaScim('Adding a member', async () => 'created')).toBe('created');
		expect(await route.read(scimOk, api)).toEqual({ value: 'from scim', via: { source: 'scim' } });
	});
});

describe('operations only SCIM can do', () => {
	it('without clients fail with scim_required, naming the operation', async () => {
		const route = new ScimFallback();
		let calls = 0;
		const error = await caught(
			route.viaScim('Adding a member', async () => {
				calls += 1;
			}),
		);
		expect(error).toBeInstanceOf(NotionAdminError);
		expect(error).toMatchObject({
			kind: 'scim_required',
			message: 'Adding a member needs a working Notion SCIM token, but no Notion SCIM credential is set',
			hint: expect.stringMatching(/^Add a Notion SCIM credential/),
			api: 'scim',
			httpStatus: undefined,
		});
		expect(calls).toBe(0);
	});

	it.each([
		['unauthorized', 401, SCIM_REVOKED_HINT],
		['forbidden', 403, SCIM_FORBIDDEN_HINT],
	] as const)('after a read learned SCIM %s, fail at once with scim_required', async (kind, status, hint) => {
		const { clients, calls } = fakeScim();
		const route = new ScimFallback(clients);
		await route.read(failWith(failure(kind)), api);
		let operations = 0;
		const error = await caught(
			route.viaScim('Creating a group', async () => {
				operations += 1;
			}),
		);
		expect(error).toMatchObject({ kind: 'scim_required', httpStatus: status, hint, message: expect.stringMatching(/^Creating a group needs a working Notion SCIM token, but /) });
		expect(operations).toBe(0);
		expect(calls.probe).toBe(0);
	});

	it('pass their value on and mark SCIM as working: a later 403 is Notion refusing that change, not probed', async () => {
		const { clients, calls } = fakeScim();
		const route = new ScimFallback(clients);
		expect(await route.viaScim('Reading a group', async ({ users, groups }) => [users, groups].length)).toBe(2);
		const refused = failure('forbidden');
		await expect(route.viaScim('Removing a member', failWith(refused))).rejects.toBe(refused);
		expect(calls.probe).toBe(0);
	});

	it('a 401 fails with scim_required and switches reads and later operations away from SCIM', async () => {
		const { clients, calls } = fakeScim();
		const route = new ScimFallback(clients);
		const error = await caught(route.viaScim('Adding a member', failWith(failure('unauthorized'))));
		expect(error).toMatchObject({ kind: 'scim_required', httpStatus: 401, hint: SCIM_REVOKED_HINT });
		expect(calls.probe).toBe(0);
		expect((await route.read(scimOk, api)).via.fallbackReason).toBe('scim_unauthorized');
		let operations = 0;
		await expect(
			route.viaScim('Adding a member', async () => {
				operations += 1;
			}),
		).rejects.toMatchObject({ kind: 'scim_required', httpStatus: 401 });
		expect(operations).toBe(0);
	});

	it('a first 403 is probed: SCIM answers, so it is this change Notion refuses (the refusal explains it)', async () => {
		const { clients, calls } = fakeScim();
		const route = new ScimFallback(clients);
		const refused = failure('forbidden');
		const explained = new NotionAdminError('refused', 'Notion refuses this change', 'hint');
		const seen: unknown[] = [];
		const error = await caught(
			route.viaScim('Removing a member', failWith(refused), (failed, scim) => {
				seen.push(failed, scim);
				return explained;
			}),
		);
		expect(error).toBe(explained);
		expect(seen).toEqual([refused, clients]);
		expect(calls.probe).toBe(1);
		// SCIM works: the next 403 is not probed again, and without a refusal the 403 itself is thrown.
		await expect(route.viaScim('Removing a member', failWith(refused))).rejects.toBe(refused);
		expect(calls.probe).toBe(1);
		expect(await route.read(scimOk, api)).toEqual({ value: 'from scim', via: { source: 'scim' } });
	});

	it('a refusal that has nothing to add leaves the 403 itself', async () => {
		const route = new ScimFallback(fakeScim().clients);
		const refused = failure('forbidden');
		await expect(route.viaScim('Removing a member', failWith(refused), async () => undefined)).rejects.toBe(refused);
	});

	it('a 403 after SCIM already answered is not probed', async () => {
		const { clients, calls } = fakeScim();
		const route = new ScimFallback(clients);
		await route.read(scimOk, api);
		const refused = failure('forbidden');
		await expect(route.viaScim('Removing a member', failWith(refused))).rejects.toBe(refused);
		expect(calls.probe).toBe(0);
	});

	it.each([
		['unauthorized', 401, 'scim_unauthorized'],
		['forbidden', 403, 'scim_forbidden'],
	] as const)('a first 403 whose probe meets a %s means no SCIM here: scim_required, and reads switch', async (kind, status, reason) => {
		const { clients, calls } = fakeScim(failWith(failure(kind)));
		const route = new ScimFallback(clients);
		const error = await caught(route.viaScim('Adding a member', failWith(failure('forbidden'))));
		expect(error).toMatchObject({ kind: 'scim_required', httpStatus: status });
		expect(calls.probe).toBe(1);
		expect((await route.read(scimOk, api)).via.fallbackReason).toBe(reason);
	});

	it.each([
		['an outage', failure('unavailable')],
		['a standard API failure', failure('unauthorized', { api: 'standard' })],
		['a plain error', new Error('bug')],
	])('a first 403 whose probe meets %s: the 403 is thrown, and SCIM is not given up', async (_name, probeError) => {
		const { clients, calls } = fakeScim(failWith(probeError));
		const route = new ScimFallback(clients);
		const refused = failure('forbidden');
		let refusals = 0;
		const error = await caught(
			route.viaScim('Adding a member', failWith(refused), () => {
				refusals += 1;
				return undefined;
			}),
		);
		expect(error).toBe(refused);
		expect(refusals).toBe(0);
		expect(calls.probe).toBe(1);
		expect(await route.read(scimOk, api)).toEqual({ value: 'from scim', via: { source: 'scim' } });
	});

	it.each([
		['a SCIM conflict', failure('conflict')],
		['a SCIM outage', failure('unavailable')],
	])('%s goes to the refusal, unprobed, and SCIM stays in use', async (_name, error) => {
		const { clients, calls } = fakeScim();
		const route = new ScimFallback(clients);
		const explained = new NotionAdminError('conflict', 'explained', 'hint');
		await expect(route.viaScim('Creating a group', failWith(error), () => explained)).rejects.toBe(explained);
		await expect(route.viaScim('Creating a group', failWith(error))).rejects.toBe(error);
		expect(calls.probe).toBe(0);
		expect(await route.read(scimOk, api)).toEqual({ value: 'from scim', via: { source: 'scim' } });
	});

	it.each([
		['a standard API 401', failure('unauthorized', { api: 'standard' })],
		['a standard API 403', failure('forbidden', { api: 'standard' })],
		['a NotionAdminError that is no request failure', new NotionAdminError('forbidden', 'no', 'hint', { api: 'scim', httpStatus: 403 })],
		['a plain error', new Error('bug')],
	])('%s is thrown as it is: no refusal, no probe, SCIM still in use', async (_name, error) => {
		const { clients, calls } = fakeScim();
		const route = new ScimFallback(clients);
		let refusals = 0;
		await expect(
			route.viaScim('Creating a group', failWith(error), () => {
				refusals += 1;
				return undefined;
			}),
		).rejects.toBe(error);
		expect(refusals).toBe(0);
		expect(calls.probe).toBe(0);
		expect(await route.read(scimOk, api)).toEqual({ value: 'from scim', via: { source: 'scim' } });
	});
});
