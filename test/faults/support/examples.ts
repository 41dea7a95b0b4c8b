/**
 * Sequences every run plays first (fast-check `examples`), so that the known ways to get a
 * false removal are always tried, whatever the seed: a valid-looking but wrong first page, a
 * short total, a leave and a join between two page reads, a listing that fails for good after
 * page 1, a listing over several polls, and a source change there and back (with a member the
 * switch hid coming back).
 */
import type { Sequence, Step } from './sequence';

const quiet: Step = { commands: [], faults: { kind: 'none' }, unstablePaging: false, during: [] };
const step = (partial: Partial<Step>): Step => ({ ...quiet, ...partial });
const sequence = (profile: Sequence['profile'], steps: Step[]): Sequence => ({ profile, steps: [quiet, ...steps], jitterSeed: 1, guard: true });

export const EXAMPLES: Sequence[] = [
	sequence('scim', [step({ during: [{ at: 1, kind: 'wrong', fault: 'emptyList' }] })]),
	sequence('scim', [step({ during: [{ at: 1, kind: 'wrong', fault: 'shapelessList' }] })]),
	sequence('api', [step({ during: [{ at: 1, kind: 'wrong', fault: 'emptyList' }] })]),
	sequence('scim', [step({ during: [{ at: 1, kind: 'wrong', fault: 'shortTotal' }] })]),
	sequence('scim', [step({ during: [{ at: 2, kind: 'wrong', fault: 'missingMember' }] })]),
	sequence('scim', [step({ during: [{ at: 2, kind: 'wrong', fault: 'duplicateMember' }] })]),
	sequence('scim', [
		step({
			during: [
				{ at: 2, kind: 'leave', pick: 0 },
				{ at: 2, kind: 'join', last: true },
			],
		}),
	]),
	sequence('scim', [step({ faults: { kind: 'failAfter', at: 2, seed: 1, kinds: ['503'] } })]),
	sequence('scim', [step({ commands: [{ kind: 'remove', pick: 3 }], budget: 1 }), step({ budget: 2 })]),
	sequence('scim', [step({ commands: [{ kind: 'deactivate', pick: 1 }], source: 'revoke' }), step({ commands: [{ kind: 'remove', pick: 2 }] }), step({ source: 'restore' })]),
	// A member hidden by the switch (deactivated) comes back under the standard API: only an arrival back, no rename.
	sequence('scim', [step({ source: 'revoke' }), step({ commands: [{ kind: 'reactivate', pick: 0 }] })]),
];
