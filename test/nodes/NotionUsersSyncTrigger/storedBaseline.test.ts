import { baselineFrom, indexMembers, viewOf } from '../../../nodes/NotionUsersSyncTrigger/diff';
import {
	decodeBaseline,
	decodeId,
	encodeBaseline,
	encodeId,
	hash36,
	nameHashOf,
	type Baseline,
} from '../../../nodes/NotionUsersSyncTrigger/storedBaseline';
import type { Member } from '../../../nodes/common/connector/model';
import { bot, person, uuid } from './members';

const META = { scope: 'cred-1', committedAt: '2026-11-25T10:00:00.000Z' };

/** What n8n does with static data: JSON out to the database and back. */
function roundTrip(baseline: Baseline): Baseline {
	const decoded = decodeBaseline(JSON.parse(JSON.stringify(encodeBaseline(baseline, META))));
	if (!decoded) throw new Error('baseline did not decode');
	return decoded;
}

function baselineOf(members: Member[]): Baseline {
	return baselineFrom(viewOf('scim', members), indexMembers(members));
}

describe('member ids', () => {
	it('packs a canonical UUID into 22 characters and back', () => {
		for (const id of [uuid(0), uuid(7), 'ffffffff-ffff-ffff-ffff-ffffffffffff', '00000000-0000-0000-0000-000000000000']) {
			const encoded = encodeId(id);
			expect(encoded).toHaveLength(22);
			expect(decodeId(encoded)).toBe(id);
		}
	});

	it('keeps any other id exactly, separators and quotes included', () => {
		const nearUuids = [
			'ABCDEF01-2345-6789-ABCD-EF0123456789',
			'01234567-89ab-cdef-0123-456789abcdeF',
			'01234567-89ab-cdef-0123-456789abcdeg',
			'01234567-89ab-cdef-0123_456789abcdef',
			'0123456789ab-cdef-0123-456789abcdef-',
			'01234567-89ab-cdef-0123-456789abcde',
			'01234567-89ab-cdef-0123-456789abcdef\n',
		];
		for (const id of [...nearUuids, 'user;1,2"x\\', '~tilde', 'ünïcode', '']) {
			expect(encodeId(id)).toBe(`~${encodeURIComponent(id)}`);
			expect(decodeId(encodeId(id))).toBe(id);
		}
	});

	it('packs ids exactly as earlier versions did, so a stored baseline keeps matching', () => {
		expect(encodeId('01234567-89ab-cdef-0123-456789abcdef')).toBe('ASNFZ4mrze8BI0VniavN7w');
	});
});

describe('stored baseline', () => {
	it('round-trips through JSON with every kind, role and missing field', () => {
		const members = [
			person(1),
			person(2, { active: false, role: 'owner' }),
			person(3, { active: null, role: 'unknown', email: null }),
			person(4, { name: null, givenName: null, familyName: null }),
			person(5, { email: 'o\'hara;x,y"z%@sub.example-corp.com' }),
			person(6, { email: 'no-at-sign' }),
			{ ...bot(1), id: 'not-a-uuid,;' },
		];
		const baseline = baselineOf(members);
		const decoded = roundTrip(baseline);
		expect(decoded.members).toEqual(baseline.members);
		expect(decoded.source).toBe('scim');
		expect(decoded.seesBots).toBe(true);
		expect(decoded.seesDeactivated).toBe(true);
	});

	it('round-trips an empty workspace', () => {
		expect(roundTrip(baselineOf([])).members.size).toBe(0);
	});

	it('refuses what it did not write, so the trigger takes a new baseline instead of guessing', () => {
		expect(decodeBaseline(undefined)).toBeUndefined();
		expect(decodeBaseline({ v: 2, scope: 'x', source: 'scim', records: '', domains: [] })).toBeUndefined();
		expect(decodeBaseline({ v: 1, scope: 'x', source: 'scim', records: 'garbage', domains: [] })).toBeUndefined();
	});

	it('stores at most 64 bytes per member for a 100,000-member workspace', () => {
		const members: Member[] = [];
		for (let n = 0; n < 100_000; n++) {
			members.push(person(n, n % 20 === 0 ? { active: false } : {}));
		}
		for (let n = 0; n < 50; n++) members.push(bot(n));
		const stored = JSON.stringify({ baseline: encodeBaseline(baselineOf(members), META) });
		const bytesPerMember = Buffer.byteLength(stored, 'utf8') / members.length;
		expect(bytesPerMember).toBeLessThanOrEqual(64);
		expect(roundTrip(baselineOf(members)).members.size).toBe(members.length);
	});
});

describe('hash36', () => {
	it('gives 6 base64url characters that tell names apart', () => {
		const hashes = new Set<string>();
		for (let n = 0; n < 10_000; n++) hashes.add(hash36(`Member number ${n}`));
		expect(hashes.size).toBe(10_000);
		expect(hash36('Ada Lovelace')).toMatch(/^[A-Za-z0-9_-]{6}$/);
		expect(hash36('Ada Lovelace')).toBe(hash36('Ada Lovelace'));
	});

	it('hashes names exactly as earlier versions did, so a stored baseline reports no false rename', () => {
		expect(nameHashOf({ name: 'Ada Lovelace', givenName: 'Ada', familyName: 'Lovelace' })).toBe('LCJ8Ll');
		expect(nameHashOf({ name: null, givenName: 'Ada', familyName: null })).toBe('_JEUvN');
		expect(nameHashOf({ name: null, givenName: null, familyName: null })).toBeNull();
		expect(hash36('Ada Lovelace', 'Ada', 'Lovelace')).toBe(hash36('Ada Lovelace\u0000Ada\u0000Lovelace'));
	});
});

