/** Changes polls with Notion in memory (fakeNotion.ts), as the rules and carry-over tests run them. */
import type { INodeExecutionData } from 'n8n-workflow';

import { pollChanges } from '../../../nodes/NotionUsersSyncTrigger/changes';
import type { Member } from '../../../nodes/common/connector/model';
import { fakeContext, FakeNotion, type FakeContext } from './fakeNotion';

/** No mass-removal guard: these tests are about proof, not limits. */
export const NO_GUARD = { 'options.maxRemovals': 0, 'options.maxRemovalPercent': 0 };

export async function poll(notion: FakeNotion, context: FakeContext, production = true) {
	return await pollChanges(context.ctx, notion.directory, notion.clock(), production);
}

/** `<event> <memberId>` per item, or null for a poll that emitted nothing. */
export function events(result: INodeExecutionData[][] | null): string[] | null {
	return result === null ? null : result[0].map((item) => `${String(item.json.event)} ${String(item.json.memberId)}`);
}

/** A workspace of `members` whose baseline the first poll took, with nothing listed since. */
export async function startedWith(members: Member[], parameters: Record<string, unknown> = NO_GUARD) {
	const notion = new FakeNotion(members);
	const context = fakeContext(parameters);
	expect(await poll(notion, context)).toBeNull();
	notion.listed.length = 0;
	return { notion, context };
}
