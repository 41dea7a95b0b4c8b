/**
 * Judges the trigger's events against the truth. It keeps what the trigger's output has told a
 * workflow so far ("believed") and the workspace as it was at every moment the trigger's
 * current listing may have seen it ("window": from the start of the first poll of that listing
 * to now, as a listing may span polls and the workspace may change between two page reads).
 * - false: an event no moment of the window supports: above all a `member.removed` or
 *   `member.deactivated` for someone who never left or never was deactivated;
 * - duplicated: an event for a change already reported;
 * - lost: after a poll that could prove every change (a complete, fault-free listing of a stable
 *   workspace), a change it did not report. A poll that could not prove a change (a wrong
 *   answer, changes during the listing, a listing cut by its budget or by a failure) may leave
 *   it to a later poll. With a poll budget on every poll, lost is judged once the closing polls
 *   settled (`settle`): a listing cut at the same place poll after poll never sees who joined
 *   beyond the cut.
 * A person first listed deactivated whom the workflow holds no record of (a newcomer, someone
 * reported removed) is announced only once active, with `member.added`; a `member.added` of a
 * deactivated person is false.
 */
import type { IDataObject } from 'n8n-workflow';

import type { WorkspaceSnapshot } from '../../../tools/notion-emulator';
import { truthOf, type Profile, type Truth, type Visible } from './truth';

export interface Verdict {
	events: number;
	lost: number;
	duplicated: number;
	false: number;
	/** True `member.removed` and `member.deactivated` events. */
	removalsConfirmed: number;
	/** One line per problem, for the failure message. */
	problems: string[];
}

export function emptyVerdict(): Verdict {
	return { events: 0, lost: 0, duplicated: 0, false: 0, removalsConfirmed: 0, problems: [] };
}

export function addVerdict(total: Verdict, one: Verdict): void {
	total.events += one.events;
	total.lost += one.lost;
	total.duplicated += one.duplicated;
	total.false += one.false;
	total.removalsConfirmed += one.removalsConfirmed;
	total.problems.push(...one.problems);
}

/** The trigger's default mass-removal guard: more than 10 people, or more than 20%, and never one alone. */
export const GUARD = { maxCount: 10, maxPercent: 20 };

type Field = keyof Visible;

/** How a poll ended, for `check`. */
export interface PollEnd {
	snapshot: WorkspaceSnapshot;
	/** The source of the trigger's baseline after the poll. */
	source: Profile;
	/** Whether the poll completed a listing (no pending part left). */
	completed: boolean;
	/** Whether the poll could prove every change (see the file comment). */
	proving: boolean;
}

export class Oracle {
	private believed?: Map<string, Visible>;
	private source: Profile = 'scim';
	private window: WorkspaceSnapshot[] = [];
	/**
	 * Fields across a source change (`id field`): names (each source spells them its own way) and
	 * the role and status the standard API never showed. The trigger may report them then, later,
	 * or take them silently.
	 */
	private fieldsUnsure = new Set<string>();
	/**
	 * Members a source change shows without any change (guests to the standard API): taken
	 * silently, or reported as added once if the switch's listing missed them.
	 */
	private arrivalsUnsure = new Set<string>();
	/**
	 * Members the new source did not list at a source change (deactivated people under the
	 * standard API): the name the belief holds came from the other source, so a rename made
	 * while hidden may go unreported when they are listed again.
	 */
	private namesFromOtherSource = new Set<string>();

	get hasBaseline(): boolean {
		return this.believed !== undefined;
	}

	baseline(snapshot: WorkspaceSnapshot, source: Profile): void {
		this.believed = cloneTruth(truthOf(snapshot, source));
		this.source = source;
		this.window = [snapshot];
	}

	/** The workspace as a poll begins, or after a failed poll (which may have changed it while listing). */
	observe(snapshot: WorkspaceSnapshot): void {
		if (this.hasBaseline) this.window.push(snapshot);
	}

	/**
	 * Whether the guard may trip now: the true removals since the last report exceed its
	 * limits. The trigger counts against its own baseline, so the percentage has some slack.
	 */
	guardMayTrip(snapshot: WorkspaceSnapshot, source: Profile): { may: boolean; cutOff: number; size: number } {
		const believed = this.believed ?? new Map<string, Visible>();
		const now = truthOf(snapshot, source);
		let cutOff = 0;
		for (const [id, known] of believed) {
			const real = now.get(id);
			if (real === undefined || (known.active === true && real.active === false)) cutOff += 1;
		}
		const size = believed.size;
		const may = cutOff >= 2 && (cutOff > GUARD.maxCount || cutOff * 100 > GUARD.maxPercent * size * 0.8);
		return { may, cutOff, size };
	}

