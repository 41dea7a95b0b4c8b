import type { NotionAdminError } from '../../nodes/shared/connector/errors';
import { TransportError, type HttpTransport } from '../../nodes/shared/connector/transport';
import { generateSeed, type Emulator, type FaultKind, type Seed } from '../emulator';
import { directoryOn, startWorkspace } from './workspace';

const seed: Seed = generateSeed({ members: 260, bots: 1, guests: 1, groups: 0, deactivated: 0, seed: 5 });
seed.groups = [
	{ displayName: 'Engineering', memberEmails: seed.members.slice(1, 4).map((m) => m.email) },
	{ displayName: 'Legal', memberEmails: [], ownsPages: true },
];
const owner = () => seed.members[0];

describe('member writes over SCIM', () => {
	let emulator: Emulator;
	beforeEach(async () => {
		emulator = await startWorkspace({ seed });
	});
	afterEach(() => emulator.stop());

	const memberIn = (id: string) => emulator.control.snapshot().members.find((m) => m.id === id);

	it('creates a member with a role and a name', async () => {
		const { directory } = directoryOn(emulator);
		const created = await directory.createMember({
			email: 'marie.curie@acme.test',
			givenName: 'Marie',
			familyName: 'Curie',
			role: 'restricted_member',
		});
		expect(created).toMatchObject({ email: 'marie.curie@acme.test', name: 'Marie Curie', role: 'restricted_member', active: true, source: 'scim' });
		expect(memberIn(created.id)).toMatchObject({ email: 'marie.curie@acme.test', role: 'restricted_member', active: true });
		// One lookup first (was the person a member already?), then one POST.
		expect(emulator.control.requestCounts()).toEqual({ 'GET /scim/v2/Users': 1, 'POST /scim/v2/Users': 1 });
		expect(created.reactivated).toBe(false);
	});

	it('refuses a duplicate with conflict and the existing id', async () => {
		const { directory } = directoryOn(emulator);
		const existing = seed.members[5];
		const error = (await directory.createMember({ email: existing.email }).catch((e: unknown) => e)) as NotionAdminError;
		expect(error).toMatchObject({ kind: 'conflict', applied: { id: existing.id } });
		// The lookup before the POST finds the member: nothing is sent.
		expect(emulator.control.requestCounts()).toEqual({ 'GET /scim/v2/Users': 1 });
	});

	it('updates role, name, email and status', async () => {
		const { directory } = directoryOn(emulator);
		const target = seed.members[9];
		const id = target.id as string;
		expect(await directory.updateMember(id, { role: 'membership_admin' })).toMatchObject({ role: 'membership_admin' });
		expect(memberIn(id)?.role).toBe('membership_admin');
		await directory.updateMember(id, { name: 'Renamed Person' });
		expect(memberIn(id)?.name).toBe('Renamed Person');
		await directory.updateMember(id, { givenName: 'Given' });
		expect(memberIn(id)).toMatchObject({ givenName: 'Given' });
		await directory.updateMember(id, { email: 'renamed@acme.test' });
		expect(memberIn(id)?.email).toBe('renamed@acme.test');
		expect(await directory.updateMember(id, { active: false })).toMatchObject({ active: false });
		expect(memberIn(id)?.active).toBe(false);
		expect(await directory.updateMember(id, { active: true })).toMatchObject({ active: true });
	});

	it('removes a member and confirms it is gone (404 or inactive afterwards)', async () => {
		for (const deletedUserLookup of ['404', 'inactive'] as const) {
			emulator.control.setBehaviours({ deletedUserLookup });
			emulator.control.resetLog();
			const { directory } = directoryOn(emulator);
			const target = deletedUserLookup === '404' ? seed.members[20] : seed.members[21];
			await directory.removeMember(target.id as string);
			expect(emulator.control.requestCounts()).toEqual({
				'DELETE /scim/v2/Users/{id}': 1,
				'GET /scim/v2/Users/{id}': 1,
			});
			const after = await directory.getMember(target.id as string);
			expect(after.value === null || after.value.active === false).toBe(true);
		}
	});

	it('says not_found when removing or changing someone who is not there', async () => {
		const { directory } = directoryOn(emulator);
		const absent = '0123456789abcdef0123456789abcdef';
		await expect(directory.removeMember(absent)).rejects.toMatchObject({ kind: 'not_found' });
		await expect(directory.updateMember(absent, { role: 'member' })).rejects.toMatchObject({ kind: 'not_found' });
	});

	it.each([403, 400] as const)('refuses to remove or demote the SCIM token owner (HTTP %i) with a clear hint', async (status) => {
		emulator.control.setBehaviours({ tokenOwnerRemoveStatus: status });
		const { directory } = directoryOn(emulator);
		const id = owner().id as string;
		for (const attempt of [() => directory.removeMember(id), () => directory.updateMember(id, { role: 'member' })]) {
			const error = (await attempt().catch((e: unknown) => e)) as NotionAdminError;
			expect(error).toMatchObject({ kind: 'refused', httpStatus: status });
			expect(error.hint).toMatch(/created the SCIM token/);
		}
		expect(memberIn(id)).toMatchObject({ active: true, role: 'owner' });
	});

	it('rejects bad input before any request, naming the field', async () => {
		const { directory } = directoryOn(emulator);
		const cases: Array<[Promise<unknown>, string]> = [
			[directory.createMember({ email: 'not-an-email' }), 'email'],
			[directory.createMember({ email: 'a@b.test', name: '   ' }), 'name'],
			[directory.createMember({ email: 'a@b.test', role: 'boss' as never }), 'role'],
			[directory.updateMember('123', { role: 'member' }), 'id'],
			[directory.updateMember(owner().id as string, {}), 'changes'],
			[directory.getMember('zz-not-a-uuid'), 'id'],
			[directory.findMemberByEmail('x" or userName pr'), 'email'],
			[directory.createGroup(''), 'name'],
			[directory.addGroupMembers(owner().id as string, ['nope']), 'userIds'],
		];
		for (const [attempt, field] of cases) await expect(attempt).rejects.toMatchObject({ kind: 'invalid_input', field });
		expect(emulator.control.requestLog()).toEqual([]);
	});

	it('never echoes a token pasted by mistake into a field', async () => {
		const { directory } = directoryOn(emulator);
		const error = (await directory.getMember(emulator.tokens.scim).catch((e: unknown) => e)) as NotionAdminError;
		expect(error.kind).toBe('invalid_input');
		expect(error.message).not.toContain(emulator.tokens.scim);
	});
});

