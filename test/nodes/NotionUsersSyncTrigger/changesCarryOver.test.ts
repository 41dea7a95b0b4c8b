/**
 * What a Changes poll carries from one poll to the next (changes.ts), with Notion in memory
 * (fakeNotion.ts): proven deactivations across deferred proofs, the names of members a deferred
 * or spanning listing will report, and what manual runs leave alone.
 */
import { NodeOperationError } from 'n8n-workflow';

import { BASELINE_KEY } from '../../../nodes/NotionUsersSyncTrigger/changes';
import { PENDING_KEY } from '../../../nodes/NotionUsersSyncTrigger/listing';
import { decodePending } from '../../../nodes/NotionUsersSyncTrigger/pending';
import { encodeId } from '../../../nodes/NotionUsersSyncTrigger/storedBaseline';
import { fakeContext, FakeNotion, listingOf } from './fakeNotion';
import { events, NO_GUARD, poll, startedWith } from './changesPolls';
import { bot, person } from './members';

const everyone = Array.from({ length: 6 }, (_, n) => person(n + 1));
const [, b, c, d, e] = everyone;
const started = (parameters?: Record<string, unknown>) => startedWith(everyone, parameters);

function deactivate(notion: FakeNotion, ...members: typeof everyone) {
	for (const member of members) notion.truth.set(member.id, { ...member, active: false });
}

describe('proven deactivations carried across deferred proofs', () => {
	it('each poll proves one more; proofs are kept, asked once, and reported together', async () => {
		const { notion, context } = await started();
		deactivate(notion, c, d, e);
		notion.lookupBudget = 1;
		expect(await poll(notion, context)).toBeNull();
		expect(decodePending(context.staticData[PENDING_KEY])?.proving?.deactivated).toEqual([encodeId(c.id)]);
		// A poll that proves only a deactivation has made progress: it defers again.
		expect(await poll(notion, context)).toBeNull();
		expect(decodePending(context.staticData[PENDING_KEY])?.proving?.deactivated.sort()).toEqual(
			[encodeId(c.id), encodeId(d.id)].sort(),
		);
		notion.lookupBudget = Infinity;
		expect(events(await poll(notion, context))).toEqual([c, d, e].map((member) => `member.deactivated ${member.id}`));
		expect(notion.lookedUp).toEqual([[c.id, d.id, e.id], [d.id, e.id], [e.id]]);
	});

	it('a claim a lookup contradicts counts as progress of a proving poll', async () => {
		const { notion, context } = await started();
		for (const member of [b, c, d]) notion.truth.delete(member.id);
		notion.lookupBudget = 1;
		expect(await poll(notion, context)).toBeNull();
		// c is back before the proving poll asks about it (a contradiction); d is still unknown.
		notion.truth.set(c.id, c);
		expect(await poll(notion, context)).toBeNull();
		expect(notion.lookedUp).toEqual([[b.id, c.id, d.id], [c.id, d.id]]);
		notion.lookupBudget = Infinity;
		expect(events(await poll(notion, context))).toEqual([b, d].map((member) => `member.removed ${member.id}`));
	});
});

describe('names of members a later poll reports', () => {
	it('a member added while proof is deferred is reported with its name', async () => {
		const { notion, context } = await started();
		const newcomer = person(40);
		notion.truth.set(newcomer.id, newcomer);
		notion.truth.delete(b.id);
		notion.truth.delete(c.id);
		notion.lookupBudget = 1;
		expect(await poll(notion, context)).toBeNull();
		notion.lookupBudget = Infinity;
		const result = await poll(notion, context);
		const added = result?.[0].find((item) => item.json.event === 'member.added');
		expect(added?.json.member).toMatchObject({ id: newcomer.id, name: newcomer.name, givenName: newcomer.givenName });
	});

	it('a first listing that spans polls reports everyone with their names when asked to', async () => {
		const notion = new FakeNotion(everyone);
		const context = fakeContext({ 'options.emitExistingOnFirstRun': true });
		const cursor = { source: 'scim' as const, startIndex: 4, totalResults: 6, lastId: 'x' };
		notion.listings.push(listingOf(everyone.slice(0, 3), { complete: false, resume: cursor }), listingOf(everyone.slice(3)));
		expect(await poll(notion, context)).toBeNull();
		const result = await poll(notion, context);
		expect(result?.[0].map((item) => (item.json.member as { name: string }).name)).toEqual(everyone.map((member) => member.name));
	});
});

