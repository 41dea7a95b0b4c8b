/**
 * The mass-removal guard's arithmetic, at its edges: a limit is the most allowed (reaching it does
 * not trip), 0 turns a limit off, bots and non-removals do not count, one departure never trips,
 * and the message names the numbers and only the limits in force.
 */
import type { MemberChange } from '../../../nodes/NotionUsersSyncTrigger/diff';
import { checkGuard, DEFAULT_GUARD, describeTrip } from '../../../nodes/NotionUsersSyncTrigger/guard';
import type { Kind } from '../../../nodes/NotionUsersSyncTrigger/storedBaseline';
import { person } from './members';

function removed(n: number, kind: Kind = 'active'): MemberChange {
	return { type: 'removed', id: `id-${n}`, previous: { kind, role: 'member', nameHash: null, email: null } };
}

function removals(count: number, kind: Kind = 'active'): MemberChange[] {
	return Array.from({ length: count }, (_, n) => removed(n, kind));
}

function deactivations(count: number): MemberChange[] {
	return Array.from({ length: count }, (_, n) => ({ type: 'deactivated', member: person(n, { active: false }) }) as const);
}

describe('mass-removal guard limits', () => {
	it('allows exactly Max Removals per Poll and trips one above it', () => {
		const limits = { maxCount: 10, maxPercent: 0 };
		expect(checkGuard(removals(10), 1000, limits)).toBeUndefined();
		expect(checkGuard(removals(11), 1000, limits)).toEqual({ cutOff: 11, baselineSize: 1000, limits });
	});

	it('allows exactly Max Removal Percentage and trips above it', () => {
		const limits = { maxCount: 0, maxPercent: 20 };
		expect(checkGuard(removals(20), 100, limits)).toBeUndefined();
		expect(checkGuard(removals(21), 100, limits)).toEqual({ cutOff: 21, baselineSize: 100, limits });
	});

	it('trips when either limit is passed, and never with both limits off', () => {
		expect(checkGuard(removals(11), 1000, DEFAULT_GUARD)?.cutOff).toBe(11);
		expect(checkGuard(removals(3), 10, DEFAULT_GUARD)?.cutOff).toBe(3);
		expect(checkGuard(removals(2), 10, DEFAULT_GUARD)).toBeUndefined();
		expect(checkGuard(removals(100), 100, { maxCount: 0, maxPercent: 0 })).toBeUndefined();
	});

	it('never trips on a single departure, even of the only member', () => {
		expect(checkGuard(removals(1), 1, { maxCount: 1, maxPercent: 1 })).toBeUndefined();
		expect(checkGuard(removals(2), 2, { maxCount: 1, maxPercent: 1 })?.cutOff).toBe(2);
	});

	it('counts deactivations, not bots leaving nor other changes', () => {
		const limits = { maxCount: 2, maxPercent: 0 };
		expect(checkGuard(deactivations(3), 100, limits)?.cutOff).toBe(3);
		expect(checkGuard(removals(5, 'bot'), 100, limits)).toBeUndefined();
		const others: MemberChange[] = [
			{ type: 'added', member: person(1) },
			{ type: 'reactivated', member: person(2) },
			{ type: 'role_changed', member: person(3), before: 'member', after: 'owner' },
			{ type: 'updated', member: person(4), fields: ['name'], previousEmail: null },
		];
		expect(checkGuard([...others, ...others, ...removals(2)], 100, limits)).toBeUndefined();
		expect(checkGuard([...removals(2), ...removals(4, 'bot'), ...deactivations(1)], 100, limits)?.cutOff).toBe(3);
	});
});

describe('mass-removal guard message', () => {
	it('names the count, the baseline, the share and both limits', () => {
		const { message, description } = describeTrip({ cutOff: 12, baselineSize: 250, limits: DEFAULT_GUARD });
		expect(message).toContain('12 of 250 members removed or deactivated (4.8%)');
		expect(message).toMatch(/more than the 10 people or 20% of the members allowed$/);
		expect(description).toMatch(/Nothing was emitted and the stored baseline is unchanged/);
	});

	it('names only the limits in force', () => {
		expect(describeTrip({ cutOff: 30, baselineSize: 100, limits: { maxCount: 0, maxPercent: 25 } }).message).toMatch(
			/\(30%\), more than the 25% of the members allowed$/,
		);
		expect(describeTrip({ cutOff: 30, baselineSize: 1000, limits: { maxCount: 20, maxPercent: 0 } }).message).toMatch(
			/\(3%\), more than the 20 people allowed$/,
		);
	});

	it('rounds the share to one decimal, and calls an empty baseline 100%', () => {
		expect(describeTrip({ cutOff: 2, baselineSize: 3, limits: DEFAULT_GUARD }).message).toContain('(66.7%)');
		expect(describeTrip({ cutOff: 2, baselineSize: 0, limits: DEFAULT_GUARD }).message).toContain('2 of 0 members removed or deactivated (100%)');
	});
});