describe('group writes over SCIM', () => {
	let emulator: Emulator;
	beforeEach(async () => {
		emulator = await startWorkspace({ seed });
	});
	afterEach(() => emulator.stop());

	const groupIn = (name: string) => emulator.control.snapshot().groups.find((g) => g.displayName === name);
	const ids = (from: number, to: number) => seed.members.slice(from, to).map((m) => m.id as string);

	it('creates, finds, renames and deletes a group', async () => {
		const { directory } = directoryOn(emulator);
		const created = await directory.createGroup('Platform', ids(10, 15));
		expect(created).toMatchObject({ name: 'Platform', memberIds: ids(10, 15) });
		expect(groupIn('Platform')?.memberIds.sort()).toEqual(ids(10, 15).sort());
		expect((await directory.findGroupByName('Platform'))?.id).toBe(created.id);
		await expect(directory.createGroup('Platform')).rejects.toMatchObject({ kind: 'conflict', applied: { id: created.id } });
		expect(await directory.renameGroup(created.id, 'Platform Team')).toMatchObject({ name: 'Platform Team' });
		expect(groupIn('Platform Team')).toBeDefined();
		await directory.deleteGroup(created.id);
		expect(groupIn('Platform Team')).toBeUndefined();
		expect(await directory.getGroup(created.id)).toBeNull();
		await expect(directory.deleteGroup(created.id)).rejects.toMatchObject({ kind: 'not_found' });
	});

	it('creates a large group in one POST plus one PATCH per further 100 members', async () => {
		const { directory } = directoryOn(emulator);
		const members = ids(0, 250);
		const group = await directory.createGroup('Everyone', members);
		expect(group.memberIds).toHaveLength(250);
		const counts = emulator.control.requestCounts();
		expect(counts['POST /scim/v2/Groups']).toBe(1);
		expect(counts['PATCH /scim/v2/Groups/{id}']).toBe(2);
	});

	it('refuses to delete a group that would orphan pages, with a hint', async () => {
		const { directory } = directoryOn(emulator);
		const legal = await directory.findGroupByName('Legal');
		const error = (await directory.deleteGroup(legal?.id as string).catch((e: unknown) => e)) as NotionAdminError;
		expect(error).toMatchObject({ kind: 'refused' });
		expect(error.hint).toMatch(/full-access/);
		expect(groupIn('Legal')).toBeDefined();
	});

	it('adds 250 users in ceil(250/100) PATCH requests, skipping those already in', async () => {
		const { directory } = directoryOn(emulator);
		const engineering = await directory.findGroupByName('Engineering');
		emulator.control.resetLog();
		const change = await directory.addGroupMembers(engineering?.id as string, ids(1, 251));
		expect(change.unchanged.sort()).toEqual(ids(1, 4).sort());
		expect(change.added).toHaveLength(247);
		expect(change.requests).toBe(3);
		expect(emulator.control.requestCounts()).toEqual({ 'GET /scim/v2/Groups/{id}': 1, 'PATCH /scim/v2/Groups/{id}': 3 });
		expect(groupIn('Engineering')?.memberIds).toHaveLength(250);
	});

	it.each(['pathFilter', 'both', 'valueArray'] as const)(
		'removes members in batches whichever remove form Notion takes (%s)',
		async (groupMemberRemoveForm) => {
			emulator.control.setBehaviours({ groupMemberRemoveForm });
			const { directory } = directoryOn(emulator);
			const group = await directory.createGroup('Big', ids(0, 230));
			emulator.control.resetLog();
			const change = await directory.removeGroupMembers(group.id, [...ids(0, 150), ...ids(240, 245)]);
			expect(change.removed).toHaveLength(150);
			expect(change.unchanged).toHaveLength(5);
			expect(groupIn('Big')?.memberIds.sort()).toEqual(ids(150, 230).sort());
			const patches = emulator.control.requestCounts()['PATCH /scim/v2/Groups/{id}'];
			// Two batches; one refused attempt more when Notion does not take the path filter.
			expect(patches).toBe(groupMemberRemoveForm === 'valueArray' ? 3 : 2);
			expect(change.requests).toBe(patches);
		},
	);

	it('plans and sets a group to exactly the given members', async () => {
		const { directory } = directoryOn(emulator);
		const engineering = await directory.findGroupByName('Engineering');
		const id = engineering?.id as string;
		const wanted = [...ids(2, 4), ...ids(30, 33)];
		const plan = await directory.planGroupMembers(id, wanted);
		expect(plan).toMatchObject({ toAdd: ids(30, 33), toRemove: ids(1, 2), unchanged: ids(2, 4) });
		expect(groupIn('Engineering')?.memberIds).toHaveLength(3);
		const change = await directory.setGroupMembers(id, wanted);
		expect(change).toMatchObject({ added: ids(30, 33), removed: ids(1, 2), requests: 2 });
		expect(groupIn('Engineering')?.memberIds.sort()).toEqual([...wanted].sort());
	});
});

