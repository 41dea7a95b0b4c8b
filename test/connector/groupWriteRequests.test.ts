/**
 * Group create and rename, request by request: the POST body and the PATCH batches of a create,
 * what a create that stops midway says (with or without the group readable), and which failed
 * renames are read back. writes.test.ts and lostAnswers.test.ts check the outcomes; these pin
 * the requests and the edges.
 */
import type { NotionAdminError } from '../../nodes/common/connector/errors';
import { CORE_GROUP_SCHEMA } from '../../nodes/common/connector/scim/schemas';
import { TransportError, type HttpRequest, type HttpResponse, type HttpTransport } from '../../nodes/common/connector/transport';
import { generateSeed, type Emulator, type Seed } from '../../tools/notion-emulator';
import { directoryOn, startWorkspace } from './workspace';

const seed: Seed = generateSeed({ members: 12, groups: 0, deactivated: 0, seed: 12 });
seed.groups = [{ displayName: 'Legal', memberEmails: [] }];

describe('group writes, request by request', () => {
	let emulator: Emulator;
	beforeEach(async () => {
		emulator = await startWorkspace({ seed });
	});
	afterEach(() => emulator.stop());

	const ids = (from: number, count: number) => seed.members.slice(from, from + count).map((member) => member.id as string);
	const groupNamed = (name: string) => emulator.control.snapshot().groups.find((group) => group.displayName === name);

	function recorded(
		options: {
			pageSize?: number;
			maxAttempts?: number;
			/** Throwing means the request never reached Notion; an answer replaces Notion's. */
			before?: (request: HttpRequest) => HttpResponse | void;
			after?: (request: HttpRequest, response: HttpResponse) => HttpResponse;
		} = {},
	) {
		const requests: HttpRequest[] = [];
		const wrap = (transport: HttpTransport): HttpTransport => async (request) => {
			requests.push(request);
			const instead = options.before?.(request);
			if (instead) return instead;
			const response = await transport(request);
			return options.after ? options.after(request, response) : response;
		};
		const { directory } = directoryOn(emulator, { wrap, tuning: { pageSize: options.pageSize ?? 100, maxAttempts: options.maxAttempts ?? 1 } });
		return {
			directory,
			writes: () => requests.filter((request) => request.method !== 'GET').map((request) => ({ method: request.method, body: JSON.parse(request.body ?? 'null') as unknown })),
			sent: () => requests.map((request) => request.method),
		};
	}

	it('a create sends one POST with the name and its members', async () => {
		const { directory, writes } = recorded();
		const group = await directory.createGroup('Ops', ids(0, 3));
		expect(writes()).toEqual([{ method: 'POST', body: { schemas: [CORE_GROUP_SCHEMA], displayName: 'Ops', members: ids(0, 3).map((value) => ({ value })) } }]);
		expect(group).toMatchObject({ name: 'Ops', memberIds: ids(0, 3) });
		expect(group).not.toHaveProperty('raw');
	});

	const conflict409: HttpResponse = {
		status: 409,
		headers: { 'content-type': 'application/json', 'x-notion-request-id': 'req-409' },
		body: JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '409', scimType: 'uniqueness', detail: 'Group exists' }),
	};

	it('a POST refused as a conflict for a group made after the lookup: a duplicate name, with its id', async () => {
		let madeId: string | undefined;
		const { directory } = recorded({
			before: (request) => {
				if (request.method !== 'POST') return;
				madeId = emulator.control.addGroup({ displayName: 'Raced', memberEmails: [] });
				return conflict409;
			},
		});
		const error = (await directory.createGroup('Raced').catch((e: unknown) => e)) as NotionAdminError;
		expect(error).toMatchObject({ kind: 'conflict', applied: { id: madeId } });
		expect(madeId).toBe(groupNamed('Raced')?.id);
	});

	it('a POST refused as a conflict with no such group found after it: a duplicate name, no id', async () => {
		const { directory } = recorded({ before: (request) => (request.method === 'POST' ? conflict409 : undefined) });
		await expect(directory.createGroup('Phantom')).rejects.toMatchObject({ kind: 'conflict', applied: undefined });
	});

	it('a create without members sends an empty member list', async () => {
		const { directory, writes } = recorded();
		await directory.createGroup('Empty');
		expect(writes()).toEqual([{ method: 'POST', body: { schemas: [CORE_GROUP_SCHEMA], displayName: 'Empty', members: [] } }]);
	});

	it('a create refuses a name already taken before any write', async () => {
		const { directory, writes } = recorded();
		await expect(directory.createGroup('Legal', ids(0, 2))).rejects.toMatchObject({ kind: 'conflict' });
		expect(writes()).toEqual([]);
	});

	it('members beyond one batch go in PATCHes after the POST, a batch each, and the result holds them all', async () => {
		const { directory, writes } = recorded({ pageSize: 2 });
		const group = await directory.createGroup('Batched', ids(0, 5));
		expect(writes().map((write) => write.method)).toEqual(['POST', 'PATCH', 'PATCH']);
		expect((writes()[0].body as { members: unknown[] }).members).toEqual(ids(0, 2).map((value) => ({ value })));
		expect(JSON.stringify(writes()[1].body)).toContain(ids(2, 1)[0]);
		expect(JSON.stringify(writes()[2].body)).toContain(ids(4, 1)[0]);
		expect([...group.memberIds].sort()).toEqual([...ids(0, 5)].sort());
	});

	it('a batch that fails midway: partial, saying how many members the group holds, and which', async () => {
		let patches = 0;
		const { directory } = recorded({
			pageSize: 2,
			before: (request) => {
				if (request.method === 'PATCH' && ++patches === 2) emulator.control.scriptFaults(['503']);
			},
		});
		const error = (await directory.createGroup('Half', ids(0, 6)).catch((e: unknown) => e)) as NotionAdminError;
		expect(error.kind).toBe('partial');
		expect(error.message).toMatch(/^The group "Half" was created with 4 of 6 members, but adding the rest stopped \(/);
		expect(error.httpStatus).toBe(503);
		const held = groupNamed('Half');
		expect(error.applied).toEqual({ id: held?.id, memberIds: held?.memberIds });
	});

	it('a batch that fails midway with the group unreadable: partial, saying the group was created, with the members the POST answered', async () => {
		let patches = 0;
		const { directory } = recorded({
			pageSize: 2,
			before: (request) => {
				if (request.method === 'PATCH' && ++patches === 1) emulator.control.scriptFaults(['503']);
				// After the failed PATCH, reads of the group fail too.
				if (request.method === 'GET' && patches > 0 && /\/Groups\/[0-9a-f-]{36}$/.test(request.url)) throw new TransportError('network', 'socket hang up');
			},
		});
		const error = (await directory.createGroup('Unreadable', ids(0, 5)).catch((e: unknown) => e)) as NotionAdminError;
		expect(error.kind).toBe('partial');
		expect(error.message).toMatch(/^The group "Unreadable" was created, but adding the rest stopped \(/);
		expect(error.applied).toEqual({ id: groupNamed('Unreadable')?.id, memberIds: ids(0, 2) });
	});

	it('a batch whose answer is lost after Notion applied it: the group as read back, no error', async () => {
		const { directory } = recorded({
			pageSize: 2,
			after: (request, response) => {
				if (request.method === 'PATCH') throw new TransportError('network', 'socket hang up');
				return response;
			},
		});
		const group = await directory.createGroup('Lost', ids(0, 3));
		expect([...group.memberIds].sort()).toEqual([...ids(0, 3)].sort());
	});

	it('a rename sends one PATCH and answers with the group renamed', async () => {
		const { directory, sent } = recorded();
		const legal = groupNamed('Legal');
		expect(await directory.renameGroup(legal?.id as string, 'Legal & Co')).toMatchObject({ id: legal?.id, name: 'Legal & Co' });
		expect(sent().filter((method) => method !== 'GET')).toEqual(['PATCH']);
	});

	it('a rename that never reached Notion is read back, found unchanged, and fails', async () => {
		const legal = groupNamed('Legal');
		const { directory, sent } = recorded({
			before: (request) => {
				if (request.method === 'PATCH') throw new TransportError('network', 'socket hang up');
			},
		});
		await expect(directory.renameGroup(legal?.id as string, 'Never')).rejects.toMatchObject({ kind: 'unavailable' });
		expect(sent()).toEqual(['PATCH', 'GET']);
		expect(groupNamed('Legal')).toBeDefined();
	});

	// The lost answer cannot tell whether the PATCH arrived: "unavailable" (failed) would be a guess.
	it('a rename whose answer is lost and whose re-read fails too: outcome unknown (it may have been applied), not the PATCH\'s "unavailable"', async () => {
		const legal = groupNamed('Legal');
		const { directory } = recorded({
			before: (request) => {
				if (request.method === 'PATCH' || request.method === 'GET') throw new TransportError('network', 'socket hang up');
			},
		});
		const error = (await directory.renameGroup(legal?.id as string, 'Never').catch((e: unknown) => e)) as NotionAdminError;
		expect(error).toMatchObject({ kind: 'outcome_unknown', api: 'scim' });
		expect(error.message).toMatch(/PATCH/);
		expect(error.message).toMatch(/may have been applied/);
		expect(error.hint).toMatch(/Group → Get/);
	});

	it('a rename whose outcome is unknown and whose group is gone when read back fails with the PATCH\'s error', async () => {
		const legal = groupNamed('Legal');
		const gone: HttpResponse = { status: 404, headers: { 'content-type': 'application/json', 'x-notion-request-id': 'r404' }, body: '{"status":"404","detail":"Group not found"}' };
		const { directory, sent } = recorded({
			before: (request) => {
				if (request.method === 'PATCH') throw new TransportError('network', 'socket hang up');
				return request.method === 'GET' ? gone : undefined;
			},
		});
		const error = (await directory.renameGroup(legal?.id as string, 'Gone').catch((e: unknown) => e)) as NotionAdminError;
		expect(error).toMatchObject({ kind: 'unavailable', api: 'scim' });
		expect(error.message).toMatch(/PATCH/);
		expect(sent()).toEqual(['PATCH', 'GET']);
	});

	it('a refused rename is not read back', async () => {
		const legal = groupNamed('Legal');
		const { directory, sent } = recorded({
			after: (request, response) => (request.method === 'PATCH' ? { status: 400, headers: response.headers, body: '{"detail":"no","scimType":"invalidValue"}' } : response),
		});
		await expect(directory.renameGroup(legal?.id as string, 'Refused')).rejects.toMatchObject({ httpStatus: 400 });
		expect(sent()).toEqual(['PATCH']);
	});
});