	check(items: readonly IDataObject[], end: PollEnd): Verdict {
		const believed = this.believed;
		if (believed === undefined) throw new Error('check before baseline');
		this.window.push(end.snapshot);
		const truths = this.window.map((snapshot) => truthOf(snapshot, end.source));
		const members = new Set(end.snapshot.members.map((member) => member.id));
		const switched = end.completed && end.source !== this.source;
		const verdict = emptyVerdict();
		const flag = (kind: 'false' | 'duplicated' | 'lost', text: string) => {
			verdict[kind] += 1;
			verdict.problems.push(`${kind}: ${text}`);
		};
		const seen = (id: string) => truths.map((truth) => truth.get(id));

		let sourceEvents = 0;
		for (const item of items) {
			verdict.events += 1;
			let event = String(item.event);
			if (event === 'source.changed') {
				sourceEvents += 1;
				if (!switched || item.to !== end.source) flag('false', `source.changed to ${String(item.to)} (source is ${end.source}, was ${this.source})`);
				continue;
			}
			const id = String(item.memberId);
			const known = believed.get(id);
			const states = seen(id);
			const present = states.filter((state): state is Visible => state !== undefined);
			const label = `${event} ${id}`;
			// The standard API cannot tell a reactivation from an arrival.
			if (event === 'member.reactivated' && known === undefined && end.source === 'api') event = 'member.added';
			if (event === 'member.added') {
				const member = (item.member ?? {}) as IDataObject;
				const email = String(member.email);
				// The moment the listing saw: the state that agrees with the item on every field it shows.
				const fits = (state: Visible) => (Object.keys(state) as Field[]).every((field) => state[field] === member[field]);
				const match = present.filter(fits).at(-1) ?? present.filter((state) => state.email === email).at(-1);
				if (known !== undefined && !this.arrivalsUnsure.delete(id)) flag('duplicated', label);
				else if (present.length === 0) flag('false', `${label} (not in the workspace)`);
				else if (member.active === false) flag('false', `${label} (announced deactivated)`);
				else if (match === undefined) flag('false', `${label} with email ${email}, is ${present.at(-1)?.email}`);
				else believed.set(id, { ...match });
				continue;
			}
			if (event === 'member.removed') {
				if (known === undefined) flag('duplicated', `${label} (already gone)`);
				else if (states.every((state) => state !== undefined)) flag('false', `${label} (still in the workspace)`);
				else if (known.active === false && end.source === 'api' && members.has(id)) flag('false', `${label} (deactivated, not removed)`);
				else {
					verdict.removalsConfirmed += 1;
					believed.delete(id);
				}
				continue;
			}
			if (known === undefined || present.length === 0) {
				flag('false', `${label} (${known === undefined ? 'not known before' : 'not in the workspace'})`);
				continue;
			}
			const changes = (item.changes ?? {}) as Record<string, IDataObject>;
			const claims: Array<[Field, unknown, unknown]> = [];
			if (event === 'member.updated') {
				for (const field of item.changedFields as string[]) {
					if (field === 'email') claims.push(['email', changes.email?.before, changes.email?.after]);
					else if (field === 'name') claims.push(['name', undefined, changes.name?.after]);
					else flag('false', `${label} names an unknown field ${field}`);
				}
			} else if (event === 'member.role_changed') {
				claims.push(['role', changes.role?.before, changes.role?.after]);
			} else if (event === 'member.deactivated' || event === 'member.reactivated') {
				claims.push(['active', !(event === 'member.reactivated'), event === 'member.reactivated']);
			} else {
				flag('false', `${label}: unexpected event`);
			}
			for (const [field, before, after] of claims) {
				if (!present.some((state) => state[field] === after)) {
					flag('false', `${label}: ${field} → ${String(after)}, is ${String(present.at(-1)?.[field])}`);
				} else if (this.fieldsUnsure.delete(`${id} ${field}`)) {
					Object.assign(known, { [field]: after });
					if (event === 'member.deactivated') verdict.removalsConfirmed += 1;
				} else if (known[field] === after) flag('duplicated', `${label}: ${field} already ${String(after)}`);
				else if (before !== undefined && known[field] !== undefined && before !== known[field]) {
					flag('false', `${label}: ${field} was ${String(known[field])}, event says ${String(before)}`);
				} else {
					Object.assign(known, { [field]: after });
					if (event === 'member.deactivated') verdict.removalsConfirmed += 1;
				}
			}
		}

		if (!end.completed) return verdict;
		const now = truths[truths.length - 1];
		if (switched) {
			if (sourceEvents === 0) flag('lost', `source change ${this.source} → ${end.source}`);
			for (const id of now.keys()) this.fieldsUnsure.add(`${id} name`);
			for (const id of believed.keys()) if (!now.has(id)) this.namesFromOtherSource.add(id);
			for (const [id, known] of believed) {
				if (end.source === 'scim' && known.role === undefined) this.fieldsUnsure.add(`${id} role`);
				if (end.source === 'scim' && known.active === undefined) this.fieldsUnsure.add(`${id} active`);
			}
			for (const id of switchSource(believed, now, end.source, end.snapshot)) this.arrivalsUnsure.add(id);
			this.source = end.source;
		} else if (end.proving) {
			this.findLost(believed, now, flag);
			this.fieldsUnsure.clear();
			this.arrivalsUnsure.clear();
		}
		this.window = [end.snapshot];
		return verdict;
	}