describe('group batches adapt to a server that takes fewer users per PATCH', () => {
	it('halves the batch after a tooMany and still applies everything', async () => {
		const emulator = await startWorkspace({ seed, behaviours: { maxMembersPerPatch: 40 } });
		try {
			const { directory } = directoryOn(emulator);
			const group = await directory.findGroupByName('Legal');
			const wanted = seed.members.slice(10, 130).map((m) => m.id as string);
			const change = await directory.addGroupMembers(group?.id as string, wanted);
			expect(change.added.sort()).toEqual([...wanted].sort());
			const legal = emulator.control.snapshot().groups.find((g) => g.displayName === 'Legal');
			expect(legal?.memberIds.sort()).toEqual([...wanted].sort());
			// 100 refused, 50 refused, then 25 at a time: 2 + ceil(120 / 25).
			expect(change.requests).toBe(2 + Math.ceil(120 / 25));
		} finally {
			await emulator.stop();
		}
	});
});

describe('a membership change that fails midway', () => {
	it('reports partial with exactly what was applied', async () => {
		const emulator = await startWorkspace({ seed });
		try {
			let patches = 0;
			const { directory } = directoryOn(emulator, {
				tuning: { maxAttempts: 1 },
				wrap: (transport) => (request) => {
					// Notion breaks down right before the second batch.
					if (request.method === 'PATCH' && ++patches === 2) emulator.control.scriptFaults(['503']);
					return transport(request);
				},
			});
			const group = await directory.findGroupByName('Legal');
			const wanted = seed.members.slice(10, 260).map((m) => m.id as string);
			const error = (await directory.addGroupMembers(group?.id as string, wanted).catch((e: unknown) => e)) as NotionAdminError;
			expect(error.kind).toBe('partial');
			const applied = error.applied as { added: string[]; requests: number };
			expect(applied.added).toEqual(wanted.slice(0, 100));
			expect(applied.requests).toBe(2);
			const legal = emulator.control.snapshot().groups.find((g) => g.displayName === 'Legal');
			expect(legal?.memberIds.sort()).toEqual(wanted.slice(0, 100).sort());
		} finally {
			await emulator.stop();
		}
	});
});

