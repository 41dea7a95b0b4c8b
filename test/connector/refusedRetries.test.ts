/**
 * A write whose first attempt may have been applied (its answer lost) and whose retry is refused:
 * the refusal says nothing about the first attempt, so what Notion now holds decides (done, the
 * refusal, or outcome unknown when the read fails too). A DELETE retried into 404 is covered in
 * requesterUnit.test.ts.
 */
import type { NotionAdminError } from '../../nodes/common/connector/errors';
import { TransportError, type HttpResponse } from '../../nodes/common/connector/transport';
import { generateSeed, type Emulator } from '../../tools/notion-emulator';
import { directoryOn, startWorkspace } from './workspace';

const memberIn = (emulator: Emulator, memberId: string) => emulator.control.snapshot().members.find((member) => member.id === memberId);
const refusal = (status: number): HttpResponse => ({
	status,
	headers: {},
	body: JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: String(status), detail: 'Not allowed' }),
});
const failureOf = async (promise: Promise<unknown>) => (await promise.then(() => undefined, (error: unknown) => error)) as NotionAdminError;

describe('a DELETE whose first answer is lost and whose retry is refused', () => {
	// A group that holds no pages alone, so that Notion lets it be deleted.
	const withGroup = { ...generateSeed({ members: 6, groups: 0, deactivated: 0, seed: 37 }), groups: [{ displayName: 'Deletable', memberEmails: [] }] };
	const memberId = (index: number) => withGroup.members[index].id as string;
	let emulator: Emulator;
	beforeEach(async () => {
		emulator = await startWorkspace({ seed: withGroup });
	});
	afterEach(() => emulator.stop());

	/** The first DELETE reaches Notion (`applied`) or not, its answer is lost; the retry is refused. */
	const firstLostThenRefused = (status: number, applied: boolean, readAnswer?: 'lost') => {
		let deletes = 0;
		return directoryOn(emulator, {
			wrap: (transport) => async (request) => {
				if (request.method === 'DELETE') {
					deletes += 1;
					if (deletes > 1) return refusal(status);
					if (applied) await transport(request);
					throw new TransportError('network', 'socket hang up');
				}
				if (deletes > 0 && readAnswer === 'lost' && request.method === 'GET') throw new TransportError('timeout', 'timed out');
				return transport(request);
			},
		}).directory;
	};

	for (const status of [400, 403]) {
		it(`a removal the first DELETE applied (retry HTTP ${status}): done, as the member read back shows, not "refused"`, async () => {
			const target = memberId(2);
			await expect(firstLostThenRefused(status, true).removeMember(target)).resolves.toBeUndefined();
			expect(memberIn(emulator, target)?.active ?? false).toBe(false);
		});

		it(`a removal the first DELETE applied (retry HTTP ${status}), the read-back lost too: outcome unknown, not "refused"`, async () => {
			const target = memberId(3);
			const error = await failureOf(firstLostThenRefused(status, true, 'lost').removeMember(target));
			expect(memberIn(emulator, target)?.active ?? false).toBe(false);
			expect(error).toMatchObject({ kind: 'outcome_unknown' });
			expect(error.message).toMatch(/may have been applied/);
			expect(error.message).not.toMatch(/refused to remove/);
		});

		it(`a group delete the first DELETE applied (retry HTTP ${status}): done, not "refused to delete"`, async () => {
			const group = emulator.control.snapshot().groups[0];
			await expect(firstLostThenRefused(status, true).deleteGroup(group.id)).resolves.toBeUndefined();
			expect(emulator.control.snapshot().groups).toHaveLength(0);
		});
	}

	it('a member update the first PATCH applied, its retry refused (HTTP 400): done, as the member read back shows', async () => {
		const target = memberId(5);
		let patches = 0;
		const { directory } = directoryOn(emulator, {
			wrap: (transport) => async (request) => {
				if (request.method !== 'PATCH') return transport(request);
				patches += 1;
				if (patches > 1) return refusal(400);
				await transport(request);
				throw new TransportError('network', 'socket hang up');
			},
		});
		await expect(directory.updateMember(target, { active: false })).resolves.toMatchObject({ id: target, active: false });
	});

	it('a removal whose first DELETE never arrived (retry HTTP 403), the member read back active: the refusal stands', async () => {
		const target = memberId(4);
		const error = await failureOf(firstLostThenRefused(403, false).removeMember(target));
		expect(memberIn(emulator, target)?.active).toBe(true);
		expect(error).toMatchObject({ kind: 'refused', httpStatus: 403 });
		expect(error.message).toMatch(/refused to remove/);
	});
});
