/**
 * PatchOp (RFC 7644 §3.5.2) bodies for the changes the connector makes. Forms chosen for the
 * widest acceptance: the role goes in the no-path value-object form (paths holding the
 * extension URN's colons are parsed inconsistently across SCIM servers).
 */
import type { Member, MemberChanges } from '../model';
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

export function memberChangeOperations(changes: MemberChanges, current: Member | null = null): PatchOperation[] {
	const operations: PatchOperation[] = [...nameOperations(changes, current)];
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

/**
 * A name change writes every name attribute a server shows, so they stay in step: RFC servers
 * keep `displayName`, `name.formatted` and the parts apart (Notion keeps one name). A full name
 * alone splits into given (first word) and family name (the rest) when the member shows parts;
 * one part alone makes the full name with the other part as the server holds it (`current`,
 * read first by the caller).
 */
function nameOperations(changes: MemberChanges, current: Member | null): PatchOperation[] {
	if (changes.name === undefined && changes.givenName === undefined && changes.familyName === undefined) return [];
	const showsParts = changes.givenName !== undefined || changes.familyName !== undefined || current === null || current.givenName !== null || current.familyName !== null;
	const [first, ...rest] = (changes.name ?? '').trim().split(/\s+/);
	const given = changes.givenName ?? (changes.name === undefined ? (current?.givenName ?? null) : first);
	const family = changes.familyName ?? (changes.name === undefined ? (current?.familyName ?? null) : rest.join(' ') || null);
	// Without the member as held, one part cannot make the full name.
	const composed = current === null ? '' : [given, family].filter((part) => part !== null).join(' ');
	const formatted = changes.name ?? (composed || undefined);
	const name: Record<string, string> = {};
	if (formatted !== undefined) name.formatted = formatted;
	if (showsParts && given !== null) name.givenName = given;
	if (showsParts && family !== null) name.familyName = family;
	// RFC 7644 §3.5.2.3: sub-attributes left out of the value keep their current values.
	const operations: PatchOperation[] = [{ op: 'replace', path: 'name', value: name }];
	if (showsParts && family === null && current?.familyName != null) operations.push({ op: 'remove', path: 'name.familyName' });
	if (formatted !== undefined) operations.push({ op: 'replace', path: 'displayName', value: formatted });
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