describe('a create whose answer is lost or failed says what Notion now holds', () => {
	let emulator: Emulator;
	beforeEach(async () => {
		emulator = await startWorkspace({ seed });
	});
	afterEach(() => emulator.stop());

	const memberIn = (id: string) => emulator.control.snapshot().members.find((m) => m.id === id);
	const usersPosts = () => emulator.control.requestLog().filter((entry) => entry.method === 'POST' && entry.path === '/scim/v2/Users');

	/** Scripts `faults` for the first POSTs to /Users, one each, just before they are sent. */
	function faultPosts(...faults: FaultKind[]) {
		const left = [...faults];
		return (transport: HttpTransport): HttpTransport =>
			(request) => {
				const fault = request.method === 'POST' ? left.shift() : undefined;
				if (fault) emulator.control.scriptFaults([fault]);
				return transport(request);
			};
	}

	/** Lets the first `times` POSTs reach Notion, then loses their answers. */
	function losePosts(times: number) {
		let lost = 0;
		return (transport: HttpTransport): HttpTransport =>
			async (request) => {
				const response = await transport(request);
				if (request.method === 'POST' && lost++ < times) throw new TransportError('network', 'socket hang up');
				return response;
			};
	}

	function deactivated() {
		const member = seed.members[30];
		emulator.control.updateMember(member.id as string, { active: false });
		return member;
	}

	it('a deactivated member whose first POST fails before reaching Notion is reactivated, and says so', async () => {
		const member = deactivated();
		const { directory } = directoryOn(emulator, { wrap: faultPosts('502') });
		const created = await directory.createMember({ email: member.email });
		expect(memberIn(member.id as string)?.active).toBe(true);
		expect(created).toMatchObject({ id: member.id, active: true, reactivated: true });
		expect(usersPosts().map((entry) => entry.status)).toEqual([502, 201]);
	});

	it('a deactivated member whose POST answer is lost: reactivated once, and says so', async () => {
		const member = deactivated();
		const { directory } = directoryOn(emulator, { wrap: losePosts(1) });
		const created = await directory.createMember({ email: member.email });
		expect(created).toMatchObject({ id: member.id, active: true, reactivated: true });
		expect(memberIn(member.id as string)?.active).toBe(true);
		expect(usersPosts()).toHaveLength(1);
	});

	it('a deactivated member that every POST fails to reach stays deactivated, and the error says so', async () => {
		const member = deactivated();
		const { directory } = directoryOn(emulator, { tuning: { maxAttempts: 2 }, wrap: faultPosts('502', '502') });
		const error = (await directory.createMember({ email: member.email }).catch((e: unknown) => e)) as NotionAdminError;
		expect(error).toBeInstanceOf(Error);
		expect(error.message).toMatch(/deactivated/);
		expect(memberIn(member.id as string)?.active).toBe(false);
	});

	it('a new member: created, not reactivated, even when the first answer is lost', async () => {
		const { directory } = directoryOn(emulator, { wrap: losePosts(1) });
		const created = await directory.createMember({ email: 'lost.answer@acme.test' });
		expect(created).toMatchObject({ email: 'lost.answer@acme.test', active: true, reactivated: false });
		expect(usersPosts()).toHaveLength(1);
	});

	it.each(['502', '500', 'reset'] as FaultKind[])(
		'an existing member stays a conflict after a %s on the POST (never reported as created)',
		async (fault) => {
			const existing = seed.members[5];
			const { directory } = directoryOn(emulator, { wrap: faultPosts(fault) });
			const error = (await directory.createMember({ email: existing.email }).catch((e: unknown) => e)) as NotionAdminError;
			expect(error).toMatchObject({ kind: 'conflict', applied: { id: existing.id } });
		},
	);
});

