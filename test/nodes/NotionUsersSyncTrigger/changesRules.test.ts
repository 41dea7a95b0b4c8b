/**
 * One Changes poll's rules (changes.ts) with Notion in memory (fakeNotion.ts): when a listing
 * is replaced by a fresh one, what is asked of Notion, when proof is deferred to the next poll
 * and what that poll carries over, and what manual runs show.
 */
import type { INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { BASELINE_KEY } from '../../../nodes/NotionUsersSyncTrigger/changes';
import { PENDING_KEY } from '../../../nodes/NotionUsersSyncTrigger/listing';
import { decodePending } from '../../../nodes/NotionUsersSyncTrigger/pending';
import { encodeId } from '../../../nodes/NotionUsersSyncTrigger/storedBaseline';
import type { Member } from '../../../nodes/common/connector/model';
import { BUDGET_MS, fakeContext, FakeNotion, listingOf, POLL_START, type FakeContext } from './fakeNotion';
import { events, NO_GUARD, poll, startedWith } from './changesPolls';
import { bot, person } from './members';

const everyone = Array.from({ length: 6 }, (_, n) => person(n + 1));
const [a, b, c, d] = everyone;
const without = (...gone: Member[]) => everyone.filter((member) => !gone.includes(member));
const started = (parameters?: Record<string, unknown>) => startedWith(everyone, parameters);

function storedListed(context: FakeContext): unknown {
	return (context.staticData[BASELINE_KEY] as { listed: number }).listed;
}

describe('a listing that cannot be trusted is replaced in the same poll', () => {
	it('an inconsistent listing: a fresh one is read before any claim is asked about', async () => {
		const { notion, context } = await started();
		notion.truth.delete(b.id);
		// The first listing lost c as well (a shift while paging); the second is right.
		notion.listings.push(listingOf(without(b, c), { consistent: false }));
		expect(events(await poll(notion, context))).toEqual([`member.removed ${b.id}`]);
		expect(notion.listed).toHaveLength(2);
		expect(notion.lookedUp).toEqual([[b.id]]);
		expect(storedListed(context)).toBe(5);
	});

	it('a collapsed listing (empty): a fresh one is read first', async () => {
		const { notion, context } = await started();
		notion.truth.delete(b.id);
		notion.listings.push(listingOf([]));
		expect(events(await poll(notion, context))).toEqual([`member.removed ${b.id}`]);
		expect(notion.lookedUp).toEqual([[b.id]]);
	});

	it('a listing a lookup contradicts: one more listing, and only its claims are asked again', async () => {
		const { notion, context } = await started();
		notion.truth.delete(b.id);
		notion.listings.push(listingOf(without(b, c)));
		expect(events(await poll(notion, context))).toEqual([`member.removed ${b.id}`]);
		expect(notion.listed).toHaveLength(2);
		expect(notion.lookedUp).toEqual([[b.id, c.id], [b.id]]);
		expect(storedListed(context)).toBe(5);
	});

	it('a contradicted listing whose replacement cannot be trusted either: the lookups decide', async () => {
		const { notion, context } = await started();
		notion.truth.delete(b.id);
		notion.listings.push(listingOf(without(b, c)), listingOf(without(b, c, d), { consistent: false }));
		expect(events(await poll(notion, context))).toEqual([`member.removed ${b.id}`]);
		expect(notion.listed).toHaveLength(2);
		expect(notion.lookedUp).toEqual([[b.id, c.id]]);
		expect(storedListed(context)).toBe(4);
	});

	it('an inconsistent listing replaced by a consistent one asks no second round', async () => {
		const { notion, context } = await started();
		notion.truth.delete(b.id);
		// The fresh listing itself missed c: its lookup contradicts it, but this poll already relisted.
		notion.listings.push(listingOf(without(b), { consistent: false }), listingOf(without(b, c)));
		expect(events(await poll(notion, context))).toEqual([`member.removed ${b.id}`]);
		expect(notion.listed).toHaveLength(2);
		expect(notion.lookedUp).toEqual([[b.id, c.id]]);
	});
});

describe('a second listing is started only when it fits', () => {
	it('one that would end past the confirmation deadline is not started: the lookups decide', async () => {
		const { notion, context } = await started();
		notion.truth.delete(b.id);
		// 4.5 s of a 10 s budget: a second one would end at 9 s, the confirmation deadline.
		notion.listingMs = 4_500;
		notion.listings.push(listingOf(without(b, c), { consistent: false }));
		expect(events(await poll(notion, context))).toEqual([`member.removed ${b.id}`]);
		expect(notion.listed).toHaveLength(1);
		expect(notion.lookedUp).toEqual([[b.id, c.id]]);
	});

	it('one that ends just before it is started', async () => {
		const { notion, context } = await started();
		notion.truth.delete(b.id);
		notion.listingMs = 4_400;
		notion.listings.push(listingOf(without(b, c), { consistent: false }));
		expect(events(await poll(notion, context))).toEqual([`member.removed ${b.id}`]);
		expect(notion.listed).toHaveLength(2);
		expect(notion.lookedUp).toEqual([[b.id]]);
	});

	it('a collapse is measured against the size of the last complete listing when that is smaller', async () => {
		const { notion, context } = await started();
		(context.staticData[BASELINE_KEY] as { listed: number }).listed = 2;
		notion.listings.push(listingOf([a]));
		for (const member of without(a)) notion.truth.delete(member.id);
		const result = events(await poll(notion, context));
		expect(result).toHaveLength(5);
		expect(notion.listed).toHaveLength(1);
	});

	it('asks the lookups to end by nine tenths of the budget', async () => {
		const { notion, context } = await started();
		notion.truth.delete(b.id);
		const start = notion.time;
		await poll(notion, context);
		expect(notion.resolveOptions[0].deadline).toBe(start + BUDGET_MS * 0.9);
		expect(notion.listed[0].deadline).toBe(start + BUDGET_MS * 0.75);
	});
});

describe('proof deferred to the next poll', () => {
	it('a poll out of time keeps the listing and what it proved; the next proves the rest and reports both', async () => {
		const { notion, context } = await started();
		notion.truth.delete(b.id);
		notion.truth.delete(c.id);
		notion.lookupBudget = 1;
		const baselineBefore = context.staticData[BASELINE_KEY];
		expect(await poll(notion, context)).toBeNull();
		expect(context.staticData[BASELINE_KEY]).toBe(baselineBefore);
		const kept = decodePending(context.staticData[PENDING_KEY]);
		expect(kept?.proving).toEqual({ via: { source: 'scim' }, gone: [encodeId(b.id)], deactivated: [] });
		expect(kept?.consistent).toBe(true);

		notion.lookupBudget = Infinity;
		expect(events(await poll(notion, context))).toEqual([`member.removed ${b.id}`, `member.removed ${c.id}`]);
		// The proving poll lists nothing and asks only about what is still open.
		expect(notion.listed).toHaveLength(1);
		expect(notion.lookedUp).toEqual([[b.id, c.id], [c.id]]);
		expect(context.staticData[PENDING_KEY]).toBeUndefined();
		expect(storedListed(context)).toBe(4);
	});

	it('a proving poll that proves nothing more reports what was proven and leaves the rest for later', async () => {
		const { notion, context } = await started();
		notion.truth.delete(b.id);
		notion.truth.delete(c.id);
		notion.lookupBudget = 1;
		expect(await poll(notion, context)).toBeNull();
		notion.lookupBudget = 0;
		expect(events(await poll(notion, context))).toEqual([`member.removed ${b.id}`]);
		expect(context.staticData[PENDING_KEY]).toBeUndefined();
		notion.lookupBudget = Infinity;
		expect(events(await poll(notion, context))).toEqual([`member.removed ${c.id}`]);
	});

	it('a proving poll that proves more but not all defers again, keeping both proofs', async () => {
		const { notion, context } = await started();
		for (const member of [b, c, d]) notion.truth.delete(member.id);
		notion.lookupBudget = 1;
		expect(await poll(notion, context)).toBeNull();
		expect(await poll(notion, context)).toBeNull();
		expect(decodePending(context.staticData[PENDING_KEY])?.proving?.gone.sort()).toEqual([encodeId(b.id), encodeId(c.id)].sort());
		expect(notion.lookedUp).toEqual([[b.id, c.id, d.id], [c.id, d.id]]);
		expect(events(await poll(notion, context))).toEqual([b, c, d].map((member) => `member.removed ${member.id}`));
	});

	it('a listing replaced before its proof was deferred is kept as consistent, and its proving poll lists nothing more', async () => {
		const { notion, context } = await started();
		notion.truth.delete(b.id);
		notion.truth.delete(c.id);
		notion.lookupBudget = 1;
		notion.listings.push(listingOf(without(b, c, d), { consistent: false }));
		expect(await poll(notion, context)).toBeNull();
		expect(decodePending(context.staticData[PENDING_KEY])?.consistent).toBe(true);
		expect(decodePending(context.staticData[PENDING_KEY])?.members.size).toBe(4);

		notion.lookupBudget = Infinity;
		notion.listed.length = 0;
		expect(events(await poll(notion, context))).toEqual([`member.removed ${b.id}`, `member.removed ${c.id}`]);
		expect(notion.listed).toHaveLength(0);
	});

	it('an inconsistent listing kept for proving is not listed again by its proving poll (it spans polls)', async () => {
		const { notion, context } = await started();
		notion.truth.delete(b.id);
		notion.truth.delete(c.id);
		notion.lookupBudget = 1;
		// Too slow for a second listing: the inconsistent one is kept as it is.
		notion.listingMs = 5_000;
		notion.listings.push(listingOf(without(b, c), { consistent: false }));
		expect(await poll(notion, context)).toBeNull();
		expect(decodePending(context.staticData[PENDING_KEY])?.consistent).toBe(false);

		notion.listingMs = 0;
		notion.lookupBudget = Infinity;
		notion.listed.length = 0;
		expect(events(await poll(notion, context))).toEqual([`member.removed ${b.id}`, `member.removed ${c.id}`]);
		expect(notion.listed).toHaveLength(0);
	});

	it('a manual run never defers: it previews what is proven', async () => {
		const { notion, context } = await started();
		notion.truth.delete(b.id);
		notion.truth.delete(c.id);
		notion.lookupBudget = 1;
		expect(events(await poll(notion, context, false))).toEqual([`member.removed ${b.id}`]);
		expect(context.staticData[PENDING_KEY]).toBeUndefined();
	});
});

describe('the guard and failures', () => {
	it('a guard trip drops a listing kept for proving, keeps the baseline and names the numbers', async () => {
		const { notion, context } = await started({});
		for (const member of [b, c]) notion.truth.delete(member.id);
		notion.lookupBudget = 1;
		expect(await poll(notion, context)).toBeNull();
		const baselineBefore = context.staticData[BASELINE_KEY];
		notion.lookupBudget = Infinity;
		await expect(poll(notion, context)).rejects.toThrow(/would report 2 of 6 members removed or deactivated/);
		expect(context.staticData[PENDING_KEY]).toBeUndefined();
		expect(context.staticData[BASELINE_KEY]).toBe(baselineBefore);
	});

	it('a lookup that fails becomes a node error', async () => {
		const { notion, context } = await started();
		notion.truth.delete(b.id);
		const failure = new Error('socket hang up');
		notion.failLookups = failure;
		const error = await poll(notion, context).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error).not.toBe(failure);
	});
});

