/**
 * Writes whose answers are lost or failed report what Notion now holds: a create is "created" only
 * when this create added the member (a deactivated one says "reactivated"), and membership changes,
 * updates and renames are read back.
 */
import type { NotionAdminError } from '../../nodes/common/connector/errors';
import { TransportError, type HttpTransport } from '../../nodes/common/connector/transport';
import { generateSeed, type Emulator, type FaultKind, type Seed } from '../../tools/notion-emulator';
import { directoryOn, failingOnPatch, startWorkspace } from './workspace';

const seed: Seed = generateSeed({ members: 260, bots: 1, guests: 1, groups: 0, deactivated: 0, seed: 5 });
seed.groups = [
	{ displayName: 'Engineering', memberEmails: seed.members.slice(1, 4).map((m) => m.email) },
	{ displayName: 'Legal', memberEmails: [], ownsPages: true },
];

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
		const { directory } = failingOnPatch(emulator, 3);
		const legal = await directory.findGroupByName('Legal');
		const wanted = seed.members.slice(10, 260).map((m) => m.id as string);
		const error = (await directory.addGroupMembers(legal?.id as string, wanted).catch((e: unknown) => e)) as NotionAdminError;
		expect(error.kind).toBe('partial');
		expect((error.applied as { added: string[] }).added).toHaveLength(200);
		expect(legalIds()).toHaveLength(200);
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
		const { directory } = failingOnPatch(emulator, 2);
		const ids = seed.members.slice(10, 260).map((m) => m.id as string);
		const error = (await directory.createGroup('Half Made', ids).catch((e: unknown) => e)) as NotionAdminError;
		expect(error.kind).toBe('partial');
		const held = emulator.control.snapshot().groups.find((g) => g.displayName === 'Half Made');
		expect(error.applied).toEqual({ id: held?.id, memberIds: held?.memberIds });
		expect(held?.memberIds).toHaveLength(200);
		expect(error.message).toMatch(/with 200 of 250 members/);
	});
});
