/** The oracle itself: it must catch every kind of wrong output, or the property suite proves nothing. */
import type { IDataObject } from 'n8n-workflow';

import type { MemberState, WorkspaceSnapshot } from '../../../tools/notion-emulator/types';
import { Oracle, type PollEnd } from '../support/oracle';

const ada: MemberState = { id: 'a', email: 'ada@acme.test', name: 'Ada', role: 'owner', active: true, roleHidden: false };
const grace: MemberState = { id: 'g', email: 'grace@acme.test', name: 'Grace', role: 'member', active: true, roleHidden: false };

function snap(...members: MemberState[]): WorkspaceSnapshot {
	return {
		workspace: { id: 'w', name: 'Acme', plan: 'enterprise', emailCapability: true, userCapability: true },
		scimTokenRevoked: false,
		scimTokenOwnerId: 'a',
		members,
		bots: [],
		guests: [],
		groups: [],
	};
}

function oracleOn(snapshot: WorkspaceSnapshot): Oracle {
	const oracle = new Oracle();
	oracle.baseline(snapshot, 'scim');
	return oracle;
}

const proving = (snapshot: WorkspaceSnapshot): PollEnd => ({ snapshot, source: 'scim', completed: true, proving: true });
const late = (snapshot: WorkspaceSnapshot): PollEnd => ({ snapshot, source: 'scim', completed: true, proving: false });

const added = (id: string, email: string): IDataObject => ({ event: 'member.added', memberId: id, member: { email } });
const removed = (id: string): IDataObject => ({ event: 'member.removed', memberId: id });
const deactivated = (id: string): IDataObject => ({ event: 'member.deactivated', memberId: id });
const role = (id: string, before: string, after: string): IDataObject => ({
	event: 'member.role_changed',
	memberId: id,
	changedFields: ['role'],
	changes: { role: { before, after } },
});

