/**
 * The property suite's workspace: its seed, and the edits people make in Notion between polls
 * (directly, not through the API).
 */
import type { Emulator, Role, Seed } from '../../../tools/notion-emulator';
import type { Command } from './sequence';

const ROLES: Role[] = ['owner', 'membership_admin', 'member', 'restricted_member'];

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
