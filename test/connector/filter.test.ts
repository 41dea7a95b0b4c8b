import { parse } from 'scim2-parse-filter';
import { eqFilter } from '../../nodes/shared/connector/scim/filter';
import { removeMembersOperations } from '../../nodes/shared/connector/scim/patchOps';

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
