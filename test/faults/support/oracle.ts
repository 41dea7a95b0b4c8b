/**
 * Judges the trigger's events against the truth. It keeps what the trigger's output has told a
 * workflow so far ("believed") and, after each successful poll, checks every event against the
 * workspace and the belief, then checks that the belief caught up with the workspace:
 * - false: an event the workspace contradicts (a change that did not happen, a wrong value);
 * - duplicated: an event for a change already reported;
 * - lost: a change the poll should have reported and did not.
 * Members that joined while the poll was listing (unstable paging) may come one poll later.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Truth, Visible } from './truth';

export interface Verdict {
	events: number;
	lost: number;
	duplicated: number;
	false: number;
	/** One line per problem, for the failure message. */
	problems: string[];
}

export function emptyVerdict(): Verdict {
	return { events: 0, lost: 0, duplicated: 0, false: 0, problems: [] };
}

export function addVerdict(total: Verdict, one: Verdict): void {
	total.events += one.events;
	total.lost += one.lost;
	total.duplicated += one.duplicated;
	total.false += one.false;
	total.problems.push(...one.problems);
}

type Field = keyof Visible;

export class Oracle {
	private believed?: Map<string, Visible>;

	get hasBaseline(): boolean {
		return this.believed !== undefined;
	}

	baseline(truth: Truth): void {
		this.believed = new Map([...truth].map(([id, visible]) => [id, { ...visible }]));
	}

	/** `joinedDuring`: ids that joined while the poll was listing. */
	check(items: readonly IDataObject[], truth: Truth, joinedDuring: ReadonlySet<string>): Verdict {
		const believed = this.believed;
		if (believed === undefined) throw new Error('check before baseline');
		const verdict = emptyVerdict();
		const flag = (kind: 'false' | 'duplicated' | 'lost', text: string) => {
			verdict[kind] += 1;
			verdict.problems.push(`${kind}: ${text}`);
		};

		for (const item of items) {
			verdict.events += 1;
			const event = String(item.event);
			const id = String(item.memberId);
			const known = believed.get(id);
			const real = truth.get(id);
			const label = `${event} ${id}`;
			if (event === 'member.added') {
				if (known !== undefined) flag('duplicated', label);
				else if (real === undefined) flag('false', `${label} (not in the workspace)`);
				else {
					const member = item.member as IDataObject;
					if (member.email !== real.email) flag('false', `${label} with email ${String(member.email)}, is ${real.email}`);
					believed.set(id, { ...real });
				}
				continue;
			}
			if (event === 'member.removed') {
				if (known === undefined) flag('duplicated', `${label} (already gone)`);
				else if (real !== undefined) flag('false', `${label} (still in the workspace)`);
				else believed.delete(id);
				continue;
			}
			if (known === undefined || real === undefined) {
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
				if (after !== real[field]) flag('false', `${label}: ${field} → ${String(after)}, is ${String(real[field])}`);
				else if (known[field] === real[field]) flag('duplicated', `${label}: ${field} already ${String(after)}`);
				else if (before !== undefined && before !== known[field]) {
					flag('false', `${label}: ${field} was ${String(known[field])}, event says ${String(before)}`);
				} else Object.assign(known, { [field]: real[field] });
			}
		}

		for (const id of new Set([...truth.keys(), ...believed.keys()])) {
			if (joinedDuring.has(id) && !believed.has(id)) continue;
			const known = believed.get(id);
			const real = truth.get(id);
			if (real === undefined) {
				flag('lost', `removal of ${id}`);
				believed.delete(id);
				continue;
			}
			if (known === undefined) {
				flag('lost', `arrival of ${id}`);
				believed.set(id, { ...real });
				continue;
			}
			for (const field of Object.keys(real) as Field[]) {
				if (known[field] !== real[field]) {
					flag('lost', `${field} of ${id}: ${String(known[field])} → ${String(real[field])}`);
					Object.assign(known, { [field]: real[field] });
				}
			}
		}
		return verdict;
	}
}