describe('a membership change whose answers are lost reports what the group holds', () => {
	let emulator: Emulator;
	beforeEach(async () => {
		emulator = await startWorkspace({ seed });
	});
	afterEach(() => emulator.stop());

	const legalIds = () => emulator.control.snapshot().groups.find((g) => g.displayName === 'Legal')?.memberIds ?? [];

	/** Every answer to the PATCHes numbered in `lost` (1-based, retries counted) is lost after Notion applied it. */
	function losePatches(lost: (patch: number) => boolean) {
		let patches = 0;
		return (transport: HttpTransport): HttpTransport =>
			async (request) => {
				const response = await transport(request);
				if (request.method === 'PATCH' && lost(++patches)) throw new TransportError('network', 'socket hang up');
				return response;
			};
	}

	it('every answer to the second batch is lost: partial, and applied is what the group holds', async () => {
		// Batch 2 is PATCH 2; its retries (PATCH 3 and 4) are lost too, then the directory gives up.
		const { directory } = directoryOn(emulator, { tuning: { maxAttempts: 3 }, wrap: losePatches((n) => n >= 2) });
		const legal = await directory.findGroupByName('Legal');
		const wanted = seed.members.slice(10, 260).map((m) => m.id as string);
		const error = (await directory.addGroupMembers(legal?.id as string, wanted).catch((e: unknown) => e)) as NotionAdminError;
		expect(error.kind).toBe('partial');
		const held = legalIds();
		expect(held).toHaveLength(200);
		const applied = error.applied as { added: string[] };
		expect([...applied.added].sort()).toEqual([...held].sort());
		expect(error.message).toMatch(/added 200 of 250/);
	});

	it('every answer of a single batch is lost but Notion applied it: the change is reported as done', async () => {
		const { directory } = directoryOn(emulator, { tuning: { maxAttempts: 3 }, wrap: losePatches(() => true) });
		const legal = await directory.findGroupByName('Legal');
		const wanted = seed.members.slice(10, 15).map((m) => m.id as string);
		const change = await directory.addGroupMembers(legal?.id as string, wanted);
		expect([...change.added].sort()).toEqual([...wanted].sort());
		expect([...legalIds()].sort()).toEqual([...wanted].sort());
	});

	it('a batch that failed without effect is not counted: applied still matches the group', async () => {
		let patches = 0;
		const { directory } = directoryOn(emulator, {
			tuning: { maxAttempts: 1 },
			wrap: (transport) => (request) => {
				if (request.method === 'PATCH' && ++patches === 3) emulator.control.scriptFaults(['503']);
				return transport(request);
			},
		});
		const legal = await directory.findGroupByName('Legal');
		const wanted = seed.members.slice(10, 260).map((m) => m.id as string);
		const error = (await directory.addGroupMembers(legal?.id as string, wanted).catch((e: unknown) => e)) as NotionAdminError;
		expect(error.kind).toBe('partial');
		expect((error.applied as { added: string[] }).added).toHaveLength(200);
		expect(legalIds()).toHaveLength(200);
	});
});

