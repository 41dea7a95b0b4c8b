/**
 * The first round of a SCIM listing whose total can be guessed (a resumed listing's total, or the
 * caller's expected total): the pages the guess implies go out with the first page, and every
 * check of index paging still holds when the guess is wrong or the server pages differently.
 */
import { resolveTuning, pacingOf } from '../../nodes/common/connector/directoryOptions';
import { pacersFor } from '../../nodes/common/connector/http/pacer';
import { Requester } from '../../nodes/common/connector/http/requester';
import { listResources, type PageRequest } from '../../nodes/common/connector/scim/listResources';
import { pageQuery, scimCall, scimRoot } from '../../nodes/common/connector/scim/scimContext';
import type { HttpTransport } from '../../nodes/common/connector/transport';
import { generateSeed, type Emulator } from '../../tools/notion-emulator';
import { loopbackTransport } from '../support/loopbackTransport';
import { fakeClock } from './fakeClock';
import { directoryOn, startWorkspace } from './workspace';

/** Counts requests and how many were sent before the first answer came back. */
function firstRoundCounter() {
	const seen = { sent: 0, beforeFirstAnswer: 0 };
	const wrap =
		(transport: HttpTransport): HttpTransport =>
		async (request) => {
			seen.sent++;
			const response = await transport(request);
			if (seen.beforeFirstAnswer === 0) seen.beforeFirstAnswer = seen.sent;
			return response;
		};
	return { seen, wrap };
}

/** listResources over the budget pacing (10 in flight) against the emulator's /Users. */
async function listUsers(emulator: Emulator, request: Partial<PageRequest>) {
	const counter = firstRoundCounter();
	const clock = fakeClock();
	const tuning = resolveTuning({});
	const requester = new Requester({
		transport: counter.wrap(loopbackTransport(emulator.tokens)),
		clock,
		random: () => 0.5,
		tuning,
		pacers: pacersFor(undefined, pacingOf(tuning)),
	});
	const context = { requester, root: scimRoot(emulator.url), tuning };
	const listing = await listResources(
		requester,
		(startIndex, count) => scimCall(context, 'GET', '/Users', { query: pageQuery(startIndex, count) }),
		{ pageSize: 100, concurrency: tuning.listConcurrency, ...request },
	);
	const ids = listing.resources.map((resource) => (resource as { id: string }).id);
	return { listing, ids, ...counter.seen };
}

describe('a SCIM listing whose total is guessed before the first page answers', () => {
	let emulator: Emulator;
	const everyone = () => emulator.control.snapshot().members.map((member) => member.id).sort();
	const start = async (members: number) => {
		emulator = await startWorkspace({ seed: generateSeed({ members, bots: 0, guests: 0, groups: 0, deactivated: 0, seed: 9 }) });
	};
	afterEach(() => emulator.stop());

	it('sends the pages of the expected total with the first (up to 10 in flight), then the rest and the probe', async () => {
		await start(1000);
		const { listing, ids, sent, beforeFirstAnswer } = await listUsers(emulator, { expectedTotal: 1000 });
		expect(beforeFirstAnswer).toBe(10);
		// Ten full pages and the probe past the total, which comes back empty.
		expect(sent).toBe(11);
		expect(listing.consistent).toBe(true);
		expect([...ids].sort()).toEqual(everyone());
	});

	it('asks for the probe in the first round when the guessed pages fit in it', async () => {
		await start(300);
		const { listing, sent, beforeFirstAnswer } = await listUsers(emulator, { expectedTotal: 300 });
		expect(beforeFirstAnswer).toBe(4);
		expect(sent).toBe(4);
		expect(listing.consistent).toBe(true);
	});

	it('spends at most 9 requests more than needed when the guess is too high, and the listing stays right', async () => {
		await start(257);
		const { listing, ids, sent } = await listUsers(emulator, { expectedTotal: 5000 });
		expect(sent).toBe(10);
		expect(listing.consistent).toBe(true);
		expect([...ids].sort()).toEqual(everyone());
	});

	it('asks no page past a limit, whatever the guess', async () => {
		await start(1000);
		const { listing, sent } = await listUsers(emulator, { expectedTotal: 1000, limit: 150 });
		expect(sent).toBe(2);
		expect(listing.resources).toHaveLength(150);
	});

	it('lists each member once when the server pages by fewer than asked (guessed pages misaligned)', async () => {
		await start(400);
		emulator.control.setBehaviours({ scimMaxResults: 50 });
		const { listing, ids } = await listUsers(emulator, { expectedTotal: 400 });
		expect(listing.consistent).toBe(true);
		expect(ids).toHaveLength(new Set(ids).size);
		expect([...ids].sort()).toEqual(everyone());
	});

	it('says the listing is off when a guessed page past a short total holds members, and keeps them', async () => {
		await start(257);
		// The first page claims the listing ends with it (total 100); the guess says 257.
		emulator.control.scriptFaults(['shortTotal']);
		const { listing, ids } = await listUsers(emulator, { expectedTotal: 257 });
		expect(listing.consistent).toBe(false);
		expect([...new Set(ids)].sort()).toEqual(everyone());
	});

	it('says the listing is off when members join while the guessed pages are read', async () => {
		await start(500);
		emulator.control.setBehaviours({ unstablePaging: true });
		const { listing, ids } = await listUsers(emulator, { expectedTotal: 500 });
		expect(listing.consistent).toBe(false);
		expect(ids).toHaveLength(new Set(ids).size);
	});

	it('a resumed listing sends the pages its known total implies with the first one', async () => {
		await start(1000);
		const counter = firstRoundCounter();
		const { directory } = directoryOn(emulator, { tuning: { requestsPerSecond: undefined }, wrap: counter.wrap });
		const members = emulator.control.snapshot().members;
		const first = await directory.listMembers({ limit: 300 });
		const lastId = first.members.at(-1)?.id ?? null;
		counter.seen.sent = 0;
		counter.seen.beforeFirstAnswer = 0;
		const rest = await directory.listMembers({ resume: { source: 'scim', startIndex: 301, totalResults: 1000, lastId } });
		// From member 300 (read again) on: pages at 300, 400, … 1000, all in the first round.
		expect(counter.seen.beforeFirstAnswer).toBe(8);
		expect(counter.seen.sent).toBe(8);
		expect(rest.consistent).toBe(true);
		expect(rest.members).toHaveLength(members.length - 300);
	});

	it("a directory listing given the caller's expected total sends its pages with the first one", async () => {
		await start(1000);
		const counter = firstRoundCounter();
		const { directory } = directoryOn(emulator, { tuning: { requestsPerSecond: undefined }, wrap: counter.wrap });
		const listing = await directory.listMembers({ expectedTotal: 1000 });
		expect(counter.seen.beforeFirstAnswer).toBe(10);
		expect(listing.consistent).toBe(true);
		expect(listing.members.map((member) => member.id).sort()).toEqual(everyone());
	});
});
