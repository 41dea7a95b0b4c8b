/**
 * The oracle of the write sequences: what the node said about one operation against what the
 * emulator holds before and after it (the truth). A write reported must have happened, a write
 * that happened must be reported (or, when a refusal or a redirect met the read that confirms it,
 * said to be of unknown outcome: never refused), lookups find exactly the member or group named,
 * listings are the truth, a redirect is called one, and nothing else in the workspace moves.
 */
import type { IDataObject } from 'n8n-workflow';

import type { WorkspaceSnapshot } from '../../../../tools/notion-emulator';
import { mayFail, type OpFault, type Operation } from './operations';

/** What the node said: its output items, or the failure (an error item, or the run's error). */
export interface Said {
	items: IDataObject[];
	failure?: { message: string; kind?: string; applied?: IDataObject };
}

export interface Problem {
	/** `false`: the node said what is not so; `lost`: Notion did something the node did not say. */
	kind: 'false' | 'lost';
	text: string;
}

type Snapshot = WorkspaceSnapshot;
const lower = (text: string) => text.toLowerCase();
const memberOf = (truth: Snapshot, email: string) => truth.members.find((member) => lower(member.email) === lower(email));
const groupOf = (truth: Snapshot, name: string) => truth.groups.find((group) => group.displayName === name);
const sorted = (values: unknown) => (Array.isArray(values) ? values.map(String).sort() : []);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const ids = (values: string[] | undefined) => JSON.stringify([...(values ?? [])].sort());
const within = (part: string[], whole: string[]) => part.every((id) => whole.includes(id));

/**
 * A failure that says the write's outcome is unknown: the read that would confirm it failed
 * (an error item's kind, or the words every such message holds when the run failed).
 */
function saysUnknown(failure: Said['failure']): boolean {
	return failure !== undefined && (failure.kind === 'outcome_unknown' || /may have been applied/.test(failure.message));
}

