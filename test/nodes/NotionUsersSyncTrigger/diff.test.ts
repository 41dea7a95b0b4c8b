import {
	baselineFrom,
	dedupe,
	diff,
	disappeared,
	indexMembers,
	viewOf,
	type MemberChange,
} from '../../../nodes/NotionUsersSyncTrigger/diff';
import { encodeId, type Baseline } from '../../../nodes/NotionUsersSyncTrigger/storedBaseline';
import type { Member, Source } from '../../../nodes/common/connector/model';
import { asApi, bot, person } from './members';

function baseline(source: Source, members: Member[]): Baseline {
	return baselineFrom(viewOf(source, members), indexMembers(members));
}

/** Diffs with every disappearance confirmed, as after a consistent listing from the same source. */
function changesBetween(previous: Baseline, source: Source, members: Member[]): MemberChange[] {
	const view = viewOf(source, members);
	const listed = indexMembers(members);
	return diff(previous, view, listed, new Set(disappeared(previous, view, listed))).changes;
}

function summary(changes: MemberChange[]): string[] {
	return changes.map((change) =>
		change.type === 'removed' ? `removed ${change.id}` : `${change.type} ${change.member.id}`,
	);
}

const team = [person(1), person(2), person(3, { active: false }), person(4, { role: 'owner' })];

describe('diff, same source', () => {
	it('finds nothing when nothing changed', () => {
		expect(changesBetween(baseline('scim', team), 'scim', team)).toEqual([]);
	});

	it('reports a join and a confirmed departure', () => {
		const previous = baseline('scim', team);
		const now = [team[0], team[2], team[3], person(5)];
		const changes = changesBetween(previous, 'scim', now);
		expect(summary(changes)).toEqual([`added ${person(5).id}`, `removed ${encodeId(team[1].id)}`]);
		const removed = changes[1];
		expect(removed.type === 'removed' && removed.previous).toEqual({
			kind: 'active',
			role: team[1].role,
			nameHash: expect.any(String),
			email: team[1].email,
		});
	});

	it('keeps a member whose disappearance is not confirmed, and reports nothing', () => {
		const previous = baseline('scim', team);
		const now = team.slice(1);
		const result = diff(previous, viewOf('scim', now), indexMembers(now), new Set());
		expect(result.changes).toEqual([]);
		expect(result.next.members.get(encodeId(team[0].id))).toEqual(previous.members.get(encodeId(team[0].id)));
	});

	it('reports a rename (name only, old value not kept) and an email change with both values', () => {
		const previous = baseline('scim', team);
		const renamed = { ...team[0], name: 'Ada King', familyName: 'King' };
		const moved = { ...team[1], email: 'grace@new-domain.com' };
		const changes = changesBetween(previous, 'scim', [renamed, moved, team[2], team[3]]);
		expect(changes).toEqual([
			{ type: 'updated', member: renamed, fields: ['name'], previousEmail: team[0].email },
			{ type: 'updated', member: moved, fields: ['email'], previousEmail: team[1].email },
		]);
	});

	it('reports role changes, deactivations and reactivations with their own events', () => {
		const previous = baseline('scim', team);
		const promoted = { ...team[0], role: 'restricted_member' as const };
		const deactivated = { ...team[1], active: false };
		const reactivated = { ...team[2], active: true };
		const changes = changesBetween(previous, 'scim', [promoted, deactivated, reactivated, team[3]]);
		expect(changes).toEqual([
			{ type: 'role_changed', member: promoted, before: 'membership_admin', after: 'restricted_member' },
			{ type: 'deactivated', member: deactivated },
			{ type: 'reactivated', member: reactivated },
		]);
	});

	it('does not report what the source could not see this time (hidden role, no email)', () => {
		const previous = baseline('scim', team);
		const hidden = { ...team[0], role: 'unknown' as const, email: null };
		const result = diff(previous, viewOf('scim', team), indexMembers([hidden, ...team.slice(1)]), new Set());
		expect(result.changes).toEqual([]);
		// The last known values stay, so a real change is still seen once they are visible again.
		expect(result.next.members.get(encodeId(team[0].id))).toMatchObject({ role: team[0].role, email: team[0].email });
		const promoted = { ...team[0], role: 'owner' as const };
		expect(summary(changesBetween(result.next, 'scim', [promoted, ...team.slice(1)]))).toEqual([
			`role_changed ${team[0].id}`,
		]);
	});

	it('reports changes of bots like any member (the caller filters them)', () => {
		const previous = baseline('api', [asApi(team[0]), bot(1)]);
		expect(summary(changesBetween(previous, 'api', [asApi(team[0])]))).toEqual([
			`removed ${encodeId(bot(1).id)}`,
		]);
	});
});