describe('the oracle', () => {
	it('accepts exactly the true changes', () => {
		const oracle = oracleOn(snap(ada));
		const verdict = oracle.check([role('a', 'owner', 'member'), added('g', grace.email)], proving(snap({ ...ada, role: 'member' }, grace)));
		expect(verdict).toMatchObject({ events: 2, lost: 0, duplicated: 0, false: 0 });
	});

	it('counts a change nobody reported as lost, after a poll that could prove it', () => {
		const oracle = oracleOn(snap(ada));
		expect(oracle.check([], proving(snap({ ...ada, active: false })))).toMatchObject({ lost: 1, duplicated: 0, false: 0 });
	});

	it('lets a poll that could not prove a change leave it to the next, not forever', () => {
		const oracle = oracleOn(snap(ada));
		const now = snap(ada, grace);
		expect(oracle.check([], late(now))).toMatchObject({ lost: 0 });
		expect(oracle.check([], proving(now))).toMatchObject({ lost: 1 });
	});

	it('counts a change reported twice as duplicated', () => {
		const oracle = oracleOn(snap(ada));
		const now = snap(ada, grace);
		expect(oracle.check([added('g', grace.email)], proving(now))).toMatchObject({ duplicated: 0 });
		expect(oracle.check([added('g', grace.email)], proving(now))).toMatchObject({ duplicated: 1 });
	});

	it('counts changes that did not happen, or with wrong values, as false', () => {
		const oracle = oracleOn(snap(ada, grace));
		const same = snap(ada, grace);
		expect(oracle.check([removed('g')], late(same))).toMatchObject({ false: 1 });
		expect(oracle.check([deactivated('g')], late(same))).toMatchObject({ false: 1 });
		expect(oracle.check([role('a', 'owner', 'member')], late(same))).toMatchObject({ false: 1 });
		expect(oracle.check([added('x', 'x@acme.test')], late(same))).toMatchObject({ false: 1 });
		const demoted = snap({ ...ada, role: 'member' }, grace);
		expect(oracle.check([role('a', 'restricted_member', 'member')], late(demoted))).toMatchObject({ false: 1 });
	});

	it('takes a removal as true when the member was gone at some moment of the listing', () => {
		const oracle = oracleOn(snap(ada, grace));
		// Grace left while the listing ran (the poll saw the workspace before and after).
		oracle.observe(snap(ada, grace));
		expect(oracle.check([removed('g')], late(snap(ada)))).toMatchObject({ false: 0, removalsConfirmed: 1 });
	});

	it('a listing over several polls may report what it saw at any moment since it began', () => {
		const oracle = oracleOn(snap(ada));
		oracle.observe(snap(ada, grace));
		// The first part of the listing saw Grace; she left before the part that completed it.
		expect(oracle.check([], { snapshot: snap(ada, grace), source: 'scim', completed: false, proving: false })).toMatchObject({ false: 0 });
		oracle.observe(snap(ada));
		expect(oracle.check([added('g', grace.email)], late(snap(ada)))).toMatchObject({ false: 0 });
		// Reported as there, she must be reported gone once a poll can prove it.
		expect(oracle.check([], proving(snap(ada)))).toMatchObject({ lost: 1 });
	});

	it('a source change is reported once; a removal of a member the standard API only hides is false', () => {
		const oracle = oracleOn(snap(ada, { ...grace, active: false }));
		const now = snap(ada, { ...grace, active: false });
		const toApi = { snapshot: now, source: 'api' as const, completed: true, proving: true };
		const change = { event: 'source.changed', from: 'scim', to: 'api' };
		expect(oracle.check([change, removed('g')], toApi)).toMatchObject({ false: 1, lost: 0 });
		expect(oracle.check([change], toApi)).toMatchObject({ false: 1 });
	});

	it('after a switch back to SCIM, a status the standard API never showed may be reported once, late', () => {
		const oracle = oracleOn(snap(ada));
		const api = (snapshot: WorkspaceSnapshot): PollEnd => ({ snapshot, source: 'api', completed: true, proving: true });
		expect(oracle.check([{ event: 'source.changed', to: 'api' }], api(snap(ada)))).toMatchObject({ false: 0, lost: 0 });
		expect(oracle.check([added('g', grace.email)], api(snap(ada, grace)))).toMatchObject({ false: 0, lost: 0 });
		const off = snap(ada, { ...grace, active: false });
		expect(oracle.check([{ event: 'source.changed', to: 'scim' }], proving(off))).toMatchObject({ false: 0, lost: 0 });
		expect(oracle.check([deactivated('g')], late(off))).toMatchObject({ false: 0, duplicated: 0 });
		expect(oracle.check([deactivated('g')], late(off))).toMatchObject({ duplicated: 1 });
	});

	it('with a budget on every poll, what was never reported is lost once the closing polls settled', () => {
		const oracle = oracleOn(snap(ada));
		const now = snap(ada, grace);
		// Polls whose listings were cut by their budget prove nothing: nothing is lost yet...
		expect(oracle.check([], late(now))).toMatchObject({ lost: 0 });
		expect(oracle.check([], late(now))).toMatchObject({ lost: 0 });
		// ...but a joiner beyond the cut that no listing ever reached is lost in the end.
		expect(oracle.settle(now)).toMatchObject({ lost: 1, problems: ['lost: arrival of g'] });
	});

	it('a person first listed deactivated is announced only once active, with member.added', () => {
		const oracle = oracleOn(snap(ada));
		const off = snap(ada, { ...grace, active: false });
		expect(oracle.check([], proving(off))).toMatchObject({ lost: 0 });
		const announced = { event: 'member.added', memberId: 'g', member: { email: grace.email, active: false } };
		expect(oracle.check([announced], late(off))).toMatchObject({ false: 1 });
		expect(oracle.check([], proving(snap(ada, grace)))).toMatchObject({ lost: 1 });
	});

	it('a member reported removed on the standard API, back on SCIM deactivated, then active: added, never reactivated', () => {
		const oracle = oracleOn(snap(ada, grace));
		const api = (snapshot: WorkspaceSnapshot): PollEnd => ({ snapshot, source: 'api', completed: true, proving: true });
		const off = snap(ada, { ...grace, active: false });
		expect(oracle.check([{ event: 'source.changed', to: 'api' }], api(snap(ada, grace)))).toMatchObject({ false: 0, lost: 0 });
		expect(oracle.check([removed('g')], api(off))).toMatchObject({ false: 0, lost: 0, removalsConfirmed: 1 });
		expect(oracle.check([{ event: 'source.changed', to: 'scim' }], proving(off))).toMatchObject({ false: 0, lost: 0 });
		expect(oracle.check([], proving(off))).toMatchObject({ lost: 0 });
		const reactivated = { event: 'member.reactivated', memberId: 'g', changedFields: ['active'], changes: { active: { before: false, after: true } } };
		expect(oracle.check([reactivated], proving(snap(ada, grace)))).toMatchObject({ false: 1 });
	});

	it('a guard trip is expected only when the true removals exceed its limits', () => {
		const members = Array.from({ length: 8 }, (_, n) => ({ ...grace, id: `m${n}`, email: `m${n}@acme.test` }));
		const oracle = oracleOn(snap(ada, ...members));
		expect(oracle.guardMayTrip(snap(ada, ...members.slice(1)), 'scim').may).toBe(false);
		expect(oracle.guardMayTrip(snap(ada, ...members.slice(2)), 'scim').may).toBe(true);
	});
});
