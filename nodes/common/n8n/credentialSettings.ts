import type {
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeCredentialDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { baseUrlProblem, DEFAULT_BASE_URL } from './credentialFields';

export type NotionContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

export const API_CREDENTIAL = 'notionAdminApi';
export const SCIM_CREDENTIAL = 'notionAdminScimApi';
/** The Admin API's organization bot token: one organization, every workspace it owns. */
export const ORGANIZATION_CREDENTIAL = 'notionOrganizationApi';

/** What both nodes ask for: the workspace's API key, and its SCIM token where there is one. */
export const WORKSPACE_CREDENTIALS: INodeCredentialDescription[] = [
	{ name: API_CREDENTIAL, required: true },
	{ name: SCIM_CREDENTIAL, required: false },
];

/**
 * The sync trigger's: the workspace's, and in License Summary mode the organization's, optional:
 * with it (and a workspace for the report) the summary also carries the license report.
 */
export const SYNC_TRIGGER_CREDENTIALS: INodeCredentialDescription[] = [
	...WORKSPACE_CREDENTIALS,
	{ name: ORGANIZATION_CREDENTIAL, required: false, displayOptions: { show: { mode: ['licenseSummary'] } } },
];

/** The previous release's default rate; a saved credential holding it never chose a rate. */
const PREVIOUS_DEFAULT_RATE = 3;
const PLAN_BUDGETS = { business: 600, other: 180 } as const;

interface ApiCredential {
	token?: string;
	baseUrl?: string;
	requestBudget?: string;
	requestsPerMinute?: number;
	/** n8n processes spending the budget at once (queue mode); absent in credentials saved before it. */
	sharingProcesses?: number;
	/** The previous release's setting (now hidden), kept in saved credentials. */
	requestsPerSecond?: number;
}

/** How the connector paces this credential's requests. */
export type Pacing =
	/** `sharedBy`: the processes spending it at once, only when more than one. */
	| { budgetPerMinute: number; learnBudget: boolean; sharedBy?: number }
	/** A credential saved by the previous release with a rate of its own: kept as it was. */
	| { requestsPerSecond: number };

interface ScimCredential {
	token?: string;
	baseUrl?: string;
}

/** What the connector needs from the credentials; the tokens stay with n8n's request helpers. */
export interface CredentialSettings {
	apiBaseUrl: string;
	scimBaseUrl?: string;
	pacing: Pacing;
	pacingKey: string;
	/**
	 * The tokens n8n's helpers will send, for the transport to take out of every answer (never
	 * passed to the connector itself).
	 */
	tokens: Array<string | undefined>;
}

/**
 * Reads both credentials of the node. The SCIM one is optional: `getCredentials` throws when
 * the node has none of that type, which here means "no SCIM token", not a failure.
 */
export async function credentialSettings(ctx: NotionContext): Promise<CredentialSettings> {
	const api = await ctx.getCredentials<ApiCredential>(API_CREDENTIAL);
	const scim = await optionalCredential<ScimCredential>(ctx, SCIM_CREDENTIAL);
	const apiBaseUrl = checkedBaseUrl(ctx, api.baseUrl, 'Notion Admin API');
	const scimBaseUrl =
		scim === undefined ? undefined : checkedBaseUrl(ctx, scim.baseUrl, 'Notion Admin SCIM API');
	const pacing = checkedPacing(ctx, api, 'Notion Admin API', 'choose a plan as the "Request Budget"');
	return {
		apiBaseUrl,
		scimBaseUrl,
		pacing,
		tokens: [api.token, scim?.token],
		// One credential is one workspace and one Notion rate limit, so every node using it
		// in this process paces together; the URL stands in where n8n gives no id.
		pacingKey: `${API_CREDENTIAL}:${ctx.getNode().credentials?.[API_CREDENTIAL]?.id ?? apiBaseUrl}`,
	};
}

/**
 * The pacing a credential asks for; undefined when its custom budget is unusable. Automatic (also
 * what a credential saved before the budget existed gets) starts at the Business/Enterprise budget
 * and learns a lower one from Notion, unless the old "Requests per Second" was changed from its
 * default: that rate is kept, evenly spaced, as before. "Processes Sharing This Credential" above
 * 1 (n8n queue mode) makes each process keep to its share of the budget chosen.
 */
export function pacingOf(api: BudgetFields): Pacing | undefined {
	if (unusableBudgetField(api) !== undefined) return undefined;
	const budget = api.requestBudget ?? 'automatic';
	// Queue mode: each process keeps to its share (one process paces exactly as before).
	const sharing = api.sharingProcesses === undefined ? 1 : Number(api.sharingProcesses);
	const shared = sharing > 1 ? { sharedBy: sharing } : {};
	if (budget === 'business' || budget === 'other') return { budgetPerMinute: PLAN_BUDGETS[budget], learnBudget: false, ...shared };
	if (budget === 'custom') return { budgetPerMinute: Number(api.requestsPerMinute), learnBudget: false, ...shared };
	const previous = Number(api.requestsPerSecond);
	if (api.requestsPerSecond !== undefined && Number.isFinite(previous) && previous > 0 && previous !== PREVIOUS_DEFAULT_RATE) {
		return { requestsPerSecond: previous };
	}
	return { budgetPerMinute: PLAN_BUDGETS.business, learnBudget: true, ...shared };
}

type BudgetFields = Pick<ApiCredential, 'requestBudget' | 'requestsPerMinute' | 'requestsPerSecond' | 'sharingProcesses'>;

/** The pacing a credential asks for; an unusable budget field fails naming it, before any request. */
export function checkedPacing(ctx: Pick<NotionContext, 'getNode'>, credential: BudgetFields, displayName: string, otherBudget: string): Pacing {
	const pacing = pacingOf(credential);
	if (pacing !== undefined) return pacing;
	const field = unusableBudgetField(credential) ?? 'Requests per Minute';
	throw new NodeOperationError(ctx.getNode(), `The "${field}" field of the "${displayName}" credential must be a whole number of at least 1`, {
		description:
			field === SHARING_FIELD
				? `Open the "${displayName}" credential and set "${SHARING_FIELD}" (1 for a single n8n instance).`
				: `Open the "${displayName}" credential and set "Requests per Minute", or ${otherBudget}.`,
	});
}

export const SHARING_FIELD = 'Processes Sharing This Credential';

/** The budget field, as the form names it, whose value cannot be used; undefined when none. */
export function unusableBudgetField(api: BudgetFields): string | undefined {
	const count = (value: unknown) => Number.isInteger(Number(value)) && Number(value) >= 1;
	if ((api.requestBudget ?? 'automatic') === 'custom' && !count(api.requestsPerMinute)) return 'Requests per Minute';
	if (api.sharingProcesses !== undefined && !count(api.sharingProcesses)) return SHARING_FIELD;
	return undefined;
}

/** Whether the node has a credential of this type set (an optional one may be left out). */
export function hasCredential(ctx: Pick<NotionContext, 'getNode'>, type: string): boolean {
	return Boolean(ctx.getNode().credentials?.[type]);
}

async function optionalCredential<T extends object>(
	ctx: NotionContext,
	type: string,
): Promise<T | undefined> {
	if (!hasCredential(ctx, type)) return undefined;
	try {
		return await ctx.getCredentials<T>(type);
	} catch {
		return undefined;
	}
}

/**
 * Only http(s) without a user name or password is accepted: the credential form cannot
 * validate, so the nodes do, before any request.
 */
export function checkedBaseUrl(
	ctx: Pick<NotionContext, 'getNode'>,
	value: string | undefined,
	credential: string,
	defaultBaseUrl = DEFAULT_BASE_URL,
): string {
	const text = (value ?? '').trim() || defaultBaseUrl;
	const problem = baseUrlProblem(text);
	if (problem !== undefined) {
		// The value itself is not echoed: a URL may carry a user name and password.
		throw new NodeOperationError(ctx.getNode(), `The "Base URL" field of the "${credential}" credential ${problem}`, {
			description: `Open the "${credential}" credential and set "Base URL" to ${defaultBaseUrl} (or the http(s) address of your proxy or emulator, without a user name or password).`,
		});
	}
	return text.replace(/\/+$/, '');
}
