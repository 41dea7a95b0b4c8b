/**
 * License Summary with the organization credential: when the trigger also has the Notion
 * Organization API credential and a License Report Workspace, the summary item carries that
 * workspace's license report (seats by role, inactive seats, guests, AI credits, a reclaim plan
 * that changes nothing), made by nodes/common/licenseReport as Get License Report makes it.
 *
 * The report's fields are the shared ones, shown in this mode; its options join the mode's own
 * Options collection (`licenseOptions`), so the shared reader is given a view of the poll's
 * parameters with that one name changed. Everything is read and checked before any request.
 *
 * The report's workspace must be the trigger's own (confirmReportWorkspace): one person is one
 * user id across an organization, so another workspace's inactive seats next to this one's
 * members would lead a later node to downgrade or remove people here on the evidence of there.
 *
 * The wait goes through the organization client's clock (n8n's sleep) and never beyond this
 * poll's time budget: a poll that cannot finish the report fails saying what to do, and emits
 * nothing, so no summary ever claims figures it does not have.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeParameterResourceLocator,
	INodeProperties,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { NotionAdminError } from '../common/connector/errors';
import type { NotionDirectory } from '../common/connector/notionDirectory';
import { requireId } from '../common/connector/validate';
import { licenseReportOptionFields, readLicenseReportOptions, type LicenseReportParameters } from '../common/licenseReport/fields';
import { licenseReportItems, makeLicenseReport } from '../common/licenseReport/makeLicenseReport';
import { hasCredential, ORGANIZATION_CREDENTIAL } from '../common/n8n/credentialSettings';
import { organizationFor } from '../common/n8n/organizationFromContext';
import { invalidInputError, toNodeError } from '../common/n8n/toNodeError';
import { picker } from '../common/operationKit/fields';
import { listingDeadline, type PollClock } from './listing';

const IN_MODE = { show: { mode: ['licenseSummary'] } };
const WORKSPACE_FIELD = 'License Report Workspace';
const CREDENTIAL_NAME = 'Notion Organization API';
/** The report may use the poll's budget up to here; the rest is for emitting. */
const REPORT_SHARE = 0.9;
/** A poll's default budget is 5 minutes: the default wait leaves the listing its time. */
const DEFAULT_WAIT_SECONDS = 180;

const sharedOptions = (licenseReportOptionFields.find((field) => field.name === 'options')?.options ?? []) as INodeProperties[];

/** The report's fields shown in License Summary mode, after the mode's notice. */
export const organizationSummaryFields: INodeProperties[] = [
	{
		displayName: `With a ${CREDENTIAL_NAME} credential and a ${WORKSPACE_FIELD}, the summary also carries that workspace's license report: inactive seats, guests, AI credits and a reclaim plan (nothing is changed). Without them, these fields are not used.`,
		name: 'licenseReportNotice',
		type: 'notice',
		default: '',
		displayOptions: IN_MODE,
	},
	{
		...picker({
			displayName: WORKSPACE_FIELD,
			name: 'reportWorkspace',
			description: `The workspace of this trigger's credentials, as the ${CREDENTIAL_NAME} credential's organization knows it (each poll checks it is: another workspace fails the poll). Leave empty for the summary without the report.`,
			searchListMethod: 'searchWorkspaces',
		}),
		required: false,
		displayOptions: IN_MODE,
	},
	...licenseReportOptionFields
		.filter((field) => field.name !== 'options')
		.map((field): INodeProperties =>
			field.name === 'timeoutSeconds'
				? {
						...field,
						default: DEFAULT_WAIT_SECONDS,
						description:
							"How long a poll waits for Notion to make the report, at most the poll's time budget. At the timeout the poll fails and emits nothing; Notion goes on making it.",
						displayOptions: IN_MODE,
					}
				: { ...field, displayOptions: IN_MODE },
		),
];

/** The report's options, added to License Summary's Options. */
export const organizationSummaryOptions: INodeProperties[] = sharedOptions;

const DEFAULTS: Record<string, unknown> = Object.fromEntries(organizationSummaryFields.map((field) => [field.name, field.default]));

/** The poll's parameters as the shared reader asks for an item's: `options` is `licenseOptions` here. */
function asItemParameters(ctx: IPollFunctions): IExecuteFunctions {
	const local = (name: string) => (name === 'options' || name.startsWith('options.') ? `licenseOptions${name.slice('options'.length)}` : name);
	const view = {
		getNode: () => ctx.getNode(),
		getNodeParameter: (name: string, _itemIndex: number, fallback?: unknown) => ctx.getNodeParameter(local(name), fallback ?? DEFAULTS[name]),
	};
	return view as unknown as IExecuteFunctions;
}

/** The shared reader's errors name an item; a poll has none. */
function inputError(ctx: IPollFunctions, error: unknown): Error {
	if (error instanceof NotionAdminError && error.kind === 'invalid_input' && error.field) {
		return invalidInputError(ctx.getNode(), `${error.field}: ${error.message}`, error.hint);
	}
	if (error instanceof NodeOperationError) {
		return invalidInputError(ctx.getNode(), error.message.replace(/ \[item \d+\]$/, ''), error.description ?? '');
	}
	return toNodeError(ctx.getNode(), error);
}

function workspaceLocator(ctx: IPollFunctions): INodeParameterResourceLocator | string {
	return ctx.getNodeParameter('reportWorkspace', { mode: 'list', value: '' }) as INodeParameterResourceLocator | string;
}