describe('baseline and workspace', () => {
	it('a baseline of another credential starts a new one; the credential is known by id, else by name', async () => {
		for (const [credential, scope] of [
			[{ id: 'cred-9', name: 'Other' }, 'cred-9'],
			[{ id: null, name: 'By name' }, 'By name'],
			[null, ''],
		] as const) {
			const notion = new FakeNotion(everyone);
			const context = fakeContext(NO_GUARD, credential);
			expect(await poll(notion, context)).toBeNull();
			expect((context.staticData[BASELINE_KEY] as { scope: string }).scope).toBe(scope);
			notion.truth.delete(b.id);
			expect(events(await poll(notion, context))).toEqual([`member.removed ${b.id}`]);
		}
		const notion = new FakeNotion(everyone);
		const { context } = await started();
		(context.staticData[BASELINE_KEY] as { scope: string }).scope = 'cred-2';
		notion.truth.delete(b.id);
		expect(await poll(notion, context)).toBeNull();
		expect((context.staticData[BASELINE_KEY] as { count: number }).count).toBe(5);
	});

	it('an unreadable baseline fails the poll unless told to start over', async () => {
		const notion = new FakeNotion(everyone);
		const failing = fakeContext();
		failing.staticData[BASELINE_KEY] = { v: 99 };
		await expect(poll(notion, failing)).rejects.toThrow(/stored member baseline cannot be read/);
		expect(failing.staticData[BASELINE_KEY]).toEqual({ v: 99 });

		const restarting = fakeContext({ 'options.unreadableBaseline': 'startOver' });
		restarting.staticData[BASELINE_KEY] = { v: 99 };
		expect(await poll(notion, restarting)).toBeNull();
		expect(restarting.staticData[BASELINE_KEY]).toMatchObject({ v: 2, count: 6, listed: 6 });
	});
});

