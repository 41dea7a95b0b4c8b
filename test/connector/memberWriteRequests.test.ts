/**
 * Member create and update, request by request: the exact SCIM body a create sends for each
 * combination of name parts and role, which reads come before a write and which do not, and
 * what an update does with an empty answer, an answer about someone else, or a lost one whose
 * re-read shows the change missing or fails. writes.test.ts and lostAnswers.test.ts check the
 * outcomes in the workspace; these pin the requests.
 */
import type { NotionAdminError } from '../../nodes/common/connector/errors';
import { CORE_USER_SCHEMA, NOTION_USER_EXTENSION } from '../../nodes/common/connector/scim/schemas';
import { TransportError, type HttpRequest, type HttpResponse, type HttpTransport } from '../../nodes/common/connector/transport';
import { generateSeed, type Emulator } from '../../tools/notion-emulator';
import { directoryOn, startWorkspace } from './workspace';

const seed = generateSeed({ members: 12, groups: 0, deactivated: 0, seed: 11 });

describe('member writes, request by request', () => {
	let emulator: Emulator;
	beforeEach(async () => {
		emulator = await startWorkspace({ seed });
	});
	afterEach(() => emulator.stop());

	/** A directory whose requests are recorded; `rewrite` may change an answer. */
	function recorded(
		rewrite?: (request: HttpRequest, response: HttpResponse) => HttpResponse | Promise<HttpResponse>,
		tuning = {},
		/** Runs before a request is sent; throwing means it never reached Notion, an answer replaces Notion's. */
		before?: (request: HttpRequest) => HttpResponse | void,
	) {
		const requests: HttpRequest[] = [];
		const wrap = (transport: HttpTransport): HttpTransport => async (request) => {
			requests.push(request);
			const instead = before?.(request);
			if (instead) return instead;
			const response = await transport(request);
			return rewrite ? rewrite(request, response) : response;
		};
		const { directory } = directoryOn(emulator, { wrap, tuning });
		const path = (request: HttpRequest) => `${request.method} ${new URL(request.url).pathname.replace(/\/[0-9a-f-]{36}$/, '/{id}')}`;
		return {
			directory,
			sent: () => requests.map(path),
			bodyOf: (method: string) => JSON.parse(requests.find((request) => request.method === method)?.body ?? 'null') as Record<string, unknown>,
		};
	}

	const id = (index: number) => seed.members[index].id as string;

	it('a create with given and family names and no role sends the core schema only, and a formatted name from both', async () => {
		const { directory, bodyOf } = recorded();
		const created = await directory.createMember({ email: 'ada.new.person@acme.test', givenName: 'Ada', familyName: 'Lovelace' });
		expect(bodyOf('POST')).toEqual({
			schemas: [CORE_USER_SCHEMA],
			userName: 'ada.new.person@acme.test',
			emails: [{ value: 'ada.new.person@acme.test', primary: true }],
			active: true,
			name: { formatted: 'Ada Lovelace', givenName: 'Ada', familyName: 'Lovelace' },
			displayName: 'Ada Lovelace',
		});
		expect(created).toMatchObject({ name: 'Ada Lovelace', reactivated: false });
		expect(created).not.toHaveProperty('raw');
	});

	it('a create with a full name and a role sends the role extension, and the name as given', async () => {
		const { directory, bodyOf } = recorded();
		await directory.createMember({ email: 'grace@acme.test', name: 'Rear Admiral Hopper', givenName: 'Grace', role: 'membership_admin' });
		expect(bodyOf('POST')).toEqual({
			schemas: [CORE_USER_SCHEMA, NOTION_USER_EXTENSION],
			userName: 'grace@acme.test',
			emails: [{ value: 'grace@acme.test', primary: true }],
			active: true,
			name: { formatted: 'Rear Admiral Hopper', givenName: 'Grace' },
			displayName: 'Rear Admiral Hopper',
			[NOTION_USER_EXTENSION]: { role: 'membership_admin' },
		});
	});

	it('a create with one name part uses it alone; with none, sends no name at all', async () => {
		const family = recorded();
		await family.directory.createMember({ email: 'solo@acme.test', familyName: 'Solo' });
		expect(family.bodyOf('POST')).toMatchObject({ name: { formatted: 'Solo', familyName: 'Solo' }, displayName: 'Solo' });
		const bare = recorded();
		await bare.directory.createMember({ email: 'bare@acme.test' });
		const body = bare.bodyOf('POST');
		expect(Object.keys(body).sort()).toEqual(['active', 'emails', 'schemas', 'userName']);
	});

	it('a create for an active member is refused after the lookup, with no POST', async () => {
		const { directory, sent } = recorded();
		await expect(directory.createMember({ email: seed.members[3].email })).rejects.toMatchObject({ kind: 'conflict', applied: { id: id(3) } });
		expect(sent().every((request) => request.startsWith('GET'))).toBe(true);
	});

	it('a create for a deactivated member sends the POST and says it reactivated', async () => {
		emulator.control.updateMember(id(4), { active: false });
		const { directory, sent } = recorded();
		const created = await directory.createMember({ email: seed.members[4].email });
		expect(created).toMatchObject({ id: id(4), active: true, reactivated: true });
		expect(sent().filter((request) => request.startsWith('POST'))).toHaveLength(1);
	});

	it('a POST answered with the member still deactivated is refused as not reactivated', async () => {
		emulator.control.updateMember(id(4), { active: false });
		const { directory } = recorded((request, response) => {
			if (request.method !== 'POST') return response;
			const body = JSON.parse(response.body) as Record<string, unknown>;
			return { ...response, body: JSON.stringify({ ...body, active: false }) };
		});
		const error = (await directory.createMember({ email: seed.members[4].email }).catch((e: unknown) => e)) as NotionAdminError;
		expect(error).toMatchObject({ kind: 'refused', applied: { id: id(4), active: false } });
		expect(error.message).toMatch(/deactivated member and was not reactivated/);
	});

	it('an update without a name change sends the PATCH alone', async () => {
		const { directory, sent } = recorded();
		const updated = await directory.updateMember(id(5), { role: 'membership_admin' });
		expect(sent()).toEqual(['PATCH /scim/v2/Users/{id}']);
		expect(updated).not.toHaveProperty('raw');
	});

	const conflict409: HttpResponse = {
		status: 409,
		headers: { 'content-type': 'application/json', 'x-notion-request-id': 'req-409' },
		body: JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '409', scimType: 'uniqueness', detail: 'User already exists' }),
	};

	it('a POST refused as a conflict for someone who joined after the lookup: already a member, with the id', async () => {
		const { directory } = recorded(undefined, {}, (request) => {
			if (request.method !== 'POST') return;
			emulator.control.addMember({ email: 'late.joiner@acme.test', name: 'Late Joiner', role: 'member', active: true });
			return conflict409;
		});
		const error = (await directory.createMember({ email: 'late.joiner@acme.test' }).catch((e: unknown) => e)) as NotionAdminError;
		const joined = emulator.control.snapshot().members.find((member) => member.email === 'late.joiner@acme.test');
		expect(error).toMatchObject({ kind: 'conflict', httpStatus: 409, applied: { id: joined?.id } });
		expect(error.message).toMatch(/already a member/);
	});

	it('a POST refused as a conflict with nobody found after it: already a member, no id', async () => {
		const { directory } = recorded(undefined, {}, (request) => (request.method === 'POST' ? conflict409 : undefined));
		const error = (await directory.createMember({ email: 'ghost@acme.test' }).catch((e: unknown) => e)) as NotionAdminError;
		expect(error).toMatchObject({ kind: 'conflict', httpStatus: 409, applied: undefined });
	});

	it('a POST to reactivate refused as a conflict, the member still deactivated: refused, saying so', async () => {
		emulator.control.updateMember(id(10), { active: false });
		const { directory } = recorded(undefined, {}, (request) => (request.method === 'POST' ? conflict409 : undefined));
		const error = (await directory.createMember({ email: seed.members[10].email }).catch((e: unknown) => e)) as NotionAdminError;
		expect(error).toMatchObject({ kind: 'refused', httpStatus: 409, requestId: 'req-409', applied: { id: id(10), active: false } });
		expect(error.message).toMatch(/deactivated member and was not reactivated: Notion still holds it deactivated \(/);
	});

	it('a new member whose every POST fails before reaching Notion: the POST\'s own failure, nothing created', async () => {
		const { directory } = recorded(undefined, { maxAttempts: 2 }, (request) => {
			if (request.method === 'POST') throw new TransportError('network', 'socket hang up');
		});
		const error = (await directory.createMember({ email: 'never.arrived@acme.test' }).catch((e: unknown) => e)) as NotionAdminError;
		expect(error).toMatchObject({ kind: 'unavailable', api: 'scim' });
		expect(error.message).toMatch(/POST/);
		expect(emulator.control.snapshot().members.some((member) => member.email === 'never.arrived@acme.test')).toBe(false);
	});

	it.each([{ name: 'New Name' }, { givenName: 'New' }, { familyName: 'Name' }])('an update changing %j reads the member first', async (changes) => {
		const { directory, sent } = recorded();
		await directory.updateMember(id(5), changes);
		expect(sent()).toEqual(['GET /scim/v2/Users/{id}', 'PATCH /scim/v2/Users/{id}']);
	});

	it('a rename of someone not there is not_found, and nothing is sent after the read', async () => {
		const { directory, sent } = recorded();
		await expect(directory.updateMember('00000000-0000-4000-8000-000000000009', { name: 'Nobody' })).rejects.toMatchObject({ kind: 'not_found' });
		expect(sent()).toEqual(['GET /scim/v2/Users/{id}']);
	});

	it('an empty answer to the PATCH is followed by a read of the member', async () => {
		const { directory, sent } = recorded((request, response) => (request.method === 'PATCH' ? { status: 204, headers: response.headers, body: '' } : response));
		const updated = await directory.updateMember(id(6), { role: 'membership_admin' });
		expect(updated).toMatchObject({ id: id(6), role: 'membership_admin' });
		expect(sent()).toEqual(['PATCH /scim/v2/Users/{id}', 'GET /scim/v2/Users/{id}']);
	});

	it('an empty answer, then the member gone: not_found', async () => {
		const { directory } = recorded((request, response) => {
			if (request.method !== 'PATCH') return response;
			emulator.control.removeMember(id(6));
			return { status: 204, headers: response.headers, body: '' };
		});
		await expect(directory.updateMember(id(6), { role: 'membership_admin' })).rejects.toMatchObject({ kind: 'not_found' });
	});

	it('an answer about another member is a bad answer, not a success', async () => {
		const other = id(7);
		const { directory } = recorded((request, response) => {
			if (request.method !== 'PATCH') return response;
			const body = JSON.parse(response.body) as Record<string, unknown>;
			return { ...response, body: JSON.stringify({ ...body, id: other }) };
		});
		await expect(directory.updateMember(id(6), { role: 'membership_admin' })).rejects.toMatchObject({ kind: 'bad_response' });
	});

	it('a PATCH that never reached Notion, whose re-read shows the change missing, fails with the PATCH\'s error', async () => {
		const { directory, sent } = recorded(undefined, { maxAttempts: 1 }, (request) => {
			if (request.method === 'PATCH') throw new TransportError('network', 'socket hang up');
		});
		const error = (await directory.updateMember(id(8), { role: 'membership_admin' }).catch((e: unknown) => e)) as NotionAdminError;
		expect(error).toMatchObject({ kind: 'unavailable' });
		expect(error.message).toMatch(/PATCH/);
		expect(sent()).toEqual(['PATCH /scim/v2/Users/{id}', 'GET /scim/v2/Users/{id}']);
		expect(emulator.control.snapshot().members.find((member) => member.id === id(8))?.role).not.toBe('membership_admin');
	});

	// A lost answer looks the same whether or not the PATCH arrived: "unavailable" (failed) would
	// be a guess, so the error says the outcome is unknown.
	it('a PATCH whose answer is lost and whose re-read fails too: outcome unknown (it may have been applied), not the PATCH\'s "unavailable"', async () => {
		const { directory, sent } = recorded(undefined, { maxAttempts: 1 }, (request) => {
			if (request.method === 'PATCH' || request.method === 'GET') throw new TransportError('network', 'socket hang up');
		});
		const error = (await directory.updateMember(id(8), { active: false }).catch((e: unknown) => e)) as NotionAdminError;
		expect(error).toMatchObject({ kind: 'outcome_unknown', api: 'scim' });
		expect(error.message).toMatch(/PATCH/);
		expect(error.message).toMatch(/may have been applied/);
		expect(error.hint).toMatch(/User → Get/);
		expect(sent()).toEqual(['PATCH /scim/v2/Users/{id}', 'GET /scim/v2/Users/{id}']);
	});

	it('a lost answer to a PATCH Notion applied: the re-read decides, and the update is done', async () => {
		const { directory } = recorded((request, response) => {
			if (request.method === 'PATCH') throw new TransportError('network', 'socket hang up');
			return response;
		}, { maxAttempts: 1 });
		expect(await directory.updateMember(id(8), { familyName: 'Held' })).toMatchObject({ id: id(8), familyName: 'Held' });
	});

	it('a PATCH whose outcome is unknown and whose member is gone when read back fails with the PATCH\'s error', async () => {
		const gone: HttpResponse = { status: 404, headers: { 'content-type': 'application/json', 'x-notion-request-id': 'r404' }, body: '{"status":"404","detail":"User not found"}' };
		const { directory, sent } = recorded(undefined, { maxAttempts: 1 }, (request) => {
			if (request.method === 'PATCH') throw new TransportError('network', 'socket hang up');
			return request.method === 'GET' ? gone : undefined;
		});
		const error = (await directory.updateMember(id(8), { role: 'membership_admin' }).catch((e: unknown) => e)) as NotionAdminError;
		expect(error).toMatchObject({ kind: 'unavailable', api: 'scim' });
		expect(error.message).toMatch(/PATCH/);
		expect(sent()).toEqual(['PATCH /scim/v2/Users/{id}', 'GET /scim/v2/Users/{id}']);
	});

	it('a refused PATCH is not re-read', async () => {
		const { directory, sent } = recorded((request, response) => (request.method === 'PATCH' ? { status: 400, headers: response.headers, body: '{"detail":"bad","scimType":"invalidValue"}' } : response));
		// An email change: no refusal of the directory reads the member to explain it either.
		await expect(directory.updateMember(id(9), { email: 'changed.address@acme.test' })).rejects.toMatchObject({ kind: 'invalid_input', httpStatus: 400 });
		expect(sent()).toEqual(['PATCH /scim/v2/Users/{id}']);
	});
});
