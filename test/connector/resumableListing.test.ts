/**
 * Listings longer than one deadline (`stopAtDeadline` + `resume`): each part ends at its
 * deadline with a cursor, the parts together list everyone once, and whatever makes the parts
 * disagree (index paging shifted, the source changed, a refused cursor) is said.
 */
import type { ListOptions, ResumableListing } from '../../nodes/common/connector/model';
import type { NotionDirectory } from '../../nodes/common/connector/notionDirectory';
import { generateSeed, type Emulator } from '../../tools/notion-emulator';
import { directoryOn, startWorkspace, type TestDirectory } from './workspace';

/** One request a second on virtual time: a 2.5 s deadline lets about three pages through. */
const slow = { requestsPerSecond: 1, burst: 1 };
const PART_MS = 2500;
let keys = 0;

/** Lists part after part, each with a fresh deadline, until the listing completes. */
async function listInParts(
	{ directory, clock }: TestDirectory,
	options: ListOptions = {},
): Promise<{ parts: ResumableListing[]; ids: string[] }> {
	const parts: ResumableListing[] = [];
	let resume = options.resume;
	for (let part = 0; part < 50; part++) {
		const listing = await directory.listMembers({ ...options, resume, deadline: clock.now() + PART_MS, stopAtDeadline: true });
		parts.push(listing);
		if (listing.complete) break;
		resume = listing.resume;
	}
	return { parts, ids: parts.flatMap((part) => part.members.map((member) => member.id)) };
}

function slowDirectory(emulator: Emulator, scim = true): TestDirectory {
	return directoryOn(emulator, { scim, tuning: slow, pacingKey: `resumable-${++keys}` });
}

describe('a listing that stops at its deadline and resumes', () => {
	let emulator: Emulator;
	const seed = generateSeed({ members: 1000, bots: 1, guests: 0, groups: 0, deactivated: 3, seed: 5 });
	const everyone = () => emulator.control.snapshot().members.map((member) => member.id).sort();

	beforeEach(async () => {
		emulator = await startWorkspace({ seed });
	});
	afterEach(() => emulator.stop());

	it('SCIM: parts with a cursor, every member once, each page read once', async () => {
		const { parts, ids } = await listInParts(slowDirectory(emulator));

		expect(parts.length).toBeGreaterThanOrEqual(3);
		expect(parts.slice(0, -1).every((part) => !part.complete && part.resume?.source === 'scim')).toBe(true);
		expect(parts[0].resume).toEqual({
			source: 'scim',
			startIndex: parts[0].members.length + 1,
			totalResults: 1000,
			lastId: parts[0].members.at(-1)?.id,
		});
		expect(parts.at(-1)?.complete).toBe(true);
		expect(parts.at(-1)?.resume).toBeUndefined();
		expect(parts.every((part) => part.consistent && !part.restarted && part.via.source === 'scim')).toBe(true);
		expect([...ids].sort()).toEqual(everyone());
		// Each resumed part reads the last member listed again: a page more per resumption at most.
		expect(emulator.control.requestCounts()['GET /scim/v2/Users']).toBeLessThanOrEqual(10 + parts.length - 1);
	});

	it('standard API: parts follow next_cursor, every user once', async () => {
		const { parts, ids } = await listInParts(slowDirectory(emulator, false));

		expect(parts.length).toBeGreaterThanOrEqual(3);
		expect(parts[0].resume).toMatchObject({ source: 'api', nextCursor: expect.any(String) });
		expect(parts.every((part) => part.consistent && !part.restarted && part.via.source === 'api')).toBe(true);
		const expected = emulator.control.snapshot();
		const current = [...expected.members.filter((member) => member.active).map((member) => member.id), ...expected.bots.map((bot) => bot.id)];
		expect([...ids].sort()).toEqual(current.sort());
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('SCIM: a member leaving before the cursor shifts the indexes, and the resumed part says it is not consistent', async () => {
		const test = slowDirectory(emulator);
		const first = await test.directory.listMembers({ deadline: test.clock.now() + PART_MS, stopAtDeadline: true });
		expect(first.complete).toBe(false);
		// Not member 0: removing the SCIM token's owner would revoke the token.
		emulator.control.removeMember(first.members[5].id);

		const { parts } = await listInParts(test, { resume: first.resume });
		expect(parts[0].consistent).toBe(false);
		expect(parts[0].restarted).toBe(false);
	});

	it('SCIM: one member leaving before the cursor and one joining keep the total, and the resumed part still says it is not consistent', async () => {
		const test = slowDirectory(emulator);
		const first = await test.directory.listMembers({ deadline: test.clock.now() + PART_MS, stopAtDeadline: true });
		emulator.control.removeMember(first.members[5].id);
		emulator.control.addMember({ email: 'joiner@acme.test', name: 'Joy Ner', role: 'member' });

		const { parts } = await listInParts(test, { resume: first.resume });
		expect(parts[0].consistent).toBe(false);
	});

	it('a deadline already past: nothing listed, the same cursor back', async () => {
		const test = slowDirectory(emulator);
		const first = await test.directory.listMembers({ deadline: test.clock.now() + PART_MS, stopAtDeadline: true });
		emulator.control.resetLog();

		const none = await test.directory.listMembers({ resume: first.resume, deadline: test.clock.now() - 1, stopAtDeadline: true });
		expect(none).toMatchObject({ members: [], complete: false, resume: first.resume, pages: 0 });
		expect(emulator.control.requestCounts()).toEqual({});
	});

	it('a cursor of the other source, or one Notion refuses, starts over from the beginning and says so', async () => {
		const scimCursor = (await slowDirectory(emulator).directory.listMembers({ stopAtDeadline: true, deadline: Date.UTC(2026, 0, 1) + PART_MS })).resume;
		const viaApi = await listInParts(slowDirectory(emulator, false), { resume: scimCursor });
		expect(viaApi.parts[0].restarted).toBe(true);
		expect(viaApi.parts.slice(1).every((part) => !part.restarted)).toBe(true);
		expect(viaApi.ids).toHaveLength(new Set(viaApi.ids).size);
		expect(viaApi.ids).toHaveLength(1000 - 3 + 1);

		const refused = await listInParts(slowDirectory(emulator, false), {
			resume: { source: 'api', nextCursor: 'not-a-cursor-notion-knows' },
		});
		expect(refused.parts[0].restarted).toBe(true);
		expect(refused.ids).toHaveLength(1000 - 3 + 1);
	});

	it('without stopAtDeadline a deadline still fails the listing (unchanged for every other caller)', async () => {
		const { directory, clock } = slowDirectory(emulator);
		await expect(directory.listMembers({ deadline: clock.now() + PART_MS })).rejects.toMatchObject({ kind: 'timeout' });
		const whole: NotionDirectory = slowDirectory(emulator).directory;
		expect(await whole.listMembers()).toMatchObject({ complete: true, restarted: false, consistent: true });
	});
});
