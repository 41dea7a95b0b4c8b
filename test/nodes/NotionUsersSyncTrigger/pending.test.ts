/** The pending part of a listing that spans polls: compact, exact through JSON, refused when foreign. */
import { baselineFrom, indexMembers, viewOf } from '../../../nodes/NotionUsersSyncTrigger/diff';
import {
	addPart,
	decodePending,
	encodePending,
	newPending,
	pendingMembers,
	type PendingListing,
} from '../../../nodes/NotionUsersSyncTrigger/pending';
import type { Member } from '../../../nodes/common/connector/model';
import { bot, person } from './members';

const BASIS = { scope: 'cred-1', baselineAt: '2026-11-25T10:00:00.000Z', source: 'scim' as const, startedAt: '2026-11-25T11:00:00.000Z' };
const CURSOR = { source: 'scim' as const, startIndex: 1001, totalResults: 100_050, lastId: 'ab12' };

/** What n8n does with static data: JSON out to the database and back. */
function roundTrip(pending: PendingListing): PendingListing {
	const decoded = decodePending(JSON.parse(JSON.stringify(encodePending(pending))));
	if (!decoded) throw new Error('pending part did not decode');
	return decoded;
}

describe('pending listing', () => {
	it('keeps records for everyone and names only for members the diff will report', () => {
		const members = [person(1), person(2, { role: 'owner' }), person(3, { active: null, role: 'unknown', email: null }), bot(1)];
		const reported = new Set([members[1].id]);
		const pending = newPending(BASIS, CURSOR);
		addPart(pending, members, (member) => reported.has(member.id));

		const decoded = roundTrip(pending);
		expect(decoded.members).toEqual(pending.members);
		expect(decoded.resume).toEqual(CURSOR);
		expect(decoded.polls).toBe(1);
		const rebuilt = pendingMembers(decoded);
		expect(rebuilt.map((member) => member.id)).toEqual(members.map((member) => member.id));
		expect(rebuilt[1]).toMatchObject({ name: members[1].name, givenName: members[1].givenName, role: 'owner', source: 'scim' });
		// Not reported: only the record is kept, and the diff still sees the same member.
		expect(rebuilt[0].name).toBeNull();
		const view = viewOf('scim', members);
		expect(baselineFrom(view, indexMembers(rebuilt)).members).toEqual(baselineFrom(view, indexMembers(members)).members);
	});

	it('stores at most 64 bytes per member for 100,000 listed members with 1 % to report', () => {
		const members: Member[] = [];
		for (let n = 0; n < 100_000; n++) members.push(person(n, n % 20 === 0 ? { active: false } : {}));
		const pending = newPending(BASIS, CURSOR);
		const reported = new Set(members.filter((_, index) => index % 100 === 0));
		addPart(pending, members, (member) => reported.has(member));

		const stored = JSON.stringify({ pending: encodePending(pending) });
		expect(Buffer.byteLength(stored, 'utf8') / members.length).toBeLessThanOrEqual(64);
		expect(roundTrip(pending).members.size).toBe(members.length);
	});

	it('refuses what it did not write, so the listing starts at the beginning instead of guessing', () => {
		const good = JSON.parse(JSON.stringify(encodePending(newPending(BASIS, CURSOR)))) as Record<string, unknown>;
		expect(decodePending(good)).toBeDefined();
		expect(decodePending(undefined)).toBeUndefined();
		expect(decodePending({ ...good, v: 2 })).toBeUndefined();
		expect(decodePending({ ...good, resume: { source: 'api', nextCursor: 'x' } })).toBeUndefined();
		expect(decodePending({ ...good, resume: { source: 'scim', startIndex: '5' } })).toBeUndefined();
		expect(decodePending({ ...good, records: 'garbage' })).toBeUndefined();
	});
});

describe('pending listing parts', () => {
	it('counts each part, lets a later part drop a name no longer reported, and keeps every basis field', () => {
		const first = person(1);
		const pending = newPending(BASIS, CURSOR);
		addPart(pending, [first, person(2)], () => true);
		addPart(pending, [{ ...first, role: 'owner' }], () => false);
		pending.consistent = false;

		const decoded = roundTrip(pending);
		expect(decoded.polls).toBe(2);
		expect(decoded.members.size).toBe(2);
		expect([...decoded.names.keys()]).toHaveLength(1);
		expect(pendingMembers(decoded).map((member) => [member.name, member.role])).toEqual([
			[null, 'owner'],
			[person(2).name, person(2).role],
		]);
		expect(decoded).toMatchObject({ ...BASIS, resume: CURSOR, consistent: false });
		expect(decoded.proving).toBeUndefined();
		expect('proving' in encodePending(pending)).toBe(false);
	});

	it('keeps what a proving poll proved', () => {
		const pending = newPending({ ...BASIS, source: 'api' }, { source: 'api' });
		pending.proving = { via: { source: 'api' }, gone: ['a'], deactivated: ['b'] };
		expect(roundTrip(pending).proving).toEqual({ via: { source: 'api' }, gone: ['a'], deactivated: ['b'] });
	});

	it('drops stored names that are not three fields', () => {
		const pending = newPending(BASIS, CURSOR);
		addPart(pending, [person(1), person(2), person(3)], () => true);
		const stored = JSON.parse(JSON.stringify(encodePending(pending))) as { names: Record<string, unknown> };
		const [a, b, c] = Object.keys(stored.names);
		stored.names[a] = ['only', 'two'];
		stored.names[b] = 'Ada Lovelace';
		const decoded = decodePending(stored);
		expect([...(decoded?.names.keys() ?? [])]).toEqual([c]);
	});
});