describe('a lookup takes only an exact match', () => {
	let emulator: Emulator;
	beforeEach(async () => {
		emulator = await startWorkspace({ seed });
	});
	afterEach(() => emulator.stop());

	/** A server (or proxy) that ignores `filter` and answers the first page of everyone. */
	const ignoreFilters = (transport: HttpTransport): HttpTransport => (request) =>
		transport({ ...request, url: request.url.replace(/filter=[^&]*&?/, '') });

	/** Answers filtered /Users lookups with the real match twice, under two ids. */
	const doubleMatches = (transport: HttpTransport): HttpTransport => async (request) => {
		const response = await transport(request);
		if (request.method !== 'GET' || !request.url.includes('filter=')) return response;
		const body = JSON.parse(response.body) as { Resources: Array<{ id: string }>; totalResults: number };
		if (body.Resources.length !== 1) return response;
		const twin = { ...body.Resources[0], id: '0000aaaa-0000-4000-8000-00000000000a' };
		return { ...response, body: JSON.stringify({ ...body, totalResults: 2, Resources: [body.Resources[0], twin] }) };
	};

	it('by email: a server that ignores the filter does not make someone else the match', async () => {
		const { directory } = directoryOn(emulator, { wrap: ignoreFilters });
		expect((await directory.findMemberByEmail('nobody@acme.test')).value).toBeNull();
		const someone = seed.members[0];
		expect((await directory.findMemberByEmail(someone.email.toUpperCase())).value?.id).toBe(someone.id);
	});

	it('by group name: only the group with exactly that name', async () => {
		const { directory } = directoryOn(emulator, { wrap: ignoreFilters });
		expect(await directory.findGroupByName('Nobody')).toBeNull();
		expect(await directory.findGroupByName('legal')).toBeNull();
		expect((await directory.findGroupByName('Legal'))?.name).toBe('Legal');
	});

	it('more than one exact match is an error naming them', async () => {
		const { directory } = directoryOn(emulator, { wrap: doubleMatches });
		const member = seed.members[7];
		const error = (await directory.findMemberByEmail(member.email).catch((e: unknown) => e)) as NotionAdminError;
		expect(error).toBeInstanceOf(Error);
		expect(error.message).toContain(member.id as string);
		expect(error.message).toContain('0000aaaa-0000-4000-8000-00000000000a');
	});

	it('two groups with the same name are an error naming both', async () => {
		const twin = emulator.control.addGroup({ displayName: 'Legal' });
		const { directory } = directoryOn(emulator);
		const error = (await directory.findGroupByName('Legal').catch((e: unknown) => e)) as NotionAdminError;
		expect(error).toBeInstanceOf(Error);
		expect(error.message).toContain(twin);
	});

	it('by id: an answer about someone else is not taken for the member asked for', async () => {
		const asked = seed.members[3].id as string;
		const other = seed.members[4].id as string;
		// Reads of the member asked for are answered with another member's resource.
		const { directory } = directoryOn(emulator, {
			wrap: (transport) => (request) =>
				transport(request.method === 'GET' ? { ...request, url: request.url.replace(asked, other) } : request),
		});
		await expect(directory.getMember(asked)).rejects.toMatchObject({ kind: 'bad_response' });
		const group = await directory.findGroupByName('Engineering');
		const { directory: groups } = directoryOn(emulator, {
			wrap: (transport) => (request) =>
				transport(request.method === 'GET' ? { ...request, url: request.url.replace(group?.id as string, (legal as { id: string }).id) } : request),
		});
		const legal = await directory.findGroupByName('Legal');
		await expect(groups.getGroup(group?.id as string)).rejects.toMatchObject({ kind: 'bad_response' });
	});
});

describe('a refused change is explained from what the server said', () => {
	let emulator: Emulator;
	beforeEach(async () => {
		emulator = await startWorkspace({ seed });
	});
	afterEach(() => emulator.stop());

	const scimError = (status: number, detail: string, scimType?: string) => ({
		status,
		headers: { 'content-type': 'application/scim+json' },
		body: JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: String(status), detail, ...(scimType ? { scimType } : {}) }),
	});
	/** Answers every `method` request with `answer` instead of passing it on. */
	const refuse = (method: string, answer: ReturnType<typeof scimError>) => (transport: HttpTransport): HttpTransport => async (request) =>
		request.method === method ? answer : transport(request);

	it('a server without the Notion role extension refuses a role change of an ordinary member: no token-owner story', async () => {
		const detail = 'Unsupported path: urn:ietf:params:scim:schemas:extension:notion:2.0:User';
		const { directory } = directoryOn(emulator, { wrap: refuse('PATCH', scimError(400, detail, 'invalidPath')) });
		const error = (await directory.updateMember(seed.members[12].id as string, { role: 'member' }).catch((e: unknown) => e)) as NotionAdminError;
		expect(error).toMatchObject({ kind: 'refused', httpStatus: 400 });
		expect(`${error.message} ${error.hint}`).not.toMatch(/token/i);
		expect(error.message).toContain('invalidPath');
		expect(error.message).toContain(detail);
		expect(error.message).toMatch(/does not accept Notion roles/);
	});

	it('a 403 on removing an ordinary member is not blamed on the token owner', async () => {
		const { directory } = directoryOn(emulator, { wrap: refuse('DELETE', scimError(403, 'Removal not allowed by policy')) });
		const error = (await directory.removeMember(seed.members[12].id as string).catch((e: unknown) => e)) as NotionAdminError;
		expect(error).toMatchObject({ kind: 'refused', httpStatus: 403 });
		expect(`${error.message} ${error.hint}`).not.toMatch(/token/i);
		expect(error.message).toContain('Removal not allowed by policy');
	});

	it('the token-owner explanation stays when the answer says so', async () => {
		const { directory } = directoryOn(emulator, {
			wrap: refuse('DELETE', scimError(400, 'The owner who created this SCIM token cannot be removed', 'mutability')),
		});
		const error = (await directory.removeMember(seed.members[12].id as string).catch((e: unknown) => e)) as NotionAdminError;
		expect(error.hint).toMatch(/created the SCIM token/);
	});
});

