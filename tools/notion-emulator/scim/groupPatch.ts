/** RFC 7644 PatchOp for Groups: rename and member changes, capped per PATCH, in Notion's accepted forms. */
import { ScimFailure } from '../errors';
import { normalizeId } from '../records';
import type { Behaviours } from '../types';
import { parseScimFilter } from './filter';
import { invalidValue, isObject, str, type PatchOperation } from './patch';

export interface GroupDraft {
	displayName: string;
	members: string[];
}

/** Ids from `[{ value }]`, each an existing active member (checked by the caller's predicate). */
export function memberIds(value: unknown, isActiveMember: (id: string) => boolean): string[] {
	if (!Array.isArray(value)) invalidValue('members (an array of { value })');
	return value.map((item) => {
		const raw = isObject(item) ? item.value : undefined;
		const id = typeof raw === 'string' ? normalizeId(raw) : undefined;
		if (!id || !isActiveMember(id)) {
			throw new ScimFailure(
				400,
				`No active workspace member with id ${String(raw)}`,
				'invalidValue',
			);
		}
		return id;
	});
}

/** `members[value eq "id"]`, optionally several joined by `or`. */
function idsOfMemberFilter(path: string): string[] | undefined {
	if (!/^members\s*\[/i.test(path)) return undefined;
	const filter = parseScimFilter(path);
	const ids: string[] = [];
	const collect = (f: typeof filter): boolean => {
		if (f.op === 'or') return f.filters.every(collect);
		if (f.op === 'eq' && f.attrPath.toLowerCase() === 'value' && typeof f.compValue === 'string') {
			ids.push(normalizeId(f.compValue) ?? f.compValue);
			return true;
		}
		return false;
	};
	if (
		filter.op === '[]' &&
		filter.attrPath.toLowerCase() === 'members' &&
		collect(filter.valFilter)
	)
		return ids;
	throw new ScimFailure(400, `Unsupported member filter: ${path}`, 'invalidPath');
}

export function applyGroupPatch(
	current: GroupDraft,
	ops: PatchOperation[],
	behaviours: Behaviours,
	isActiveMember: (id: string) => boolean,
): GroupDraft {
	let displayName = current.displayName;
	const members = new Set(current.members);
	let touched = 0;
	const take = (ids: string[]) => {
		touched += ids.length;
		if (touched > behaviours.maxMembersPerPatch) {
			throw new ScimFailure(
				400,
				`At most ${behaviours.maxMembersPerPatch} members per PATCH`,
				'tooMany',
			);
		}
		return ids;
	};
	const setAttributes = (op: 'add' | 'replace', attributes: Record<string, unknown>) => {
		for (const [key, v] of Object.entries(attributes)) {
			const k = key.toLowerCase();
			if (k === 'displayname') displayName = str(v, 'displayName');
			else if (k === 'members') {
				const ids = take(memberIds(v, isActiveMember));
				if (op === 'replace') members.clear();
				for (const id of ids) members.add(id);
			} else if (k === 'id' || k === 'meta')
				throw new ScimFailure(400, `${key} is read-only`, 'mutability');
			else if (k !== 'schemas' && k !== 'externalid') {
				throw new ScimFailure(400, `Unsupported path: ${key}`, 'invalidPath');
			}
		}
	};
	for (const { op, path, value } of ops) {
		if (path === undefined) {
			if (!isObject(value)) invalidValue('the operation (an object is needed without a path)');
			setAttributes(op as 'add' | 'replace', value);
			continue;
		}
		const filtered = idsOfMemberFilter(path);
		if (op !== 'remove') {
			if (filtered) throw new ScimFailure(400, `${op} cannot target ${path}`, 'invalidPath');
			setAttributes(op, { [path]: value });
		} else if (filtered) {
			if (behaviours.groupMemberRemoveForm === 'valueArray') {
				throw new ScimFailure(400, `Unsupported path: ${path}`, 'invalidPath');
			}
			for (const id of take(filtered)) members.delete(id);
		} else if (path.toLowerCase() === 'members') {
			if (value === undefined) members.clear();
			else {
				if (behaviours.groupMemberRemoveForm === 'pathFilter') {
					throw new ScimFailure(
						400,
						'Remove members with a path filter: members[value eq "id"]',
						'invalidPath',
					);
				}
				// Removing someone who is not (or no longer) a member is a no-op, so ids are not checked.
				for (const id of take(memberIds(value, () => true))) members.delete(id);
			}
		} else if (path.toLowerCase() === 'displayname') {
			throw new ScimFailure(400, 'displayName cannot be removed', 'mutability');
		} else throw new ScimFailure(400, `Unsupported path: ${path}`, 'invalidPath');
	}
	return { displayName, members: [...members] };
}
