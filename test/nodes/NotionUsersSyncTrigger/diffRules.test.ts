/**
 * diff.ts's rules as a poll applies them, with Notion in memory (fakeNotion.ts): a claimed
 * deactivation not yet proven leaves the stored record alone, members already deactivated are
 * not asked about again, a listing far smaller than the members the source would list is
 * replaced first, and fields a source does not show are not changes.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { pollChanges } from '../../../nodes/NotionUsersSyncTrigger/changes';
import type { Member } from '../../../nodes/common/connector/model';
import { fakeContext, FakeNotion, listingOf, type FakeContext } from './fakeNotion';
import { person } from './members';

const NO_GUARD = { 'options.maxRemovals': 0, 'options.maxRemovalPercent': 0 };

async function poll(notion: FakeNotion, context: FakeContext, production = true) {
	return await pollChanges(context.ctx, notion.directory, notion.clock(), production);
}

function events(result: INodeExecutionData[][] | null): string[] | null {
	return result === null ? null : result[0].map((item) => `${String(item.json.event)} ${String(item.json.memberId)}`);
}

async function started(members: Member[]) {
	const notion = new FakeNotion(members);
	const context = fakeContext(NO_GUARD);
	expect(await poll(notion, context)).toBeNull();
	notion.listed.length = 0;
	return { notion, context };
}

const everyone = Array.from({ length: 6 }, (_, n) => person(n + 1));
const [, , c] = everyone;

describe('diff rules in a poll', () => {
	it('a deactivation not proven in time is neither reported nor stored; once proven it is reported', async () => {
		const { notion, context } = await started(everyone);
		notion.truth.set(c.id, { ...c, active: false });
		notion.lookupBudget = 0;
		// The first poll defers its proof; the proving poll proves nothing more and commits.
		expect(await poll(notion, context)).toBeNull();
		expect(await poll(notion, context)).toBeNull();
		notion.lookupBudget = Infinity;
		expect(events(await poll(notion, context))).toEqual([`member.deactivated ${c.id}`]);
	});

	it('a member already stored deactivated is not asked about again', async () => {
		const members = everyone.map((member) => (member === c ? { ...member, active: false } : member));
		const { notion, context } = await started(members);
		expect(await poll(notion, context)).toBeNull();
		expect(notion.lookedUp).toEqual([]);
	});

	it('a newcomer listed deactivated is not claimed, reported or stored', async () => {
		const { notion, context } = await started(everyone);
		const newcomer = person(30, { active: false });
		notion.truth.set(newcomer.id, newcomer);
		expect(await poll(notion, context)).toBeNull();
		expect(notion.lookedUp).toEqual([]);
	});

	it('a listing under half the members the source would list is replaced before any lookup', async () => {
		const { notion, context } = await started(everyone);
		notion.listings.push(listingOf(everyone.slice(0, 2)));
		expect(await poll(notion, context)).toBeNull();
		expect(notion.listed).toHaveLength(2);
		expect(notion.lookedUp).toEqual([]);
	});

	it('a name or an email the source does not show is no change', async () => {
		const noEmail = person(3, { email: null });
		const { notion, context } = await started([...everyone.filter((member) => member !== c), noEmail]);
		notion.truth.set(noEmail.id, { ...noEmail, email: 'now@example-corp.com' });
		notion.truth.set(everyone[0].id, { ...everyone[0], name: null, givenName: null, familyName: null });
		expect(await poll(notion, context)).toBeNull();
	});
});
