import type { IExecuteFunctions, ILoadOptionsFunctions, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { baseUrlProblem, DEFAULT_BASE_URL } from './credentialFields';

export type NotionContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

export const API_CREDENTIAL = 'notionAdminApi';
export const SCIM_CREDENTIAL = 'notionAdminScimApi';

const DEFAULT_REQUESTS_PER_SECOND = 3;

interface ApiCredential {
	token?: string;
	baseUrl?: string;
	requestsPerSecond?: number;
}

interface ScimCredential {
	token?: string;
	baseUrl?: string;
}

/** What the connector needs from the credentials; the tokens stay with n8n's request helpers. */
export interface CredentialSettings {
	apiBaseUrl: string;
	scimBaseUrl?: string;
	requestsPerSecond: number;
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
	const rate = Number(api.requestsPerSecond);
	return {
		apiBaseUrl,
		scimBaseUrl,
		requestsPerSecond: Number.isFinite(rate) && rate > 0 ? rate : DEFAULT_REQUESTS_PER_SECOND,
		tokens: [api.token, scim?.token],
		// One credential is one workspace and one Notion rate limit, so every node using it
		// in this process paces together; the URL stands in where n8n gives no id.
		pacingKey: `${API_CREDENTIAL}:${ctx.getNode().credentials?.[API_CREDENTIAL]?.id ?? apiBaseUrl}`,
	};
}

async function optionalCredential<T extends object>(
	ctx: NotionContext,
	type: string,
): Promise<T | undefined> {
	if (!ctx.getNode().credentials?.[type]) return undefined;
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
function checkedBaseUrl(
	ctx: Pick<NotionContext, 'getNode'>,
	value: string | undefined,
	credential: string,
): string {
	const text = (value ?? '').trim() || DEFAULT_BASE_URL;
	const problem = baseUrlProblem(text);
	if (problem !== undefined) {
		// The value itself is not echoed: a URL may carry a user name and password.
		throw new NodeOperationError(ctx.getNode(), `The "Base URL" field of the "${credential}" credential ${problem}`, {
			description: `Open the "${credential}" credential and set "Base URL" to ${DEFAULT_BASE_URL} (or the http(s) address of your proxy or emulator, without a user name or password).`,
		});
	}
	return text.replace(/\/+$/, '');
}
