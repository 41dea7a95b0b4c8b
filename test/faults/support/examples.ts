/**
 * Sequences every run plays first (fast-check `examples`), so that the known ways to get a
 * false removal are always tried, whatever the seed: a valid-looking but wrong first page, a
 * short total, a leave and a join between two page reads, a listing that fails for good after
 * page 1, a listing over several polls, and a source change there and back (with a member the
 * switch hid coming back); a workspace longer than every poll can list, with people joining
 * beyond the cut; and a member deactivated under the standard API (reported removed) who is
 * deactivated, then active again, back on SCIM.
 */
import type { Sequence, Step } from './sequence';

const quiet: Step = { commands: [], faults: { kind: 'none' }, unstablePaging: false, during: [] };
const step = (partial: Partial<Step>): Step => ({ ...quiet, ...partial });
const sequence = (profile: Sequence['profile'], steps: Step[], pollBudget?: number): Sequence => ({
	profile,
	steps: [quiet, ...steps],
	jitterSeed: 1,
	guard: true,
	pollBudget,
});
const join: Step['commands'][number] = { kind: 'join', name: 'Joy Ner', role: 'member' };

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
	// Every poll reads 2 pages of 3: the joiners are listed only by the part that completes a listing.
	sequence('scim', [step({ commands: [join, join] }), step({ commands: [{ kind: 'rename', pick: 6, name: 'Late Name' }] })], 2),
	sequence('api', [step({ commands: [join, { kind: 'remove', pick: 5 }] }), step({})], 2),
	sequence('scim', [
		step({ source: 'revoke' }),
		step({ commands: [{ kind: 'deactivate', pick: 1 }] }),
		step({ source: 'restore' }),
		step({ commands: [{ kind: 'reactivate', pick: 0 }, { kind: 'reactivate', pick: 1 }] }),
	]),
];