export function judge(operation: Operation, fault: OpFault, before: Snapshot, after: Snapshot, said: Said): Problem[] {
	const problems: Problem[] = [];
	const wrong = (text: string) => problems.push({ kind: 'false', text });
	const lost = (text: string) => problems.push({ kind: 'lost', text });
	const failed = said.failure;
	if (failed && !excused(operation, before, fault)) wrong(`failed although every fault was recoverable: ${failed.message}`);
	// Only a refusal or a redirect can keep the confirming read from answering; only a write has one.
	if (saysUnknown(failed) && (!mayFail(fault) || WRITES[operation.kind] !== true)) wrong(`said the outcome is unknown where no refusal or redirect met a write's confirming read: ${failed?.message}`);
	// A redirect is never the user's input: where the fault, not the operation, made it fail, it says redirect.
	if (failed && fault.kind === 'redirect' && !excused(operation, before, { kind: 'none' }) && (failed.kind === 'invalid_input' || !/redirect/i.test(failed.message))) {
		wrong(`a redirect was reported as ${failed.kind ?? 'this'}: ${failed.message}`);
	}
	if (!failed && said.items.length !== 1 && !isListing(operation)) wrong(`answered ${said.items.length} items for one`);
	// A failure that says nothing was changed must leave the workspace as it was.
	if (failed && /nothing was changed/.test(failed.message) && !same(before, after)) wrong(`said nothing was changed, but the workspace moved: ${failed.message}`);
	const item = said.items[0] ?? {};
	const emails = after.members.map((member) => lower(member.email));
	if (new Set(emails).size !== emails.length) wrong('left two members with one email');

	switch (operation.kind) {
		case 'createUser': {
			const was = memberOf(before, operation.email);
			const now = memberOf(after, operation.email);
			const changed = !same(was, now);
			if (failed) {
				if (changed && !saysUnknown(failed)) lost(`Notion now holds ${JSON.stringify(now)} (was ${JSON.stringify(was)}) but the node said: ${failed.message}`);
			} else if (!now?.active || item.id !== now.id) {
				wrong(`said ${JSON.stringify(item)} but Notion holds ${JSON.stringify(now)}`);
			} else if (was?.active) {
				if (operation.ifAlreadyMember === 'fail') wrong('succeeded for someone already a member, with If Already a Member = Fail');
				if (item.created !== false || item.reactivated !== false || changed) wrong(`said created ${item.created}, reactivated ${item.reactivated} for a member who already was one`);
			} else if (item.created !== true || item.reactivated !== (was !== undefined)) {
				wrong(`said created ${item.created}, reactivated ${item.reactivated}; before, Notion held ${JSON.stringify(was)}`);
			}
			break;
		}
		case 'removeUser': {
			const was = memberOf(before, operation.email);
			const now = memberOf(after, operation.email);
			if (failed) {
				// A removal applied but not confirmed may be reported as unknown, never as refused or failed.
				if (!same(was, now) && !saysUnknown(failed)) lost(`Notion now holds ${JSON.stringify(now)} (was ${JSON.stringify(was)}) but the node said: ${failed.message}`);
				if (saysUnknown(failed) && now?.active === true) wrong(`said the removal may have been applied, but Notion holds ${JSON.stringify(now)}`);
			} else if (was === undefined) {
				if (item.removed !== false || item.notFound !== true || !same(was, now)) wrong(`said ${JSON.stringify(item)} for no member`);
			} else if (item.removed !== true || item.id !== was.id || now?.active) {
				// A deactivated member too: the lookup goes through SCIM, which sees her (never the standard API's "not found").
				wrong(`said ${JSON.stringify(item)} but Notion holds ${JSON.stringify(now)}`);
			}
			break;
		}
		case 'updateUser': {
			const was = memberOf(before, operation.email);
			const now = memberOf(after, operation.email);
			if (failed) {
				// A change applied but not confirmed may be reported as unknown, never as failed.
				if (!same(was, now) && !saysUnknown(failed)) lost(`Notion now holds ${JSON.stringify(now)} (was ${JSON.stringify(was)}) but the node said: ${failed.message}`);
			} else if (was === undefined || now === undefined || item.id !== was.id) {
				wrong(`said ${JSON.stringify(item)} for ${operation.email}; Notion held ${JSON.stringify(was)}`);
			} else if ((operation.name !== undefined && now.name !== operation.name) || (operation.active !== undefined && now.active !== operation.active)) {
				wrong(`succeeded but Notion holds ${JSON.stringify(now)} for ${JSON.stringify(operation)}`);
			} else if (item.name !== now.name || item.active !== now.active) {
				wrong(`said ${JSON.stringify(item)} but Notion holds ${JSON.stringify(now)}`);
			}
			break;
		}
		case 'renameGroup': {
			const was = groupOf(before, operation.group);
			const now = after.groups.find((group) => group.id === was?.id);
			if (failed) {
				if (was !== undefined && now?.displayName !== was.displayName && !saysUnknown(failed)) lost(`Notion renamed the group to ${JSON.stringify(now?.displayName)} but the node said: ${failed.message}`);
			} else if (was === undefined || item.id !== was.id || item.name !== operation.name || now?.displayName !== operation.name) {
				wrong(`said ${JSON.stringify(item)} but Notion holds ${JSON.stringify(now)} (was ${JSON.stringify(was)})`);
			}
			break;
		}
		case 'getUser': {
			const truth = memberOf(after, operation.email);
			// Through the standard API (a fallback from SCIM) the active status is unknown: null.
			const activeOk = item.active === truth?.active || (item.active === null && item.source === 'api');
			if (!failed && (truth === undefined || item.id !== truth.id || item.email !== truth.email || !activeOk)) {
				wrong(`found ${JSON.stringify(item)} but Notion holds ${JSON.stringify(truth)}`);
			}
			const miss = ['not_found', 'invalid_input'];
			if (failed && truth === undefined && failed.kind !== undefined && !miss.includes(failed.kind) && !mayFail(fault)) wrong(`a miss failed as ${failed.kind}`);
			break;
		}
		case 'getGroup': {
			const truth = groupOf(after, operation.name);
			if (!failed && (truth === undefined || item.id !== truth.id || item.name !== truth.displayName || !same(sorted(item.memberIds), sorted(truth.memberIds)))) {
				wrong(`found ${JSON.stringify(item)} but Notion holds ${JSON.stringify(truth)}`);
			}
			break;
		}
		case 'addMembers':
		case 'removeMembers': {
			const was = groupOf(before, operation.group)?.memberIds ?? [];
			const now = groupOf(after, operation.group)?.memberIds ?? [];
			const gained = now.filter((id) => !was.includes(id));
			const dropped = was.filter((id) => !now.includes(id));
			const applied = failed ? (failed.applied ?? {}) : item;
			const sayAdded = sorted(applied.added);
			const sayRemoved = sorted(applied.removed);
			const asked = operation.emails.map((email) => memberOf(before, email)?.id).filter((id): id is string => id !== undefined);
			if (saysUnknown(failed)) {
				// What the answers confirmed happened; what else happened is among the members named.
				if (!within(sayAdded, gained) || !within(sayRemoved, dropped) || !within(gained, asked) || !within(dropped, asked)) {
					wrong(`said added ${JSON.stringify(sayAdded)}, removed ${JSON.stringify(sayRemoved)} with the rest unknown; Notion gained ${JSON.stringify(gained)}, dropped ${JSON.stringify(dropped)}`);
				}
			} else if (ids(sayAdded) !== ids(gained) || ids(sayRemoved) !== ids(dropped)) {
				(failed ? lost : wrong)(`said added ${JSON.stringify(sayAdded)}, removed ${JSON.stringify(sayRemoved)}; Notion gained ${JSON.stringify(gained)}, dropped ${JSON.stringify(dropped)}`);
			}
			if (!failed) {
				const wrongSide = asked.filter((id) => now.includes(id) !== (operation.kind === 'addMembers'));
				if (wrongSide.length > 0) wrong(`succeeded but Notion's group still ${operation.kind === 'addMembers' ? 'lacks' : 'holds'} ${JSON.stringify(wrongSide)}`);
			}
			break;
		}
		case 'listUsers': {
			const truth = after.members.filter((member) => member.active).map((member) => member.id);
			// The standard API (a fallback from SCIM) lists the workspace's bots too: only real ones.
			const people = said.items.filter((listed) => listed.type !== 'bot');
			const bots = said.items.filter((listed) => listed.type === 'bot' && !after.bots.some((bot) => bot.id === listed.id));
			if (!failed && (ids(people.map((listed) => String(listed.id))) !== ids(truth) || bots.length > 0)) {
				wrong(`listed ${JSON.stringify(said.items.map((listed) => listed.email ?? listed.id))}; Notion holds ${JSON.stringify(after.members.filter((member) => member.active).map((member) => member.email))}`);
			}
			break;
		}
		case 'groupMembers': {
			if (!failed && groupOf(before, operation.group) === undefined) wrong(`listed members of a group that is not there: ${operation.group}`);
			const active = new Set(after.members.filter((member) => member.active).map((member) => member.id));
			const truth = (groupOf(after, operation.group)?.memberIds ?? []).filter((id) => active.has(id));
			if (!failed && ids(said.items.map((listed) => String(listed.id))) !== ids(truth)) {
				wrong(`listed ${JSON.stringify(said.items.map((listed) => listed.id))}; the group holds ${JSON.stringify(truth)}`);
			}
			break;
		}
	}
	for (const text of untouched(operation, before, after)) wrong(text);
	return problems;
}

