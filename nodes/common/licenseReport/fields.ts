/**
 * A license report's fields beyond the workspace, and their reader: every value checked, naming
 * the field, before any request (the time zone too, against the runtime's IANA zones). The node
 * that offers the report adds its own way to choose the workspace.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { NotionAdminError } from '../connector/errors';
import { checkTimeout } from '../connector/organization/statusPolling';
import { requireTimeZone } from '../connector/organization/reportRequest';
import { quoteValue } from '../connector/redact';
import { optionsCollection } from '../operationKit/fields';
import { invalidInput } from '../operationKit/itemInput';
import { booleanParameter, optionParameter } from '../operationKit/parameters';
import { LISTED_IN_SUMMARY, type ReclaimAction, type ReclaimRole } from './plan';

export type OutputMode = 'summary' | 'plan' | 'planAndGuests';

const OUTPUTS: Array<INodePropertyOptions & { value: OutputMode }> = [
	{ name: 'Summary Only', value: 'summary' },
	{ name: 'Summary + One Item per Member of the Plan', value: 'plan' },
	{ name: 'Summary + Plan Items + One Item per Guest', value: 'planAndGuests' },
];

const ACTIONS: Array<INodePropertyOptions & { value: ReclaimAction }> = [
	{ name: 'Downgrade to Restricted Member', value: 'downgrade' },
	{ name: 'Remove From the Workspace', value: 'remove' },
];

const ROLES: Array<INodePropertyOptions & { value: ReclaimRole }> = [
	{ name: 'Member', value: 'member' },
	{ name: 'Membership Admin', value: 'membership_admin' },
	{ name: 'Restricted Member', value: 'restricted_member' },
];

const MAX_DAYS = 365;

export const licenseReportOptionFields: INodeProperties[] = [
	{
		displayName: 'Inactive After (Days)',
		name: 'inactiveAfterDays',
		type: 'number',
		default: 30,
		typeOptions: { minValue: 1, maxValue: MAX_DAYS },
		description: 'The report covers the last this many days (today included) in the time zone; a member with no active day in them is inactive',
	},
	{
		displayName: 'Time Zone',
		name: 'timeZone',
		type: 'string',
		default: 'UTC',
		placeholder: 'e.g. Europe/Berlin',
		description: 'The IANA time zone whose days the report counts',
	},
	{
		displayName: 'Wait Timeout (Seconds)',
		name: 'timeoutSeconds',
		type: 'number',
		default: 600,
		typeOptions: { minValue: 0 },
		description: 'How long to wait for Notion to make the report. At the timeout the item fails naming the report; Notion goes on making it.',
	},
	optionsCollection([
		{
			displayName: 'Exempt Permission Groups',
			name: 'exemptGroups',
			type: 'string',
			default: '',
			placeholder: 'e.g. Leadership, 5e0b2c7a-1b2c-4d3e-8f90-123456789abc',
			description: 'Names or IDs of permission groups (separated by commas, or an array from an expression) whose members are never in the reclaim plan',
		},
		{
			displayName: 'Include AI Credit Usage',
			name: 'includeAiCredits',
			type: 'boolean',
			default: true,
			description: "Whether to read each member's Notion AI credits in the current billing period and the top users",
		},
		{
			displayName: 'Inactive Seat Items',
			name: 'inactiveItems',
			type: 'boolean',
			default: false,
			description: `Whether to output one item per inactive seat, with its active days, page views and edits (the summary lists the first ${LISTED_IN_SUMMARY} and counts them all)`,
		},
		{ displayName: 'Output', name: 'output', type: 'options', options: OUTPUTS, default: 'summary', description: 'One summary item, and on request one item per member of the plan and per guest' },
		{ displayName: 'Reclaim Action', name: 'reclaimAction', type: 'options', options: ACTIONS, default: 'downgrade', description: 'What the plan proposes for an inactive member' },
		{
			displayName: 'Reclaim Roles',
			name: 'reclaimRoles',
			type: 'multiOptions',
			options: ROLES,
			default: ['member', 'membership_admin'],
			description: 'Inactive members of these roles are in the plan; owners never are',
		},
	]),
];

export interface LicenseReportOptions {
	days: number;
	timeZone: string;
	timeoutMs: number;
	output: OutputMode;
	action: ReclaimAction;
	roles: ReclaimRole[];
	/** Names or IDs, as given (trimmed, no duplicates). */
	exemptGroups: string[];
	includeAiCredits: boolean;
	/** One item per inactive seat besides the summary (default: none). */
	inactiveItems?: boolean;
}

