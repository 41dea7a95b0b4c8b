import type { NotionAdminError } from '../../nodes/common/connector/errors';
import { TransportError, type HttpTransport } from '../../nodes/common/connector/transport';
import type { Emulator } from '../../tools/notion-emulator';
import { directoryOn, startWorkspace } from './workspace';

/** The first `method` request reaches Notion and takes effect, but its answer is lost: `error` instead. */
function losingFirstAnswer(method: string, error: TransportError): (transport: HttpTransport) => HttpTransport {
	let lose = true;
	return (transport) => async (request) => {
		const response = await transport(request);
		if (request.method === method && lose) {
			lose = false;
			throw error;
		}
		return response;
	};
}

describe('retries, timeouts and broken answers', () => {
	let emulator: Emulator;
	beforeEach(async () => {
		emulator = await startWorkspace();
	});
	afterEach(() => emulator.stop());

	const statuses = () => emulator.control.requestLog().map((entry) => entry.fault ?? String(entry.status));

	it('waits out a 429 for as long as Retry-After says, then succeeds', async () => {
		const { directory, clock } = directoryOn(emulator);
		emulator.control.scriptFaults(['429']);
		const listing = await directory.listMembers();
		expect(listing.via.source).toBe('scim');
		expect(statuses()).toEqual(['429', '200']);
		expect(clock.elapsed()).toBeGreaterThanOrEqual(1000);
	});

	it('gives up on a 429 at once when Retry-After is longer than it may wait', async () => {
		const { directory, clock } = directoryOn(emulator, { scim: false, tuning: { maxDelayMs: 500 } });
		emulator.control.scriptFaults(['429']);
		const error = (await directory.listMembers().catch((e: unknown) => e)) as NotionAdminError;
		expect(error).toMatchObject({ kind: 'rate_limited', httpStatus: 429 });
		expect(error.hint).toMatch(/asked to wait 1 s/);
		expect(clock.sleeps).toEqual([]);
	});

	it('reports rate_limited after every attempt was limited', async () => {
		const { directory } = directoryOn(emulator, { scim: false, tuning: { maxAttempts: 3 } });
		emulator.control.scriptFaults(['429', '529', '429']);
		await expect(directory.listMembers()).rejects.toMatchObject({ kind: 'rate_limited', api: 'standard' });
		expect(statuses()).toEqual(['429', '529', '429']);
	});

	it.each(['500', '502', '503', '504', '529', 'edge502', 'reset', 'malformed', 'truncated'] as const)(
		'retries a read after %s, with backoff',
		async (fault) => {
			const { directory, clock } = directoryOn(emulator, { scim: false });
			emulator.control.scriptFaults([fault, fault]);
			const listing = await directory.listMembers();
			expect(listing.members.length).toBeGreaterThan(0);
			expect(statuses()).toEqual([fault, fault, '200']);
			expect(clock.sleeps).toHaveLength(2);
		},
	);

	it('times out a request that hangs, and retries it', async () => {
		const { directory } = directoryOn(emulator, { tuning: { timeoutMs: 200 } });
		emulator.control.scriptFaults(['hang']);
		const found = await directory.findMemberByEmail('ada.lovelace@acme.test');
		expect(found.value?.email).toBe('ada.lovelace@acme.test');
		expect(statuses()).toEqual(['hang', '200']);
	});

	it('says timeout when every attempt hangs', async () => {
		const { directory } = directoryOn(emulator, { scim: false, tuning: { timeoutMs: 150, maxAttempts: 2 } });
		emulator.control.scriptFaults(['hang', 'hang']);
		await expect(directory.listMembers()).rejects.toMatchObject({ kind: 'timeout', api: 'standard' });
	});

	it('says bad_response when the body stays broken, and unavailable for an edge 502', async () => {
		const { directory } = directoryOn(emulator, { scim: false, tuning: { maxAttempts: 3 } });
		emulator.control.scriptFaults(['malformed', 'truncated', 'malformed']);
		await expect(directory.listMembers()).rejects.toMatchObject({ kind: 'bad_response' });
		emulator.control.scriptFaults(['edge502', 'edge502', 'edge502']);
		const edge = (await directory.listMembers().catch((e: unknown) => e)) as NotionAdminError;
		expect(edge).toMatchObject({ kind: 'unavailable', httpStatus: 502 });
		expect(edge.message).toMatch(/edge proxy/);
	});

	it('gives up with timeout once a listing cannot end before its deadline', async () => {
		for (const scim of [true, false]) {
			const { directory, clock } = directoryOn(emulator, { scim, tuning: { baseDelayMs: 10_000 } });
			const deadline = clock.now() + 1000;
			emulator.control.scriptFaults(['503']);
			await expect(directory.listMembers({ deadline })).rejects.toMatchObject({ kind: 'timeout' });
			expect(clock.now()).toBeGreaterThan(deadline);
			expect(clock.elapsed()).toBeLessThan(1100);
		}
	});

	it('copes with SCIM errors whose status is a number', async () => {
		emulator.control.setBehaviours({ scimErrorStatusType: 'number' });
		const { directory } = directoryOn(emulator);
		await expect(directory.createMember({ email: 'ada.lovelace@acme.test' })).rejects.toMatchObject({ kind: 'conflict' });
	});
});

