/**
 * The reference leaves some of Notion's behaviours UNCONFIRMED (docs/emulator.md, Behaviours);
 * the emulator can play each choice. Every choice of every switch runs the connector's main
 * operations, checked against the workspace: whichever way Notion really behaves, they work.
 */
import { summarizeLicenses } from '../../../nodes/common/connector/licenseSummary';
import type { NotionAdminError } from '../../../nodes/common/connector/errors';
import type { FakeClock } from '../../connector/fakeClock';
import { directoryOn, sourceOf, startWorkspace, type DirectorySetup } from '../../connector/workspace';
import { generateSeed, type Behaviours, type Emulator } from '../../../tools/notion-emulator';

/** Every switch and each of its choices (the default first). */
const CHOICES: { [K in keyof Behaviours]: Array<Behaviours[K]> } = {
	scimRevokedStatus: [401, 403],
	notEnterpriseStatus: [403, 401],
	deletedUserLookup: ['404', 'inactive'],
	scimCountOver100: ['clamp', 'error'],
	pageSizeOutOfRange: ['error', 'clamp'],
	scimErrorStatusType: ['string', 'number'],
	resourceTypesShape: ['listResponse', 'array'],
	groupMemberRemoveForm: ['both', 'pathFilter', 'valueArray'],
	roleUrnPath: [true, false],
	maxMembersPerPatch: [100, 7, 1],
	tokenOwnerRemoveStatus: [403, 400],
	unstablePaging: [false, true],
	sharedRateLimit: [false, true],
	scimUserFilters: ['both', 'notion', 'rfc'],
	scimUnknownFilter: ['invalidFilter', 'empty'],
	scimNames: ['single', 'separate'],
	scimPatchAnswer: ['resource', 'noContent'],
	scimMediaType: ['application/json', 'application/scim+json'],
	scimCreateLocation: [true, false],
	// Without the extension role writes are refused by design: test/conformance plays that server.
	notionRoleExtension: [true],
	scimTypeOnEveryError: [false, true],
	scimMaxResults: [100, 30],
};

const CASES = (Object.keys(CHOICES) as Array<keyof Behaviours>).flatMap((name) =>
	(CHOICES[name] as unknown[]).map((choice) => ({ name, choice, behaviours: { [name]: choice } as Partial<Behaviours> })),
);

const seed = generateSeed({ members: 230, deactivated: 3, bots: 1, guests: 1, groups: 2, seed: 11 });
const owner = seed.members[0];
const ABSENT = '99999999-9999-4999-8999-999999999999';

let emulator: Emulator;
afterEach(() => emulator.stop());

const snapshot = () => emulator.control.snapshot();
const memberIn = (id: string) => snapshot().members.find((member) => member.id === id);
const groupIn = (id: string) => snapshot().groups.find((group) => group.id === id);

it('covers every switch of the emulator', () => {
	emulator = { stop: async () => undefined } as Emulator;
	const documented = ['scimRevokedStatus', 'notEnterpriseStatus', 'deletedUserLookup', 'scimCountOver100', 'pageSizeOutOfRange', 'scimErrorStatusType', 'resourceTypesShape', 'groupMemberRemoveForm', 'roleUrnPath', 'maxMembersPerPatch', 'tokenOwnerRemoveStatus', 'unstablePaging', 'sharedRateLimit', 'scimUserFilters', 'scimUnknownFilter', 'scimNames', 'scimPatchAnswer', 'scimMediaType', 'scimCreateLocation', 'notionRoleExtension', 'scimTypeOnEveryError', 'scimMaxResults'];
	expect(Object.keys(CHOICES).sort()).toEqual(documented.sort());
});

/** Real time, for the cases where the emulator's own rate limiter (which runs on real time) is on. */
function realClock(): FakeClock {
	const start = Date.now();
	return {
		now: () => Date.now(),
		sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
		sleeps: [],
		elapsed: () => Date.now() - start,
	};
}

