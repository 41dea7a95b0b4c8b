/**
 * The connector takes a server's answer only for what was asked: a lookup takes only an exact
 * match, and a refused change is explained from the answer's status, scimType and detail.
 */
import type { NotionAdminError } from '../../nodes/common/connector/errors';
import type { HttpTransport } from '../../nodes/common/connector/transport';
import { generateSeed, type Emulator, type Seed } from '../../tools/notion-emulator';
import { directoryOn, startWorkspace } from './workspace';

const seed: Seed = generateSeed({ members: 260, bots: 1, guests: 1, groups: 0, deactivated: 0, seed: 5 });
seed.groups = [
	{ displayName: 'Engineering', memberEmails: seed.members.slice(1, 4).map((m) => m.email) },
	{ displayName: 'Legal', memberEmails: [], ownsPages: true },
];

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

describe('names stay in step', () => {
	let emulator: Emulator | undefined;
	afterEach(() => emulator?.stop());

	it.each(['single', 'separate'] as const)('names %s: a name change updates displayName, name.formatted and the name parts; a read agrees', async (scimNames) => {
		emulator = await startWorkspace({ seed, behaviours: { scimNames } });
		const { directory } = directoryOn(emulator);
		const id = seed.members[7].id as string;
		const written = await directory.updateMember(id, { name: 'Katherine Coleman Johnson' });
		expect(written).toMatchObject({ name: 'Katherine Coleman Johnson', givenName: 'Katherine', familyName: 'Coleman Johnson' });
		const read = (await directory.getMember(id, { raw: true })).value;
		expect(read).toMatchObject({ name: 'Katherine Coleman Johnson', givenName: 'Katherine', familyName: 'Coleman Johnson' });
		expect(read?.raw).toMatchObject({ displayName: 'Katherine Coleman Johnson', name: { formatted: 'Katherine Coleman Johnson' } });

		// One part changed: the whole name follows it.
		const family = await directory.updateMember(id, { familyName: 'Johnson' });
		expect(family).toMatchObject({ name: 'Katherine Johnson', givenName: 'Katherine', familyName: 'Johnson' });
		expect((await directory.getMember(id, { raw: true })).value?.raw).toMatchObject({ displayName: 'Katherine Johnson', name: { formatted: 'Katherine Johnson' } });

		// A one-word name leaves no stale family name behind.
		expect(await directory.updateMember(id, { name: 'Prince' })).toMatchObject({ name: 'Prince', givenName: 'Prince', familyName: null });
		expect((await directory.getMember(id)).value).toMatchObject({ name: 'Prince', givenName: 'Prince', familyName: null });
	});
});