describe('a create is never applied twice', () => {
	let emulator: Emulator;
	beforeEach(async () => {
		emulator = await startWorkspace();
	});
	afterEach(() => emulator.stop());

	const withEmail = (email: string) => emulator.control.snapshot().members.filter((m) => m.email === email);
	const calls = () => emulator.control.requestLog().map((e) => `${e.method} ${e.path.replace(/[0-9a-f-]{36}/, '{id}')} ${e.fault ?? e.status}`);

	it('does not resend a POST that got a 5xx before checking whether it took effect', async () => {
		let posts = 0;
		const { directory } = directoryOn(emulator, {
			wrap: (transport) => (request) => {
				if (request.method === 'POST' && ++posts === 1) emulator.control.scriptFaults(['500']);
				return transport(request);
			},
		});
		const created = await directory.createMember({ email: 'lin.chen@acme.test', name: 'Lin Chen' });
		expect(withEmail('lin.chen@acme.test')).toHaveLength(1);
		expect(created.id).toBe(withEmail('lin.chen@acme.test')[0].id);
		// A lookup first (was the person a member already? "no" takes two filter forms agreeing), then
		// the POST and the check after its 5xx.
		const get = 'GET /scim/v2/Users 200';
		expect(calls()).toEqual([get, get, 'POST /scim/v2/Users 500', get, get, 'POST /scim/v2/Users 201']);
	});

	it('returns the member when the answer to a successful POST was lost', async () => {
		const wrap = losingFirstAnswer('POST', new TransportError('network', 'connection reset after the request was sent'));
		const { directory } = directoryOn(emulator, { wrap });
		const created = await directory.createMember({ email: 'sam.rivera@acme.test', name: 'Sam Rivera' });
		expect(withEmail('sam.rivera@acme.test')).toHaveLength(1);
		expect(created.id).toBe(withEmail('sam.rivera@acme.test')[0].id);
		expect(calls()).toEqual(['GET /scim/v2/Users 200', 'GET /scim/v2/Users 200', 'POST /scim/v2/Users 201', 'GET /scim/v2/Users 200']);
	});

	it('takes a 409 on the repeat of a lost POST as proof that the first one worked', async () => {
		const losePost = losingFirstAnswer('POST', new TransportError('timeout', 'no answer in time'));
		let lookups = 0;
		const wrap = (transport: HttpTransport): HttpTransport =>
			losePost(async (request) => {
				const response = await transport(request);
				lookups += request.method === 'GET' && request.url.includes('filter=') ? 1 : 0;
				if (request.method === 'GET' && request.url.includes('filter=') && (lookups === 3 || lookups === 4)) {
					// A lagging search index: the lookup (both filter forms) right after the create does not see it yet.
					return { ...response, body: JSON.stringify({ schemas: [], totalResults: 0, Resources: [] }) };
				}
				return response;
			});
		const { directory } = directoryOn(emulator, { wrap });
		const created = await directory.createMember({ email: 'kim.park@acme.test' });
		expect(withEmail('kim.park@acme.test')).toHaveLength(1);
		expect(created.id).toBe(withEmail('kim.park@acme.test')[0].id);
		expect(calls()).toEqual([
			'GET /scim/v2/Users 200',
			'GET /scim/v2/Users 200',
			'POST /scim/v2/Users 201',
			'GET /scim/v2/Users 200',
			'GET /scim/v2/Users 200',
			'POST /scim/v2/Users 409',
			'GET /scim/v2/Users 200',
		]);
	});

	it('treats a 404 on a repeated DELETE whose first answer was lost as done', async () => {
		const victim = emulator.control.snapshot().members[5];
		const wrap = losingFirstAnswer('DELETE', new TransportError('network', 'connection reset'));
		const { directory } = directoryOn(emulator, { wrap });
		await directory.removeMember(victim.id);
		expect(calls()).toEqual([
			'DELETE /scim/v2/Users/{id} 204',
			'DELETE /scim/v2/Users/{id} 404',
			'GET /scim/v2/Users/{id} 404',
		]);
	});
});

describe('filter values cannot change the filter', () => {
	let emulator: Emulator;
	beforeEach(async () => {
		emulator = await startWorkspace();
	});
	afterEach(() => emulator.stop());

	it('finds nothing for an injection attempt in a group name', async () => {
		const { directory } = directoryOn(emulator);
		expect(await directory.findGroupByName('x" or displayName pr or displayName eq "y')).toBeNull();
		expect(await directory.listGroups({ name: 'Engineering" or displayName pr or displayName eq "' })).toEqual([]);
		expect((await directory.findGroupByName('Engineering'))?.name).toBe('Engineering');
	});

	it('finds a member whose address has unusual characters, and only that member', async () => {
		emulator.control.addMember({ email: "o'brien+ops@acme.test", name: "Pat O'Brien", role: 'member' });
		const { directory } = directoryOn(emulator);
		const found = await directory.findMemberByEmail("o'brien+ops@acme.test");
		expect(found.value?.name).toBe("Pat O'Brien");
	});
});