describe('diff across a source change', () => {
	const withBots = [...team.map(asApi).filter((_, i) => team[i].active), bot(1)];

	it('SCIM → standard API: no role or status changes, bots appear silently, deactivated members are kept', () => {
		const previous = baseline('scim', team);
		const result = diff(previous, viewOf('api', withBots), indexMembers(withBots), new Set());
		expect(result.changes).toEqual([]);
		expect(disappeared(previous, viewOf('api', withBots), indexMembers(withBots))).toEqual([]);
		// Role and status stay as SCIM last saw them.
		expect(result.next.members.get(encodeId(team[3].id))).toMatchObject({ kind: 'active', role: 'owner' });
		expect(result.next.members.get(encodeId(team[2].id))).toMatchObject({ kind: 'deactivated' });
		expect(result.next.members.has(encodeId(bot(1).id))).toBe(true);
	});

	it('standard API → SCIM: bots are kept, deactivated members reappear silently, real changes still count', () => {
		const previous = diff(baseline('scim', team), viewOf('api', withBots), indexMembers(withBots), new Set()).next;
		const promoted = { ...team[0], role: 'owner' as const };
		const now = [promoted, team[1], team[2], team[3], person(9)];
		const changes = changesBetween(previous, 'scim', now);
		expect(summary(changes)).toEqual([`role_changed ${team[0].id}`, `added ${person(9).id}`]);
	});

	it('a member first seen deactivated by SCIM after a standard-API baseline is not a join', () => {
		const previous = baseline('api', team.filter((member) => member.active).map(asApi));
		expect(changesBetween(previous, 'scim', team)).toEqual([]);
	});

	it('a deactivated member hidden by the switch who comes back on the standard API is no rename', () => {
		const onApi = diff(baseline('scim', team), viewOf('api', withBots), indexMembers(withBots), new Set()).next;
		const back = [...withBots, { ...asApi(team[2]), name: `${team[2].name} (API spelling)` }];
		const result = diff(onApi, viewOf('api', back), indexMembers(back), new Set());
		expect(summary(result.changes)).toEqual([]);
		// The next listing from the same source compares names again.
		const renamed = back.map((member) => (member.id === team[2].id ? { ...member, name: 'Someone Else' } : member));
		expect(summary(diff(result.next, viewOf('api', renamed), indexMembers(renamed), new Set()).changes)).toEqual([
			`updated ${team[2].id}`,
		]);
	});

	it('a name that the two sources spell differently is not a rename', () => {
		const previous = baseline('scim', team);
		const apiView = withBots.map((member) => ({ ...member, name: `${member.name} (API)` }));
		expect(diff(previous, viewOf('api', apiView), indexMembers(apiView), new Set()).changes).toEqual([]);
	});
});

describe('dedupe', () => {
	it('keeps one entry per id, the last one seen', () => {
		const later = { ...team[0], name: 'Later' };
		expect(dedupe([team[0], team[1], later])).toEqual([later, team[1]]);
	});
});

describe('indexMembers', () => {
	it('keys members by encoded id and keeps the last one seen in the place of the first', () => {
		const later = { ...team[0], name: 'Later' };
		const listed = indexMembers([team[0], team[1], later]);
		expect([...listed.keys()]).toEqual([encodeId(team[0].id), encodeId(team[1].id)]);
		expect([...listed.values()]).toEqual([later, team[1]]);
	});

	it('adds to an index: known members replaced in place, new ones after', () => {
		const listed = indexMembers([team[0], team[1]]);
		const found = { ...team[1], name: 'Found' };
		const joined = indexMembers([found, team[2]], new Map(listed));
		expect([...joined.values()]).toEqual([team[0], found, team[2]]);
		expect([...listed.values()]).toEqual([team[0], team[1]]);
	});
});