describe('manual runs', () => {
	it('show an added-member sample whatever events are chosen, with a bot only when bots are included', async () => {
		const members = [bot(1), ...everyone];
		const notion = new FakeNotion(members);
		const sample = (result: INodeExecutionData[][] | null) => result?.[0].map((item) => item.json);
		const onlyRemovals = fakeContext({ events: ['member.removed'] });
		expect(sample(await poll(notion, onlyRemovals, false))).toEqual([
			expect.objectContaining({ event: 'member.added', memberId: a.id, sample: true }),
		]);
		const withBots = fakeContext({ events: ['member.removed'], 'options.includeBots': true });
		expect(sample(await poll(notion, withBots, false))).toEqual([
			expect.objectContaining({ event: 'member.added', memberId: members[0].id, sample: true }),
		]);
		expect(onlyRemovals.staticData).toEqual({});
	});

	it('preview the next poll, show a sample when nothing changed or the listing was cut, and store nothing', async () => {
		const { notion, context } = await started();
		const stored = JSON.stringify(context.staticData);
		expect(events(await poll(notion, context, false))).toEqual([`member.added ${a.id}`]);
		notion.truth.delete(b.id);
		expect(events(await poll(notion, context, false))).toEqual([`member.removed ${b.id}`]);
		notion.listings.push(listingOf([a, c], { complete: false }));
		expect(events(await poll(notion, context, false))).toEqual([`member.added ${a.id}`]);
		expect(JSON.stringify(context.staticData)).toBe(stored);
		expect(POLL_START).toBeLessThanOrEqual(notion.time);
	});
});