describe('stored records, field by field', () => {
	const META_LISTED = { ...META, listed: 9 };

	it('keeps each kind and role as itself, and the listing size given (else the member count)', () => {
		const members = [
			person(1, { active: true, role: 'owner' }),
			person(2, { active: false, role: 'membership_admin' }),
			person(3, { active: null, role: 'member' }),
			person(4, { role: 'restricted_member' }),
			{ ...bot(1), role: 'unknown' as const },
		];
		const decoded = decodeBaseline(JSON.parse(JSON.stringify(encodeBaseline(baselineOf(members), META_LISTED))));
		expect([...(decoded?.members.values() ?? [])].map((member) => [member.kind, member.role])).toEqual([
			['active', 'owner'],
			['deactivated', 'membership_admin'],
			['status_unknown', 'member'],
			['active', 'restricted_member'],
			['bot', 'unknown'],
		]);
		expect(decoded?.listed).toBe(9);
		expect(encodeBaseline(baselineOf(members), META).listed).toBe(5);
		expect(decoded?.committedAt).toBe(META.committedAt);
		expect(decoded?.scope).toBe(META.scope);
	});

	it('writes records in the documented layout, one domain entry per domain', () => {
		const members = [
			person(1, { email: 'ada@one.test', role: 'owner' }),
			person(2, { email: 'grace@two.test', active: false, name: null, givenName: null, familyName: null }),
			person(3, { email: 'alan@one.test', active: null }),
			person(4, { email: null }),
			person(5, { email: 'local-only' }),
		];
		const stored = encodeBaseline(baselineOf(members), META);
		expect(stored.domains).toEqual(['one.test', 'two.test', '']);
		const records = stored.records.split(',');
		expect(records).toHaveLength(5);
		expect(records.map((record) => record.split(';').slice(2))).toEqual([
			['0', 'ada'],
			['1', 'grace'],
			['0', 'alan'],
			['', ''],
			['2', 'local-only'],
		]);
		expect(records[0].split(';')[1]).toBe(`Ao${nameHashOf(members[0])}`);
		expect(records[1].split(';')[1]).toBe('Dm......');
		expect(records[2].split(';')[1].slice(0, 1)).toBe('U');
	});

	it('reads a baseline without a commit time as committed at no known time', () => {
		const { committedAt: _committedAt, ...rest } = encodeBaseline(baselineOf([person(1)]), META);
		expect(decodeBaseline(rest)?.committedAt).toBe('');
	});

	it('refuses a record whose fixed part, kind or role is not one it writes', () => {
		const good = encodeBaseline(baselineOf([person(1)]), META);
		const [id, fixed, domain, local] = good.records.split(';');
		const withRecord = (record: string) => decodeBaseline({ ...good, records: record });
		expect(withRecord([id, fixed, domain, local].join(';'))?.members.size).toBe(1);
		expect(withRecord([id, fixed.slice(0, 7), domain, local].join(';'))).toBeUndefined();
		expect(withRecord([id, `${fixed}x`, domain, local].join(';'))).toBeUndefined();
		expect(withRecord([id, `X${fixed.slice(1)}`, domain, local].join(';'))).toBeUndefined();
		expect(withRecord([id, `${fixed[0]}X${fixed.slice(2)}`, domain, local].join(';'))).toBeUndefined();
		expect(withRecord([id, fixed, domain].join(';'))).toBeUndefined();
	});
});

describe('edge forms a record must keep exactly', () => {
	it('keeps ids with characters just past the hex digits, and emails that start with @', () => {
		for (const id of ['0123456W-89ab-cdef-0123-456789abcdef', '0123456`-89ab-cdef-0123-456789abcdef', '_1234567-89ab-cdef-0123-456789abcdef']) {
			expect(encodeId(id)).toBe(`~${encodeURIComponent(id)}`);
			expect(decodeId(encodeId(id))).toBe(id);
		}
		const members = [person(1, { email: '@example-corp.com' })];
		expect([...roundTrip(baselineOf(members)).members.values()].map((member) => member.email)).toEqual(['@example-corp.com']);
	});

	it('keeps an email that ends with @ apart from the same text without it (no rename reported on every poll)', () => {
		const emails = ['ada@', 'ada', 'ada@@', 'grace@example-corp.com'];
		const members = emails.map((email, i) => person(i + 1, { email }));
		expect([...roundTrip(baselineOf(members)).members.values()].map((member) => member.email)).toEqual(emails);
	});

	it('hashes a member known only by a family name', () => {
		expect(nameHashOf({ name: null, givenName: null, familyName: 'Lovelace' })).toBe(hash36('', '', 'Lovelace'));
	});
});
