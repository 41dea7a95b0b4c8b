/**
 * The checks every value read from static data passes (storedShapes.ts), and how a stored
 * baseline of each format is read (baselineVersions.ts): each field that is wrong alone is
 * refused, and each format gets its own answer.
 */
import { readBaseline } from '../../../nodes/NotionUsersSyncTrigger/baselineVersions';
import { baselineFrom, indexMembers, viewOf } from '../../../nodes/NotionUsersSyncTrigger/diff';
import { encodePending, newPending, type StoredPending } from '../../../nodes/NotionUsersSyncTrigger/pending';
import { encodeBaseline, type StoredBaseline } from '../../../nodes/NotionUsersSyncTrigger/storedBaseline';
import { BASELINE_VERSION, isStoredBaseline, isStoredPending } from '../../../nodes/NotionUsersSyncTrigger/storedShapes';
import { bot, person } from './members';

const META = { scope: 'cred-1', committedAt: '2026-11-25T10:00:00.000Z' };
const members = [person(1), person(2, { active: false }), person(3, { email: null }), bot(1)];

/** A baseline as the current version writes it, after JSON (what static data gives back). */
function storedBaseline(listed?: number): StoredBaseline {
	const baseline = baselineFrom(viewOf('scim', members), indexMembers(members));
	return JSON.parse(JSON.stringify(encodeBaseline(baseline, { ...META, listed }))) as StoredBaseline;
}

const SCIM_CURSOR = { source: 'scim' as const, startIndex: 101, totalResults: 300, lastId: 'abc' };

function storedPending(overrides: Partial<StoredPending> = {}): StoredPending {
	const pending = newPending(
		{ scope: 'cred-1', baselineAt: META.committedAt, source: 'scim', startedAt: META.committedAt },
		SCIM_CURSOR,
	);
	return { ...(JSON.parse(JSON.stringify(encodePending(pending))) as StoredPending), ...overrides };
}

describe('isStoredBaseline', () => {
	it('accepts what this version writes, through either source', () => {
		expect(isStoredBaseline(storedBaseline())).toBe(true);
		expect(isStoredBaseline({ ...storedBaseline(), source: 'api' })).toBe(true);
		expect(BASELINE_VERSION).toBe(2);
	});

	it('refuses a value with any one field of the wrong shape', () => {
		const good = storedBaseline() as unknown as Record<string, unknown>;
		const broken: Array<[string, unknown]> = [
			['v', 1],
			['v', '2'],
			['listed', '4'],
			['listed', undefined],
			['scope', 1],
			['source', 'other'],
			['source', undefined],
			['records', ['a']],
			['domains', 'example.com'],
			['domains', undefined],
		];
		for (const [field, value] of broken) {
			expect([field, isStoredBaseline({ ...good, [field]: value })]).toEqual([field, false]);
		}
	});

	it('refuses nothing, null and primitives', () => {
		for (const value of [undefined, null, 2, 'v2', true]) expect(isStoredBaseline(value)).toBe(false);
	});
});