describe('other writes whose every answer is lost report what Notion holds', () => {
	let emulator: Emulator;
	beforeEach(async () => {
		emulator = await startWorkspace({ seed });
	});
	afterEach(() => emulator.stop());

	/** Every answer to a `method` request is lost after Notion applied it. */
	const loseAll = (method: string) => (transport: HttpTransport): HttpTransport => async (request) => {
		const response = await transport(request);
		if (request.method === method) throw new TransportError('network', 'socket hang up');
		return response;
	};

	it('an update that Notion applied is reported as done, with the member as Notion holds it', async () => {
		const { directory } = directoryOn(emulator, { tuning: { maxAttempts: 2 }, wrap: loseAll('PATCH') });
		const id = seed.members[40].id as string;
		const updated = await directory.updateMember(id, { role: 'membership_admin', familyName: 'Held' });
		expect(updated).toMatchObject({ id, role: 'membership_admin', familyName: 'Held' });
		expect(emulator.control.snapshot().members.find((m) => m.id === id)).toMatchObject({ role: 'membership_admin', familyName: 'Held' });
	});

	it('an update that never reached Notion still fails', async () => {
		const { directory } = directoryOn(emulator, {
			tuning: { maxAttempts: 2 },
			wrap: (transport) => (request) => {
				if (request.method === 'PATCH') emulator.control.scriptFaults(['503']);
				return transport(request);
			},
		});
		await expect(directory.updateMember(seed.members[40].id as string, { role: 'membership_admin' })).rejects.toMatchObject({ kind: 'unavailable' });
	});

	it('a rename that Notion applied is reported as done', async () => {
		const { directory } = directoryOn(emulator, { tuning: { maxAttempts: 2 }, wrap: loseAll('PATCH') });
		const legal = await directory.findGroupByName('Legal');
		expect(await directory.renameGroup(legal?.id as string, 'Legal & Compliance')).toMatchObject({ id: legal?.id, name: 'Legal & Compliance' });
	});

	it('a large group create whose member batches lose every answer: the group as Notion holds it', async () => {
		const { directory } = directoryOn(emulator, { tuning: { maxAttempts: 2 }, wrap: loseAll('PATCH') });
		const ids = seed.members.slice(10, 160).map((m) => m.id as string);
		const group = await directory.createGroup('Lost Answers', ids);
		expect([...group.memberIds].sort()).toEqual([...ids].sort());
	});

	it('a large group create that stops midway says the group exists and which members it holds', async () => {
		let patches = 0;
		const { directory } = directoryOn(emulator, {
			tuning: { maxAttempts: 1 },
			wrap: (transport) => (request) => {
				if (request.method === 'PATCH' && ++patches === 2) emulator.control.scriptFaults(['503']);
				return transport(request);
			},
		});
		const ids = seed.members.slice(10, 260).map((m) => m.id as string);
		const error = (await directory.createGroup('Half Made', ids).catch((e: unknown) => e)) as NotionAdminError;
		expect(error.kind).toBe('partial');
		const held = emulator.control.snapshot().groups.find((g) => g.displayName === 'Half Made');
		expect(error.applied).toEqual({ id: held?.id, memberIds: held?.memberIds });
		expect(held?.memberIds).toHaveLength(200);
		expect(error.message).toMatch(/with 200 of 250 members/);
	});
});