function workspaceValue(ctx: IPollFunctions): string {
	const locator = workspaceLocator(ctx);
	const value = typeof locator === 'object' && locator !== null ? locator.value : locator;
	return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

/** The name the picker kept for the chosen workspace; none when it was given by id. */
function pickedName(ctx: IPollFunctions): string | undefined {
	const locator = workspaceLocator(ctx);
	const name = typeof locator === 'object' && locator !== null ? locator.cachedResultName : undefined;
	return typeof name === 'string' && name.trim() !== '' ? name.trim() : undefined;
}

const described = (workspace: { id: string; name?: string }) =>
	workspace.name === undefined ? `workspace ${workspace.id}` : `"${workspace.name}" (${workspace.id})`;

/**
 * Fails unless the report's workspace is the one of the trigger's API key, as its bot says
 * (GET /v1/users/me): exact ids only, both normalized. Before any Admin API request, so a wrong
 * pick asks Notion for no report; a read only, and nothing is emitted when it fails.
 */
export async function confirmReportWorkspace(
	ctx: IPollFunctions,
	directory: NotionDirectory,
	parameters: LicenseReportParameters,
	clock: PollClock,
): Promise<void> {
	let own: { id: string; name?: string };
	try {
		own = await directory.tokenWorkspace({ deadline: listingDeadline(clock) });
	} catch (error) {
		if (!(error instanceof NotionAdminError) || error.kind !== 'bad_response') throw toNodeError(ctx.getNode(), error);
		throw new NodeOperationError(ctx.getNode(), `${WORKSPACE_FIELD}: the workspace of this trigger's credentials could not be confirmed (${error.message})`, {
			description: `The report is made only for the trigger's own workspace, and without Notion saying which that is none is made. Clear ${WORKSPACE_FIELD} for the summary without the report, or give the trigger an internal integration token of its workspace as the Notion Admin API key. Nothing was emitted.`,
		});
	}
	const chosen = { id: parameters.workspaceId, name: pickedName(ctx) };
	if (own.id === chosen.id) return;
	throw invalidInputError(
		ctx.getNode(),
		`${WORKSPACE_FIELD}: ${described(chosen)} is not the workspace of this trigger's credentials, ${described(own)}`,
		`One person has one user id across the organization: another workspace's inactive seats and reclaim plan next to this workspace's members could have people here downgraded or removed. Choose the trigger's workspace, ${described(own)}, in ${WORKSPACE_FIELD}, or use a separate trigger with the other workspace's credentials for its report. No report was asked for and nothing was emitted.`,
	);
}

/**
 * The report's parameters; undefined when the trigger has neither the organization credential
 * nor a workspace for it (License Summary as without the organization). Half of the two fails.
 */
export function readOrganizationReport(ctx: IPollFunctions): LicenseReportParameters | undefined {
	const workspace = workspaceValue(ctx);
	const credential = hasCredential(ctx, ORGANIZATION_CREDENTIAL);
	if (!credential && workspace === '') return undefined;
	if (!credential) {
		throw invalidInputError(
			ctx.getNode(),
			`${WORKSPACE_FIELD}: a workspace is set, but the trigger has no ${CREDENTIAL_NAME} credential`,
			`Add the ${CREDENTIAL_NAME} credential (the Admin API's organization bot token) for the license report, or clear ${WORKSPACE_FIELD} for the summary without it.`,
		);
	}
	if (workspace === '') {
		throw invalidInputError(
			ctx.getNode(),
			`${WORKSPACE_FIELD}: no workspace is chosen, and the trigger has the ${CREDENTIAL_NAME} credential`,
			`Choose the workspace of this trigger's credentials in ${WORKSPACE_FIELD}, or remove the ${CREDENTIAL_NAME} credential for the summary without the report.`,
		);
	}
	try {
		return { workspaceId: requireId(workspace, WORKSPACE_FIELD), ...readLicenseReportOptions(asItemParameters(ctx), 0) };
	} catch (error) {
		throw inputError(ctx, error);
	}
}

/** A wait cut short by the poll's budget says so, not "a larger Wait Timeout". */
function cutByBudget(error: unknown, clock: PollClock, waitedMs: number): unknown {
	if (!(error instanceof NotionAdminError) || error.kind !== 'timeout') return error;
	return new NotionAdminError(
		'timeout',
		`${error.message}: this poll's time budget (${Math.round(clock.budgetMs / 1000)} s) left ${Math.round(waitedMs / 1000)} s to wait`,
		'Notion goes on making it; nothing was emitted, and the next poll asks for a new report. Give polls a longer time budget in n8n, or lower the credential pacing so the member list is read sooner.',
		{ api: 'organization', applied: error.applied },
	);
}

/** The License Summary item with the report in it, then the plan's and guests' items as Options → Output asks. */
export async function withLicenseReport(
	ctx: IPollFunctions,
	parameters: LicenseReportParameters,
	clock: PollClock,
	summary: IDataObject,
): Promise<INodeExecutionData[]> {
	const left = Math.max(0, clock.start + clock.budgetMs * REPORT_SHARE - clock.now());
	const timeoutMs = Math.min(parameters.timeoutMs, left);
	let items: Array<Record<string, unknown>>;
	try {
		const client = await organizationFor(ctx);
		items = licenseReportItems(await makeLicenseReport(client, { ...parameters, timeoutMs }), parameters);
	} catch (error) {
		throw toNodeError(ctx.getNode(), timeoutMs < parameters.timeoutMs ? cutByBudget(error, clock, timeoutMs) : error);
	}
	const [report, ...more] = items;
	return [{ json: { ...summary, licenseReport: report as IDataObject } }, ...more.map((json) => ({ json: json as IDataObject }))];
}