describe('isStoredPending', () => {
	it('accepts what this version writes: a SCIM or API cursor, with or without proving', () => {
		expect(isStoredPending(storedPending())).toBe(true);
		expect(isStoredPending(storedPending({ resume: { source: 'scim', startIndex: 1, totalResults: null, lastId: null } }))).toBe(
			true,
		);
		expect(isStoredPending(storedPending({ source: 'api', resume: { source: 'api' } }))).toBe(true);
		expect(isStoredPending(storedPending({ source: 'api', resume: { source: 'api', nextCursor: 'next-page' } }))).toBe(true);
		expect(isStoredPending(storedPending({ proving: { via: { source: 'scim' }, gone: ['a'], deactivated: [] } }))).toBe(true);
		expect(isStoredPending(storedPending({ proving: { via: { source: 'scim' }, gone: [], deactivated: ['b'] } }))).toBe(true);
	});

	it('refuses a value with any one field of the wrong shape', () => {
		const broken: Array<[string, Record<string, unknown>]> = [
			['v', { v: 2 }],
			['scope', { scope: 3 }],
			['baselineAt', { baselineAt: null }],
			['source', { source: 'other' }],
			['source and resume', { source: undefined }],
			['consistent', { consistent: 'true' }],
			['records', { records: undefined }],
			['domains', { domains: {} }],
			['names', { names: null }],
			['names', { names: 'x' }],
			['resume', { resume: null }],
			['resume', { resume: 'cursor' }],
			['resume of another source', { resume: { source: 'api' } }],
			['resume of no source', { resume: { startIndex: 1, totalResults: null, lastId: null } }],
			['startIndex', { resume: { ...SCIM_CURSOR, startIndex: '101' } }],
			['totalResults', { resume: { ...SCIM_CURSOR, totalResults: '300' } }],
			['totalResults', { resume: { ...SCIM_CURSOR, totalResults: undefined } }],
			['lastId', { resume: { ...SCIM_CURSOR, lastId: 7 } }],
			['lastId', { resume: { ...SCIM_CURSOR, lastId: undefined } }],
			['proving', { proving: null }],
			['proving', { proving: 'yes' }],
			['proving via', { proving: { via: { source: 'api' }, gone: [], deactivated: [] } }],
			['proving via', { proving: { gone: [], deactivated: [] } }],
			['proving gone', { proving: { via: { source: 'scim' }, gone: 'a', deactivated: [] } }],
			['proving gone', { proving: { via: { source: 'scim' }, gone: [1], deactivated: [] } }],
			['proving deactivated', { proving: { via: { source: 'scim' }, gone: [], deactivated: undefined } }],
			['proving deactivated', { proving: { via: { source: 'scim' }, gone: [], deactivated: [null] } }],
		];
		for (const [field, change] of broken) {
			expect([field, isStoredPending(storedPending(change as Partial<StoredPending>))]).toEqual([field, false]);
		}
		// The API cursor's own field.
		const api = storedPending({ source: 'api', resume: { source: 'api', nextCursor: 5 } as never });
		expect(isStoredPending(api)).toBe(false);
	});

	it('refuses nothing, null and primitives', () => {
		for (const value of [undefined, null, 1, 'pending', false]) expect(isStoredPending(value)).toBe(false);
	});
});

describe('readBaseline', () => {
	it('reads nothing stored as no baseline', () => {
		expect(readBaseline(undefined)).toEqual({ state: 'none' });
		expect(readBaseline(null)).toEqual({ state: 'none' });
	});

	it('reads the current format as it is', () => {
		const read = readBaseline(storedBaseline(7));
		expect(read.state).toBe('ok');
		if (read.state !== 'ok') return;
		expect(read.migratedFrom).toBeUndefined();
		expect(read.baseline.listed).toBe(7);
		expect(read.baseline.members.size).toBe(members.length);
		expect(read.baseline.scope).toBe('cred-1');
	});

	it('migrates format 1 (no listing size): the members it kept stand for the size', () => {
		const { listed: _listed, ...rest } = storedBaseline(9);
		const read = readBaseline({ ...rest, v: 1 });
		expect(read.state).toBe('ok');
		if (read.state !== 'ok') return;
		expect(read.migratedFrom).toBe(1);
		expect(read.baseline.listed).toBe(members.length);
		expect(read.baseline.members.size).toBe(members.length);
		expect(read.baseline.source).toBe('scim');
	});

	it('refuses damaged member records of either format, naming the format', () => {
		expect(readBaseline({ ...storedBaseline(), records: 'garbage' })).toEqual({
			state: 'unreadable',
			reason: expect.stringContaining('damaged (stored format 2)') as unknown as string,
		});
		expect(readBaseline({ ...storedBaseline(), v: 1, records: 'garbage' })).toEqual({
			state: 'unreadable',
			reason: expect.stringContaining('damaged (stored format 1)') as unknown as string,
		});
		// A v2 value missing a field the v2 shape needs is damaged too, not taken as v1.
		const { listed: _listed, ...noSize } = storedBaseline();
		expect(readBaseline(noSize)).toMatchObject({ state: 'unreadable', reason: expect.stringContaining('format 2') });
	});

	it('refuses a newer format as newer, and anything else as no format it wrote', () => {
		expect(readBaseline({ ...storedBaseline(), v: 3 })).toMatchObject({
			state: 'unreadable',
			reason: expect.stringContaining('newer version of this node (stored format 3, this version reads up to 2)'),
		});
		const foreign = [{ ...storedBaseline(), v: 2.5 }, { ...storedBaseline(), v: '3' }, { ...storedBaseline(), v: 0 }, { records: '' }, 3, 'baseline', true];
		for (const stored of foreign) {
			const read = readBaseline(stored);
			expect(read).toMatchObject({ state: 'unreadable' });
			if (read.state === 'unreadable') {
				expect(read.reason).toMatch(/not in any format this node ever wrote/);
				expect(read.reason).not.toMatch(/newer/);
			}
		}
	});
});
