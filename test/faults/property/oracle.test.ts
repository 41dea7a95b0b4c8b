/** The oracle itself: it must catch every kind of wrong output, or the property suite proves nothing. */
import type { IDataObject } from 'n8n-workflow';

import { Oracle } from '../support/oracle';
import type { Truth } from '../support/truth';

const ada = { email: 'ada@acme.test', name: 'Ada', role: 'owner', active: true };
const grace = { email: 'grace@acme.test', name: 'Grace', role: 'member', active: true };

function oracleOn(truth: Truth): Oracle {
	const oracle = new Oracle();
	oracle.baseline(truth);
	return oracle;
}

const added = (id: string, email: string): IDataObject => ({ event: 'member.added', memberId: id, member: { email } });
const removed = (id: string): IDataObject => ({ event: 'member.removed', memberId: id });
const role = (id: string, before: string, after: string): IDataObject => ({
	event: 'member.role_changed',
	memberId: id,
	changedFields: ['role'],
	changes: { role: { before, after } },
});

describe('the oracle', () => {
	it('accepts exactly the true changes', () => {
		const oracle = oracleOn(new Map([['a', ada]]));
		const now: Truth = new Map([
			['a', { ...ada, role: 'member' }],
			['g', grace],
		]);
		const verdict = oracle.check([role('a', 'owner', 'member'), added('g', grace.email)], now, new Set());
		expect(verdict).toMatchObject({ events: 2, lost: 0, duplicated: 0, false: 0 });
	});

	it('counts a change nobody reported as lost', () => {
		const oracle = oracleOn(new Map([['a', ada]]));
		const verdict = oracle.check([], new Map([['a', { ...ada, active: false }]]), new Set());
		expect(verdict).toMatchObject({ lost: 1, duplicated: 0, false: 0 });
	});

	it('lets a member who joined during the listing come one poll later, not never', () => {
		const oracle = oracleOn(new Map([['a', ada]]));
		const now: Truth = new Map([
			['a', ada],
			['g', grace],
		]);
		expect(oracle.check([], now, new Set(['g']))).toMatchObject({ lost: 0 });
		expect(oracle.check([], now, new Set())).toMatchObject({ lost: 1 });
	});

	it('counts a change reported twice as duplicated', () => {
		const oracle = oracleOn(new Map([['a', ada]]));
		const now: Truth = new Map([
			['a', ada],
			['g', grace],
		]);
		expect(oracle.check([added('g', grace.email)], now, new Set())).toMatchObject({ duplicated: 0 });
		expect(oracle.check([added('g', grace.email)], now, new Set())).toMatchObject({ duplicated: 1 });
	});

	it('counts changes that did not happen, or with wrong values, as false', () => {
		const oracle = oracleOn(new Map([['a', ada]]));
		const same: Truth = new Map([['a', ada]]);
		expect(oracle.check([removed('a')], same, new Set())).toMatchObject({ false: 1 });
		expect(oracle.check([role('a', 'owner', 'member')], same, new Set())).toMatchObject({ false: 1 });
		expect(oracle.check([added('x', 'x@acme.test')], same, new Set())).toMatchObject({ false: 1 });
		const demoted: Truth = new Map([['a', { ...ada, role: 'member' }]]);
		expect(oracle.check([role('a', 'restricted_member', 'member')], demoted, new Set())).toMatchObject({ false: 1 });
	});
});