describe.each(CASES)('$name = $choice', ({ name, behaviours }) => {
	// The rate-limit switch only shows with the limiter on: each API paces itself to 8 requests a
	// second, so reading through both at once goes over a shared limit of 10 and meets 429s.
	const limited = name === 'sharedRateLimit';
	let setup: DirectorySetup = {};
	const directoryFor = (extra: DirectorySetup = {}) => directoryOn(emulator, { ...setup, ...extra }).directory;
	beforeEach(async () => {
		emulator = await startWorkspace({ seed, behaviours, rateLimit: limited ? { requestsPerSecond: 10, burst: 4 } : false });
		setup = limited ? { clock: realClock(), tuning: { requestsPerSecond: 8, burst: 4 } } : {};
	});

	it('reads: source, listing across pages, lookups by id and email, license summary', async () => {
		const directory = directoryFor();
		expect(await sourceOf(directory)).toEqual({ source: 'scim' });
		const before = snapshot().members.map((member) => member.id);
		const listing = await directory.listMembers();
		const listed = new Set(listing.members.map((member) => member.id));
		expect(before.filter((id) => !listed.has(id))).toEqual([]);
		// With unstable paging, members who joined meanwhile may appear; nobody else.
		const now = new Set(snapshot().members.map((member) => member.id));
		expect([...listed].filter((id) => !now.has(id))).toEqual([]);
		if (behaviours.unstablePaging !== true) expect(listing.members).toHaveLength(before.length);

		expect((await directory.getMember(seed.members[5].id as string)).value?.email).toBe(seed.members[5].email);
		expect((await directory.getMember(ABSENT)).value).toBeNull();
		expect((await directory.findMemberByEmail(seed.members[6].email.toUpperCase())).value?.id).toBe(seed.members[6].id);
		expect((await directory.findMemberByEmail('nobody@acme.test')).value).toBeNull();

		// SCIM and the standard API read at the same time (one credential, two limits or one).
		const [viaScim, viaApi] = await Promise.all([directory.listMembers(), directoryFor({ scim: false }).listMembers()]);
		expect(summarizeLicenses(viaScim, { includeMembers: false }).deactivatedMembers).toBe(3);
		expect(viaApi.members.filter((member) => member.type === 'person').length).toBeGreaterThanOrEqual(before.length - 3);
	});

	it('member writes: create (and a duplicate), role, name, deactivate, remove (and the token owner refused)', async () => {
		const directory = directoryFor();
		const created = await directory.createMember({ email: 'matrix@acme.test', name: 'Matrix Person', role: 'member' });
		expect(memberIn(created.id)).toMatchObject({ email: 'matrix@acme.test', active: true });
		await expect(directory.createMember({ email: 'matrix@acme.test' })).rejects.toMatchObject({ kind: 'conflict' });

		await directory.updateMember(created.id, { role: 'restricted_member', name: 'Renamed Person' });
		expect(memberIn(created.id)).toMatchObject({ role: 'restricted_member', name: 'Renamed Person' });
		await directory.updateMember(created.id, { active: false });
		expect(memberIn(created.id)?.active).toBe(false);
		await expect(directory.updateMember(ABSENT, { role: 'member' })).rejects.toMatchObject({ kind: 'not_found' });

		const leaver = seed.members[10].id as string;
		await directory.removeMember(leaver);
		expect(memberIn(leaver)?.active ?? false).toBe(false);
		expect((await directory.listMembers()).members.find((member) => member.id === leaver)?.active ?? false).toBe(false);

		const refusal = (await directory.removeMember(owner.id as string).catch((e: unknown) => e)) as NotionAdminError;
		expect(refusal.kind).toBe('refused');
		expect(memberIn(owner.id as string)).toMatchObject({ active: true, role: 'owner' });
	});

	it('group writes: create, add and remove in batches, rename, delete (and a delete refused)', async () => {
		const directory = directoryFor();
		const ids = seed.members.slice(20, 60).map((member) => member.id as string);
		const group = await directory.createGroup('Matrix', ids.slice(0, 3));
		expect(groupIn(group.id)?.memberIds).toHaveLength(3);

		const added = await directory.addGroupMembers(group.id, ids.slice(0, 30));
		expect(added.added).toHaveLength(27);
		expect(groupIn(group.id)?.memberIds).toHaveLength(30);
		const removed = await directory.removeGroupMembers(group.id, ids.slice(0, 12));
		expect(removed.removed).toHaveLength(12);
		expect(new Set(groupIn(group.id)?.memberIds)).toEqual(new Set(ids.slice(12, 30)));
		await directory.setGroupMembers(group.id, ids.slice(25, 40));
		expect(new Set(groupIn(group.id)?.memberIds)).toEqual(new Set(ids.slice(25, 40)));

		await directory.renameGroup(group.id, 'Matrix Renamed');
		// Only the exact name finds it: a lookup never takes a near match.
		expect((await directory.findGroupByName('Matrix Renamed'))?.id).toBe(group.id);
		expect(await directory.findGroupByName('matrix renamed')).toBeNull();
		await directory.deleteGroup(group.id);
		expect(groupIn(group.id)).toBeUndefined();

		const pageOwner = snapshot().groups.find((candidate) => candidate.ownsPages) as { id: string };
		await expect(directory.deleteGroup(pageOwner.id)).rejects.toMatchObject({ kind: 'refused' });
	});

	it('SCIM unusable (not Enterprise, then a revoked token): reads fall back and say why, writes say SCIM is needed', async () => {
		emulator.control.setPlan('business');
		const notEnterprise = directoryFor();
		const viaApi = await notEnterprise.listMembers();
		expect(viaApi.via.source).toBe('api');
		expect(['scim_forbidden', 'scim_unauthorized']).toContain(viaApi.via.fallbackReason);
		await expect(notEnterprise.createMember({ email: 'late@acme.test' })).rejects.toMatchObject({ kind: 'scim_required' });

		emulator.control.setPlan('enterprise');
		emulator.control.revokeScimToken();
		const revoked = directoryFor();
		const fallback = await revoked.listMembers();
		expect(fallback.via.source).toBe('api');
		expect(['scim_forbidden', 'scim_unauthorized']).toContain(fallback.via.fallbackReason);
		expect(fallback.members.filter((member) => member.type === 'person').length).toBeGreaterThan(200);
		await expect(revoked.addGroupMembers(snapshot().groups[1].id, [seed.members[3].id as string])).rejects.toMatchObject({
			kind: 'scim_required',
		});
	});
});
