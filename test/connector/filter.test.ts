import { parse } from 'scim2-parse-filter';
import { eqFilter } from '../../nodes/common/connector/scim/filter';
import { removeMembersOperations } from '../../nodes/common/connector/scim/patchOps';
import type { HttpTransport } from '../../nodes/common/connector/transport';
import { generateSeed, type Emulator, type Seed } from '../../tools/notion-emulator';
import { directoryOn, startWorkspace } from './workspace';

describe('SCIM filter escaping', () => {
	it.each([
		'ada@acme.test',
		'x" or userName pr or userName eq "y',
		'back\\slash\\" or 1 eq 1',
		'new\nline and "quotes"',
		'Ünïcødé ☃',
	])('keeps %j one string literal of one eq comparison', (value) => {
		const filter = eqFilter('userName', value);
		// A SCIM string literal is a JSON string: decoding it gives back exactly the value.
		expect(JSON.parse(filter.slice('userName eq '.length))).toBe(value);
		// An independent SCIM filter parser sees one comparison, no `or` / `pr` smuggled in.
		expect(parse(filter)).toMatchObject({ op: 'eq', attrPath: 'userName' });
	});

	it('escapes ids inside the members[value eq ...] remove path too', () => {
		const [op] = removeMembersOperations(['a" or value pr or value eq "b'], 'pathFilter');
		const inner = /^members\[(.*)\]$/.exec(op.path ?? '')?.[1] ?? '';
		expect(parse(inner)).toEqual({ op: 'eq', attrPath: 'value', compValue: 'a" or value pr or value eq "b' });
	});
});

/**
 * Lookups by email under every filter support a SCIM server may have: Notion's documented
 * attributes only, RFC's only, or both; an unknown attribute refused (400 invalidFilter) or
 * answered with nobody. Each setting gives the right answer: the member, or null only on
 * evidence that could have found them.
 */
describe('finding a member by email on any SCIM server', () => {
	const seed: Seed = generateSeed({ members: 130, bots: 1, guests: 1, groups: 0, deactivated: 0, seed: 9 });
	let emulator: Emulator | undefined;
	afterEach(() => emulator?.stop());

	const SETTINGS = (['notion', 'rfc', 'both'] as const).flatMap((filters) =>
		(['invalidFilter', 'empty'] as const).map((unknown) => ({ filters, unknown })),
	);

	it.each(SETTINGS)('filters $filters, unknown attribute $unknown', async ({ filters, unknown }) => {
		emulator = await startWorkspace({ seed, behaviours: { scimUserFilters: filters, scimUnknownFilter: unknown } });
		const { directory } = directoryOn(emulator);
		const far = seed.members[120];
		expect((await directory.findMemberByEmail(far.email.toUpperCase())).value?.id).toBe(far.id);
		expect((await directory.findMemberByEmail('nobody@acme.test')).value).toBeNull();
		const many = await directory.findMembersByEmail([far.email, seed.members[3].email, 'nobody@acme.test']);
		expect(many.value.get(far.email)?.id).toBe(far.id);
		expect(many.value.get(seed.members[3].email)?.id).toBe(seed.members[3].id);
		expect(many.value.get('nobody@acme.test')).toBeNull();
	});

	it('a server that ignores filters: found on any page, absent only after the listing', async () => {
		emulator = await startWorkspace({ seed });
		const ignoreFilters = (transport: HttpTransport): HttpTransport => (request) =>
			transport({ ...request, url: request.url.replace(/filter=[^&]*&?/, '') });
		const { directory } = directoryOn(emulator, { wrap: ignoreFilters });
		const far = seed.members[120];
		expect((await directory.findMemberByEmail(far.email)).value?.id).toBe(far.id);
		emulator.control.resetLog();
		expect((await directory.findMemberByEmail('nobody@acme.test')).value).toBeNull();
		// The whole listing (2 pages) was read: the absence is proven, not assumed.
		expect(emulator.control.requestCounts()['GET /scim/v2/Users']).toBeGreaterThanOrEqual(2);
	});

});
