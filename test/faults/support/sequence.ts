/**
 * Random sequences of workspace changes and faults (fast-check arbitraries): what happens
 * between polls, and what goes wrong during each poll, down to a single page read.
 */
import fc from 'fast-check';

import type { FaultKind, ListFaultKind, Role } from '../../../tools/notion-emulator';
import type { Profile } from './truth';

const ROLES: Role[] = ['owner', 'membership_admin', 'member', 'restricted_member'];

export type Command =
	| { kind: 'join'; name: string; role: Role }
	| { kind: 'remove'; pick: number }
	| { kind: 'rename'; pick: number; name: string }
	| { kind: 'email'; pick: number }
	| { kind: 'role'; pick: number; role: Role }
	| { kind: 'deactivate'; pick: number }
	| { kind: 'reactivate'; pick: number }
	| { kind: 'group'; picks: number[] };

/**
 * What goes wrong during one poll, request by request:
 * - `script`: the next requests get these faults, fewer than the connector's attempts, so the
 *   poll must succeed with exact events;
 * - `outage`: every request fails (SCIM, then the standard API), so the poll must fail (or keep
 *   a pending part), emit nothing and keep its baseline;
 * - `failAfter`: every request from the `at`-th list request on fails: a listing that fails for
 *   good after its first page(s).
 */
export type FaultPlan =
	| { kind: 'none' }
	| { kind: 'script'; faults: FaultKind[] }
	| { kind: 'outage'; seed: number; kinds: FaultKind[] }
	| { kind: 'failAfter'; at: number; seed: number; kinds: FaultKind[] };

/**
 * What happens just before the `at`-th list request (page read) of a poll: a member leaves, a
 * newcomer joins, or the answer is a valid-looking but wrong 200.
 */
export type ListingEvent =
	| { at: number; kind: 'leave'; pick: number }
	| { at: number; kind: 'join'; last: boolean }
	| { at: number; kind: 'wrong'; fault: ListFaultKind };

export interface Step {
	commands: Command[];
	faults: FaultPlan;
	/** A member joins before each later page (SCIM index paging shifts). */
	unstablePaging: boolean;
	during: ListingEvent[];
	/** Requests the poll's listing gets before its budget runs out (virtual time only): the listing spans polls. */
	budget?: number;
	/** SCIM profile: the SCIM token is revoked (fallback to the standard API) or restored before the poll. */
	source?: 'revoke' | 'restore';
}

export interface Sequence {
	profile: Profile;
	steps: Step[];
	/** Seeds the backoff jitter of every poll of the sequence. */
	jitterSeed: number;
	/** Whether the trigger's mass-removal guard keeps its defaults until the closing polls (else it is off throughout). */
	guard: boolean;
	/**
	 * Requests every poll's listing gets, the closing polls included (virtual time only; a step's
	 * own `budget` wins): a workspace longer than any one poll can list, so every listing spans
	 * polls, and members who join beyond the cut are reported only if the parts are joined.
	 */
	pollBudget?: number;
}

/** Faults that a retry gets past (`hang` too, but it costs a real timeout, so it is drawn apart). */
const RETRIED: FaultKind[] = ['429', '500', '502', '503', '504', '529', 'edge502', 'reset', 'malformed', 'truncated'];
const WRONG: ListFaultKind[] = ['emptyList', 'shapelessList', 'shortTotal', 'duplicateMember', 'missingMember'];

/** Names with spaces, accents, quotes, backslashes and emoji: the fingerprint must not care. */
const name = fc.oneof(
	fc.constantFrom('Ada Lovelace', 'Grace Hopper', 'Zoë Ünal', 'O\'Brien "Bob"', 'Back\\slash', '李 小龍', 'Émoji 🚀'),
	fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).map((text) => `N ${text}`),
);

const command: fc.Arbitrary<Command> = fc.oneof(
	{ arbitrary: fc.record({ kind: fc.constant('join' as const), name, role: fc.constantFrom(...ROLES) }), weight: 3 },
	{ arbitrary: fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }), weight: 2 },
	{ arbitrary: fc.record({ kind: fc.constant('rename' as const), pick: fc.nat(), name }), weight: 2 },
	{ arbitrary: fc.record({ kind: fc.constant('email' as const), pick: fc.nat() }), weight: 1 },
	{ arbitrary: fc.record({ kind: fc.constant('role' as const), pick: fc.nat(), role: fc.constantFrom(...ROLES) }), weight: 2 },
	{ arbitrary: fc.record({ kind: fc.constant('deactivate' as const), pick: fc.nat() }), weight: 2 },
	{ arbitrary: fc.record({ kind: fc.constant('reactivate' as const), pick: fc.nat() }), weight: 2 },
	{ arbitrary: fc.record({ kind: fc.constant('group' as const), picks: fc.array(fc.nat(), { maxLength: 3 }) }), weight: 1 },
);

