/**
 * Random sequences of workspace changes and faults (fast-check arbitraries), and how they are
 * played against the emulator between and during the trigger's polls.
 */
import fc from 'fast-check';

import type { Emulator, FaultKind, Role, Seed } from '../../emulator';
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
 * What goes wrong during one poll:
 * - `script`: the next requests get these faults, fewer than the connector's attempts, so the
 *   poll must succeed with exact events;
 * - `outage`: every request fails (SCIM, then the standard API), so the poll must fail, emit
 *   nothing and keep its baseline.
 */
export type FaultPlan =
	| { kind: 'none' }
	| { kind: 'script'; faults: FaultKind[] }
	| { kind: 'outage'; seed: number; kinds: FaultKind[] };

export interface Step {
	commands: Command[];
	faults: FaultPlan;
	/** A member joins before each later page (SCIM index paging shifts). */
	unstablePaging: boolean;
}

export interface Sequence {
	profile: Profile;
	steps: Step[];
}

/** Faults that a retry gets past (`hang` too, but it costs a real timeout, so it is drawn apart). */
const RETRIED: FaultKind[] = ['429', '500', '502', '503', '504', '529', 'edge502', 'reset', 'malformed', 'truncated'];

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
	/** Whether waits are real (n8n's sleep): then Retry-After faults are rare and outages have none. */
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
	return fc.oneof(
		{ arbitrary: fc.constant<FaultPlan>({ kind: 'none' }), weight: 3 },
		{ arbitrary: fc.array(kinds, { minLength: 1, maxLength: 4 }).map((faults): FaultPlan => ({ kind: 'script', faults })), weight: 5 },
		{
			arbitrary: fc.nat().map((seed): FaultPlan => ({ kind: 'outage', seed, kinds: mix.realTime ? UNTHROTTLED : RETRIED })),
			weight: 1,
		},
	);
}

export function sequenceArbitrary(mix: FaultMix, maxSteps = 7): fc.Arbitrary<Sequence> {
	const step = fc.record({
		commands: fc.array(command, { maxLength: 4 }),
		faults: faultPlan(mix),
		unstablePaging: fc.boolean(),
	});
	return fc.record({
		profile: fc.constantFrom<Profile>('scim', 'scim', 'api'),
		steps: fc.array(step, { minLength: 2, maxLength: maxSteps }),
	});
}

/** Applies workspace changes the way people do in Notion: directly, not through the API. */
export class WorkspaceEditor {
	private counter = 0;

	/** Joins stop at this many members, so that workspaces stay near their seed's size. */
	private readonly maxMembers: number;

	constructor(
		private readonly emulator: Emulator,
		private readonly ownerId: string,
	) {
		this.maxMembers = emulator.control.snapshot().members.length + 6;
	}

	apply(commands: readonly Command[]): void {
		for (const change of commands) this.applyOne(change);
	}

	private applyOne(change: Command): void {
		const { control } = this.emulator;
		const members = control.snapshot().members.filter((member) => member.id !== this.ownerId);
		const pick = (n: number, among = members) => (among.length === 0 ? undefined : among[n % among.length]);
		const n = ++this.counter;
		switch (change.kind) {
			case 'join':
				if (members.length < this.maxMembers) control.addMember({ email: `joiner${n}@acme.test`, name: change.name, role: change.role });
				return;
			case 'remove': {
				const target = pick(change.pick);
				if (target) control.removeMember(target.id);
				return;
			}
			case 'rename': {
				const target = pick(change.pick);
				if (target) control.updateMember(target.id, { name: change.name });
				return;
			}
			case 'email': {
				const target = pick(change.pick);
				if (target) control.updateMember(target.id, { email: `moved${n}@acme.test` });
				return;
			}
			case 'role': {
				const target = pick(change.pick);
				if (target) control.updateMember(target.id, { role: change.role });
				return;
			}
			case 'deactivate':
			case 'reactivate': {
				const active = change.kind === 'reactivate';
				const target = pick(change.pick, members.filter((member) => member.active !== active));
				if (target) control.updateMember(target.id, { active });
				return;
			}
			case 'group': {
				const active = members.filter((member) => member.active);
				const emails = new Set(change.picks.map((p) => pick(p, active)?.email).filter((e): e is string => e !== undefined));
				control.addGroup({ displayName: `Group ${n}`, memberEmails: [...emails] });
				return;
			}
		}
	}
}

const PEOPLE = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Katherine Johnson', 'Linus Torvalds', 'Margaret Hamilton', 'Barbara Liskov'];

/**
 * 8 people (the last one deactivated) plus `extra` more, a bot and a guest; the owner holds the
 * SCIM token. `extra` makes the listing page at Notion's page size of 100.
 */
export function propertySeed(extra = 0): Seed {
	const people = [...PEOPLE, ...Array.from({ length: extra }, (_, n) => `Extra Person${n}`), 'Dennis Ritchie'];
	const members = people.map((full, index) => {
		const [givenName, familyName] = full.split(' ');
		return {
			id: `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`,
			email: `${full.toLowerCase().replace(/\W+/g, '.')}@acme.test`,
			name: full,
			givenName,
			familyName,
			role: index === 0 ? ('owner' as const) : ROLES[index % ROLES.length],
			active: index !== people.length - 1,
		};
	});
	return {
		workspace: { id: 'ffffffff-ffff-4fff-8fff-ffffffffffff', name: 'Acme', plan: 'enterprise', emailCapability: true },
		tokens: { api: 'secret_faults-property-suite', scim: 'scim-faults-property-suite' },
		scimTokenOwnerId: members[0].id,
		members,
		bots: [{ id: '00000000-0000-4000-8000-00000000b071', name: 'Notion Admin integration' }],
		guests: [{ id: '00000000-0000-4000-8000-0000000065e5', email: 'gus@partner.test', name: 'Gus Guest' }],
		groups: [{ displayName: 'Engineering', memberEmails: [members[1].email] }],
	};
}

/** Arms the emulator for one poll; returns what undoes it. */
export function armFaults(emulator: Emulator, step: Step): () => void {
	const { control } = emulator;
	control.setBehaviours({ unstablePaging: step.unstablePaging });
	if (step.faults.kind === 'script') control.scriptFaults(step.faults.faults);
	if (step.faults.kind === 'outage') control.setFaultRate(1, step.faults.kinds, step.faults.seed);
	return () => {
		control.setFaultRate(0);
		control.setBehaviours({ unstablePaging: false });
	};
}