export interface LicenseReportParameters extends LicenseReportOptions {
	workspaceId: string;
}

function readDays(ctx: IExecuteFunctions, itemIndex: number): number {
	const value = ctx.getNodeParameter('inactiveAfterDays', itemIndex) as unknown;
	if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 1 && value <= MAX_DAYS) return value;
	throw invalidInput(ctx, itemIndex, 'Inactive After (Days)', `${quoteValue(value)} is not a whole number from 1 to ${MAX_DAYS}`, `Notion's reports reach back at most ${MAX_DAYS} days: give e.g. 30, 90 or ${MAX_DAYS}.`);
}

function readTimeoutMs(ctx: IExecuteFunctions, itemIndex: number): number {
	const value = ctx.getNodeParameter('timeoutSeconds', itemIndex) as unknown;
	if (typeof value !== 'number') {
		throw new NotionAdminError('invalid_input', `${quoteValue(value)} is not a number of seconds`, 'Give a number such as 600', { field: 'Wait Timeout (Seconds)' });
	}
	return checkTimeout(value * 1000, 'Wait Timeout (Seconds)');
}

function readNames(value: unknown): string[] {
	const entries = Array.isArray(value) ? value : String(value ?? '').split(',');
	return [...new Set(entries.map((entry) => String(entry).trim()).filter((entry) => entry !== ''))];
}

function readRoles(ctx: IExecuteFunctions, itemIndex: number, options: IDataObject, action: ReclaimAction): ReclaimRole[] {
	const field = 'Options → Reclaim Roles';
	const value = options.reclaimRoles ?? ['member', 'membership_admin'];
	const list = Array.isArray(value) ? value : [value];
	const wrong = list.find((role) => !ROLES.some((option) => option.value === role));
	if (wrong !== undefined || list.length === 0) {
		throw invalidInput(ctx, itemIndex, field, wrong === undefined ? 'no role is chosen' : `${quoteValue(wrong)} is not a role the plan can take`, `Use some of: ${ROLES.map((role) => role.value).join(', ')} (owners never).`);
	}
	if (action === 'downgrade' && list.includes('restricted_member')) {
		throw invalidInput(ctx, itemIndex, field, 'restricted members cannot be downgraded further', 'Leave Restricted Member out, or set Reclaim Action to Remove From the Workspace.');
	}
	return [...new Set(list as ReclaimRole[])];
}

/** Everything the report takes but the workspace. */
export function readLicenseReportOptions(ctx: IExecuteFunctions, itemIndex: number): LicenseReportOptions {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const action = optionParameter(ctx, itemIndex, 'options.reclaimAction', 'Options → Reclaim Action', ACTIONS, 'downgrade');
	return {
		days: readDays(ctx, itemIndex),
		timeZone: requireTimeZone(ctx.getNodeParameter('timeZone', itemIndex, 'UTC'), 'Time Zone'),
		timeoutMs: readTimeoutMs(ctx, itemIndex),
		output: optionParameter(ctx, itemIndex, 'options.output', 'Options → Output', OUTPUTS, 'summary'),
		action,
		roles: readRoles(ctx, itemIndex, options, action),
		exemptGroups: readNames(options.exemptGroups),
		includeAiCredits: booleanParameter(ctx, itemIndex, 'options.includeAiCredits', 'Options → Include AI Credit Usage', true),
		inactiveItems: booleanParameter(ctx, itemIndex, 'options.inactiveItems', 'Options → Inactive Seat Items', false),
	};
}