export interface FaultMix {
	/** Whether `hang` may be drawn (it costs a real timeout). */
	hang: boolean;
	/** Whether waits are real (n8n's sleep): then Retry-After faults are rare, outages have none, and no poll budget is drawn. */
	realTime: boolean;
}

const THROTTLED: FaultKind[] = ['429', '529'];
const UNTHROTTLED = RETRIED.filter((kind) => !THROTTLED.includes(kind));

function faultPlan(mix: FaultMix): fc.Arbitrary<FaultPlan> {
	const weighted: Array<fc.WeightedArbitrary<FaultKind>> = [
		{ arbitrary: fc.constantFrom(...UNTHROTTLED), weight: 40 },
		{ arbitrary: fc.constantFrom(...THROTTLED), weight: mix.realTime ? 2 : 10 },
	];
	if (mix.hang) weighted.push({ arbitrary: fc.constant<FaultKind>('hang'), weight: 1 });
	const kinds = fc.oneof(...weighted);
	const outageKinds = mix.realTime ? UNTHROTTLED : RETRIED;
	return fc.oneof(
		{ arbitrary: fc.constant<FaultPlan>({ kind: 'none' }), weight: 4 },
		{ arbitrary: fc.array(kinds, { minLength: 1, maxLength: 4 }).map((faults): FaultPlan => ({ kind: 'script', faults })), weight: 5 },
		{ arbitrary: fc.nat().map((seed): FaultPlan => ({ kind: 'outage', seed, kinds: outageKinds })), weight: 1 },
		{
			arbitrary: fc
				.record({ at: fc.integer({ min: 2, max: 4 }), seed: fc.nat() })
				.map(({ at, seed }): FaultPlan => ({ kind: 'failAfter', at, seed, kinds: outageKinds })),
			weight: 1,
		},
	);
}

const listingEvent: fc.Arbitrary<ListingEvent> = fc.oneof(
	{ arbitrary: fc.record({ at: fc.integer({ min: 2, max: 5 }), kind: fc.constant('leave' as const), pick: fc.nat() }), weight: 3 },
	// First in SCIM order shifts every index; last shifts none, but with a leave keeps the total.
	{ arbitrary: fc.record({ at: fc.integer({ min: 2, max: 5 }), kind: fc.constant('join' as const), last: fc.boolean() }), weight: 2 },
	{ arbitrary: fc.record({ at: fc.integer({ min: 1, max: 4 }), kind: fc.constant('wrong' as const), fault: fc.constantFrom(...WRONG) }), weight: 4 },
);

/**
 * Leaves come no later than the first join, so a newcomer never leaves during the poll it
 * joined in (the oracle sees the workspace before and after a poll, not in between).
 */
function ordered(events: ListingEvent[]): ListingEvent[] {
	const firstJoin = Math.min(...events.filter((e) => e.kind === 'join').map((e) => e.at));
	return events.filter((e) => e.kind !== 'leave' || e.at <= firstJoin).sort((a, b) => a.at - b.at || (a.kind === 'leave' ? -1 : 1));
}

export function sequenceArbitrary(mix: FaultMix, maxSteps = 7): fc.Arbitrary<Sequence> {
	return fc.constantFrom<Profile>('scim', 'scim', 'api').chain((profile) => {
		const drawn: fc.Arbitrary<Step> = fc.record({
				commands: fc.array(command, { maxLength: 4 }),
				faults: faultPlan(mix),
				unstablePaging: fc.boolean(),
				during: fc.oneof(
					{ arbitrary: fc.constant<ListingEvent[]>([]), weight: 3 },
					{ arbitrary: fc.array(listingEvent, { minLength: 1, maxLength: 2 }).map(ordered), weight: 2 },
				),
				budget: mix.realTime ? fc.constant(undefined) : fc.option(fc.integer({ min: 1, max: 4 }), { freq: 4, nil: undefined }),
				source: profile === 'scim' ? fc.option(fc.constantFrom('revoke' as const, 'restore' as const), { freq: 5, nil: undefined }) : fc.constant(undefined),
		});
		// Unstable paging adds newcomers during the poll: none of them may leave in the same poll.
		const step = drawn.map((one) => (one.unstablePaging ? { ...one, during: one.during.filter((e) => e.kind !== 'leave') } : one));
		return fc.record({
			profile: fc.constant(profile),
			steps: fc.array(step, { minLength: 2, maxLength: maxSteps }),
			jitterSeed: fc.nat(),
			guard: fc.boolean(),
			// One sequence in five lists a workspace longer than any poll can (2 or 3 pages of 3 a poll).
			pollBudget: mix.realTime
				? fc.constant(undefined)
				: fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: fc.integer({ min: 2, max: 3 }), weight: 1 }),
		});
	});
}
