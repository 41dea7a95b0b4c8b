/**
 * PatchOp (RFC 7644 §3.5.2) bodies for the changes the connector makes. Forms chosen for the
 * widest acceptance: the role goes in the no-path value-object form (paths holding the
 * extension URN's colons are parsed inconsistently across SCIM servers).
 */
import type { MemberChanges } from '../model';
import { eqFilter } from './filter';
import { NOTION_USER_EXTENSION, PATCH_OP_SCHEMA } from './schemas';

export interface PatchOperation {
	op: 'add' | 'remove' | 'replace';
	path?: string;
	value?: unknown;
}

export interface PatchBody {
	schemas: string[];
	Operations: PatchOperation[];
}

/** How group members are removed: the RFC path filter, or Okta's value-array form. */
export type MemberRemoveForm = 'pathFilter' | 'valueArray';

export function patchBody(operations: PatchOperation[]): PatchBody {
	return { schemas: [PATCH_OP_SCHEMA], Operations: operations };
}

export function memberChangeOperations(changes: MemberChanges): PatchOperation[] {
	const operations: PatchOperation[] = [];
	const name: Record<string, string> = {};
	if (changes.name !== undefined) name.formatted = changes.name;
	if (changes.givenName !== undefined) name.givenName = changes.givenName;
	if (changes.familyName !== undefined) name.familyName = changes.familyName;
	// RFC 7644 §3.5.2.3: sub-attributes left out of the value keep their current values.
	if (Object.keys(name).length > 0) operations.push({ op: 'replace', path: 'name', value: name });
	if (changes.email !== undefined) {
		operations.push({ op: 'replace', path: 'userName', value: changes.email });
		operations.push({ op: 'replace', path: 'emails', value: [{ value: changes.email, primary: true }] });
	}
	if (changes.active !== undefined) operations.push({ op: 'replace', path: 'active', value: changes.active });
	if (changes.role !== undefined) {
		operations.push({ op: 'replace', value: { [NOTION_USER_EXTENSION]: { role: changes.role } } });
	}
	return operations;
}

export function addMembersOperation(userIds: string[]): PatchOperation {
	return { op: 'add', path: 'members', value: userIds.map((value) => ({ value })) };
}

export function removeMembersOperations(userIds: string[], form: MemberRemoveForm): PatchOperation[] {
	if (form === 'valueArray') {
		return [{ op: 'remove', path: 'members', value: userIds.map((value) => ({ value })) }];
	}
	return userIds.map((id) => ({ op: 'remove', path: `members[${eqFilter('value', id)}]` }));
}

export function renameGroupOperation(name: string): PatchOperation {
	return { op: 'replace', path: 'displayName', value: name };
}

export function chunk<T>(items: T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
	return chunks;
}
