/**
 * The fields the Legal Hold operations share: the hold by ID and the people, and their readers
 * (each checked, naming the field, before any request).
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { NotionAdminError } from '../../../common/connector/errors';
import { requireHoldId } from '../../../common/connector/organization/legalHolds';
import { quoteValue } from '../../../common/connector/redact';
import { readUserIds, userIdsField } from '../permissionGroup/fields';

export const holdIdField: INodeProperties = {
	displayName: 'Legal Hold ID',
	name: 'legalHoldId',
	type: 'string',
	default: '',
	required: true,
	description: 'The ID of the hold, as Get Many or Create returns it',
};

/** The people to hold or release: the same field and reader as a permission group's members. */
export function peopleField(description: string): INodeProperties {
	return userIdsField(`${description} (people of the organization)`);
}

export const readHoldId = (ctx: IExecuteFunctions, itemIndex: number): string =>
	requireHoldId(ctx.getNodeParameter('legalHoldId', itemIndex), 'Legal Hold ID');

export const readPeople = readUserIds;

/** A date and time from the editor's picker or an expression (ISO text or a Date), as epoch ms. */
export function readTime(value: unknown, field: string): number {
	const time = typeof value === 'string' && value.trim() !== '' ? Date.parse(value) : value instanceof Date ? value.getTime() : Number.NaN;
	if (Number.isFinite(time) && time >= 0) return time;
	throw new NotionAdminError('invalid_input', `${quoteValue(value)} is not a date and time`, 'Pick a date, or give one such as 2026-01-31T09:00:00Z', { field });
}
