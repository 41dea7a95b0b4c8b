/**
 * A group change that Notion refuses midway (a definite answer, not a lost one): what the
 * error says was applied depends on whether the group can be read back afterwards.
 */
import type { NotionAdminError } from '../../nodes/common/connector/errors';
import type { HttpRequest, HttpResponse, HttpTransport } from '../../nodes/common/connector/transport';
import { generateSeed, type Emulator, type Seed } from '../../tools/notion-emulator';
import { directoryOn, startWorkspace } from './workspace';

const seed: Seed = generateSeed({ members: 8, groups: 0, deactivated: 0, seed: 31 });
seed.groups = [
	{ displayName: 'Legal', memberEmails: [] },
	{ displayName: 'Ops', memberEmails: seed.members.slice(4, 8).map((member) => member.email as string) },
];

const refused = (status: number): HttpResponse => ({
	status,
	headers: { 'content-type': 'application/scim+json' },
	body: JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: String(status), detail: 'Refused' }),
});

describe('a group change refused midway', () => {
	let emulator: Emulator;
	beforeEach(async () => {
		emulator = await startWorkspace({ seed });
	});
	afterEach(() => emulator.stop());

	const ids = (from: number, count: number) => seed.members.slice(from, from + count).map((member) => member.id as string);
	const groupNamed = (name: string) => emulator.control.snapshot().groups.find((group) => group.displayName === name);
	const legal = () => groupNamed('Legal');
	const ops = () => groupNamed('Ops');

	/** Batches of two; the `refuse`-th PATCH (default the second) is refused (400), after Notion applied it when `applied`. */
	function directory(options: { applied: boolean; readBack: 'ok' | 'refused'; refuse?: number }) {
		let patches = 0;
		let refusedOnce = false;
		const wrap = (transport: HttpTransport): HttpTransport => async (request: HttpRequest) => {
			if (request.method === 'PATCH' && ++patches === (options.refuse ?? 2)) {
				refusedOnce = true;
				if (!options.applied) return refused(400);
				await transport(request);
				return refused(400);
			}
			if (request.method === 'GET' && refusedOnce && options.readBack === 'refused' && /\/Groups\/[^?]+$/.test(request.url)) return refused(403);
			return transport(request);
		};
		return directoryOn(emulator, { wrap, tuning: { pageSize: 2, maxAttempts: 1 } }).directory;
	}

	it('with the group unreadable afterwards: partial, with what the answers confirmed, saying the group could not be read back', async () => {
		const group = legal();
		const error = (await directory({ applied: false, readBack: 'refused' })
			.addGroupMembers(group?.id as string, ids(0, 4))
			.catch((caught: unknown) => caught)) as NotionAdminError;
		expect(error.kind).toBe('partial');
		expect(error.message).toContain('added 2 of 4');
		expect(error.message).toContain('as far as Notion confirmed (the group could not be read back)');
		expect(error.applied).toMatchObject({ added: ids(0, 2), removed: [] });
		expect(legal()?.memberIds).toEqual(ids(0, 2));
	});

	it('with the group readable: partial, with what the group holds, and no word of an unreadable group', async () => {
		const group = legal();
		const error = (await directory({ applied: false, readBack: 'ok' })
			.addGroupMembers(group?.id as string, ids(0, 4))
			.catch((caught: unknown) => caught)) as NotionAdminError;
		expect(error.kind).toBe('partial');
		expect(error.message).toContain('added 2 of 4');
		expect(error.message).not.toContain('could not be read back');
	});

	it('refused although Notion applied it, and the group holds every member: done, no error', async () => {
		const group = legal();
		const change = await directory({ applied: true, readBack: 'ok' }).addGroupMembers(group?.id as string, ids(0, 4));
		expect(change.added).toEqual(ids(0, 4));
		expect(legal()?.memberIds).toEqual(ids(0, 4));
	});

	it('a removal refused midway: partial, with exactly the members the group no longer holds', async () => {
		const error = (await directory({ applied: false, readBack: 'ok' })
			.removeGroupMembers(ops()?.id as string, ids(4, 4))
			.catch((caught: unknown) => caught)) as NotionAdminError;
		expect(error.kind).toBe('partial');
		expect(error.message).toContain('removed 2 of 4');
		expect(error.applied).toMatchObject({ added: [], removed: ids(4, 2) });
		expect(ops()?.memberIds).toEqual(ids(6, 2));
	});

	it('refused on its first PATCH, nothing applied: the refusal itself (HTTP 400), not a partial change', async () => {
		const error = (await directory({ applied: false, readBack: 'ok', refuse: 1 })
			.addGroupMembers(legal()?.id as string, ids(0, 4))
			.catch((caught: unknown) => caught)) as NotionAdminError;
		expect(error.kind).not.toBe('partial');
		expect(error.httpStatus).toBe(400);
		expect(error.applied).toBeUndefined();
		expect(legal()?.memberIds).toEqual([]);
	});

	it('as many added as removed before the refusal: still a partial change, with both', async () => {
		// Setting Ops to two new members: one PATCH adds both, two more remove the four there; the third is refused.
		const error = (await directory({ applied: false, readBack: 'ok', refuse: 3 })
			.setGroupMembers(ops()?.id as string, ids(0, 2))
			.catch((caught: unknown) => caught)) as NotionAdminError;
		expect(error.kind).toBe('partial');
		expect(error.applied).toMatchObject({ added: ids(0, 2), removed: ids(4, 2) });
	});
});