const WRITES: Partial<Record<Operation['kind'], true>> = { createUser: true, removeUser: true, updateUser: true, renameGroup: true, addMembers: true, removeMembers: true };

function isListing(operation: Operation): boolean {
	return operation.kind === 'listUsers' || operation.kind === 'groupMembers';
}

/** Whether a failure is the right answer (or allowed by the fault). */
function excused(operation: Operation, before: Snapshot, fault: OpFault): boolean {
	if (mayFail(fault)) return true;
	switch (operation.kind) {
		case 'createUser':
			return operation.ifAlreadyMember === 'fail' && memberOf(before, operation.email)?.active === true;
		case 'getUser':
			return memberOf(before, operation.email) === undefined;
		case 'getGroup':
			return groupOf(before, operation.name) === undefined;
		case 'addMembers':
		case 'removeMembers':
			// Someone named who is no longer an active member, or a group renamed away: the item fails before any change.
			return groupOf(before, operation.group) === undefined || operation.emails.some((email) => memberOf(before, email)?.active !== true);
		case 'groupMembers':
			return groupOf(before, operation.group) === undefined;
		case 'updateUser':
			return memberOf(before, operation.email) === undefined;
		case 'renameGroup': {
			// No such group (renamed away before), or the new name held by another group (case aside).
			const target = groupOf(before, operation.group);
			return target === undefined || before.groups.some((group) => group.id !== target.id && lower(group.displayName) === lower(operation.name));
		}
		default:
			return false;
	}
}

/** What the operation must leave as it was: the other members, the other groups, or everything. */
function untouched(operation: Operation, before: Snapshot, after: Snapshot): string[] {
	const others = (truth: Snapshot, email: string) => truth.members.filter((member) => lower(member.email) !== lower(email));
	switch (operation.kind) {
		case 'createUser':
			return same(others(before, operation.email), others(after, operation.email)) && same(before.groups, after.groups) ? [] : ['changed other members or groups'];
		case 'removeUser':
		case 'updateUser': {
			// A member removed or deactivated may leave her groups.
			const id = memberOf(before, operation.email)?.id;
			const groups = before.groups.map((group) => ({ ...group, memberIds: group.memberIds.filter((member) => member !== id) }));
			const groupsOk = same(before.groups, after.groups) || same(groups, after.groups);
			return same(others(before, operation.email), others(after, operation.email)) && groupsOk ? [] : ['changed other members or groups'];
		}
		case 'addMembers':
		case 'removeMembers': {
			const rest = (truth: Snapshot) => truth.groups.filter((group) => group.displayName !== operation.group);
			return same(before.members, after.members) && same(rest(before), rest(after)) ? [] : ['changed members or other groups'];
		}
		case 'renameGroup': {
			// Only the target's name may change.
			const id = groupOf(before, operation.group)?.id;
			const unnamed = (truth: Snapshot) => truth.groups.map((group) => (group.id === id ? { ...group, displayName: '' } : group));
			return same(before.members, after.members) && same(unnamed(before), unnamed(after)) ? [] : ['changed members, other groups or the members of this one'];
		}
		default:
			return same(before, after) ? [] : ['a read changed the workspace'];
	}
}