	/** After the closing polls settled: whatever changed and was never reported is lost. */
	settle(snapshot: WorkspaceSnapshot): Verdict {
		const believed = this.believed;
		if (believed === undefined) throw new Error('settle before baseline');
		const verdict = emptyVerdict();
		this.findLost(believed, truthOf(snapshot, this.source), (kind, text) => {
			verdict[kind] += 1;
			verdict.problems.push(`${kind}: ${text}`);
		});
		this.window = [snapshot];
		return verdict;
	}

	private findLost(believed: Map<string, Visible>, now: Truth, flag: (kind: 'lost', text: string) => void): void {
		for (const id of new Set([...now.keys(), ...believed.keys()])) {
			const known = believed.get(id);
			const real = now.get(id);
			// Deactivated when SCIM last showed it: the standard API cannot tell what became of it.
			if (this.source === 'api' && known?.active === false && real === undefined) continue;
			if (real === undefined) {
				flag('lost', `removal of ${id}`);
				believed.delete(id);
				continue;
			}
			if (known === undefined) {
				// A person first listed deactivated is announced once active.
				if (real.active === false) continue;
				flag('lost', `arrival of ${id}`);
				believed.set(id, { ...real });
				continue;
			}
			if (this.namesFromOtherSource.delete(id)) known.name = real.name;
			for (const field of Object.keys(real) as Field[]) {
				if (this.fieldsUnsure.has(`${id} ${field}`)) Object.assign(known, { [field]: real[field] });
				if (known[field] !== real[field]) {
					flag('lost', `${field} of ${id}: ${String(known[field])} → ${String(real[field])}`);
					Object.assign(known, { [field]: real[field] });
				}
			}
		}
	}
}

/**
 * What a source change shows or hides without any member change: to the standard API,
 * deactivated members disappear and guests appear; back to SCIM, guests go, roles and status
 * show again (deactivated people the belief lacks are announced once active). Names are
 * compared within one source only, so a rename at the switch is not expected. The belief
 * follows silently; any other real change stays to be reported.
 */
function switchSource(believed: Map<string, Visible>, now: Truth, to: Profile, snapshot: WorkspaceSnapshot): string[] {
	const guests = new Set(snapshot.guests.map((guest) => guest.id));
	const shown: string[] = [];
	for (const [id, known] of [...believed]) {
		// Guests leave the belief on the way back to SCIM (it does not list them). Deactivated members
		// stay believed under the standard API: hidden there, seen again with SCIM.
		if (to === 'scim' && guests.has(id) && known.active === undefined) believed.delete(id);
	}
	for (const [id, real] of now) {
		const known = believed.get(id);
		if (known === undefined) {
			if (to === 'api' && guests.has(id)) {
				believed.set(id, { ...real });
				shown.push(id);
			}
			continue;
		}
		if (to === 'scim') {
			if (known.role === undefined) known.role = real.role;
			if (known.active === undefined) known.active = real.active;
		}
	}
	return shown;
}

function cloneTruth(truth: Truth): Map<string, Visible> {
	return new Map([...truth].map(([id, visible]) => [id, { ...visible }]));
}