describe('what a poll stores and shows', () => {
	it('a first listing that spans polls keeps no names when nobody will be reported', async () => {
		const notion = new FakeNotion(everyone);
		const context = fakeContext();
		const cursor = { source: 'scim' as const, startIndex: 4, totalResults: 6, lastId: 'x' };
		notion.listings.push(listingOf(everyone.slice(0, 3), { complete: false, resume: cursor }));
		expect(await poll(notion, context)).toBeNull();
		expect(decodePending(context.staticData[PENDING_KEY])?.names.size).toBe(0);
	});

	it('a first poll out of time with nothing proven still defers: the baseline stays as it was', async () => {
		const { notion, context } = await started();
		notion.truth.delete(b.id);
		notion.lookupBudget = 0;
		const baselineBefore = context.staticData[BASELINE_KEY];
		expect(await poll(notion, context)).toBeNull();
		expect(context.staticData[BASELINE_KEY]).toBe(baselineBefore);
		expect(decodePending(context.staticData[PENDING_KEY])?.proving).toEqual({ via: { source: 'scim' }, gone: [], deactivated: [] });
	});

	it('a SCIM listing that shows bots sees one of them leave', async () => {
		const integration = { ...bot(1), source: 'scim' as const };
		const notion = new FakeNotion([...everyone, integration, { ...bot(2), source: 'scim' }]);
		const context = fakeContext({ ...NO_GUARD, 'options.includeBots': true });
		expect(await poll(notion, context)).toBeNull();
		expect(context.staticData[BASELINE_KEY]).toMatchObject({ seesBots: true });
		notion.truth.delete(integration.id);
		expect(events(await poll(notion, context))).toEqual([`member.removed ${integration.id}`]);
	});

	it('errors that hold a poll say that nothing was lost', async () => {
		const { notion, context } = await started({});
		for (const member of [b, c]) notion.truth.delete(member.id);
		const trip = (await poll(notion, context).catch((caught: unknown) => caught)) as NodeOperationError;
		expect(trip).toBeInstanceOf(NodeOperationError);
		expect(trip.description).toMatch(/Nothing was emitted and the stored baseline is unchanged/);

		const unreadable = fakeContext();
		unreadable.staticData[BASELINE_KEY] = { v: 99 };
		const refused = (await poll(notion, unreadable).catch((caught: unknown) => caught)) as NodeOperationError;
		expect(refused).toBeInstanceOf(NodeOperationError);
		expect(refused.description).toMatch(/the stored state was kept, so no change is lost/);
	});
});

describe('manual runs leave stored state alone', () => {
	it('a guard trip in a manual run keeps a listing the next production poll goes on with', async () => {
		const { notion, context } = await started({});
		notion.truth.delete(b.id);
		notion.truth.delete(c.id);
		notion.lookupBudget = 1;
		context.parameters['options.maxRemovalPercent'] = 0;
		expect(await poll(notion, context)).toBeNull();
		context.parameters['options.maxRemovalPercent'] = 20;
		const kept = context.staticData[PENDING_KEY];
		notion.lookupBudget = Infinity;
		await expect(poll(notion, context, false)).rejects.toThrow(/Mass-removal guard/);
		expect(context.staticData[PENDING_KEY]).toBe(kept);
	});

	it('show no sample when only bots are listed and bots are left out', async () => {
		const notion = new FakeNotion([bot(1), bot(2)]);
		const context = fakeContext();
		expect(await poll(notion, context, false)).toBeNull();
		expect(context.staticData[BASELINE_KEY]).toBeUndefined();
	});
});
