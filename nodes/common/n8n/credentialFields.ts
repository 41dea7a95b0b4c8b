/**
 * What the credential types declare alike: the Base URL field, the request budget, bearer
 * authentication and a Test request that never follows a redirect. Plain data, so the credential files stay light.
 */
import type {
	IAuthenticateRuleResponseCode,
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { SCIM_FORBIDDEN_HINT, SCIM_REVOKED_HINT } from '../connector/http/responseError';

export const DEFAULT_BASE_URL = 'https://api.notion.com';

/** `apiPath` is what the nodes append (e.g. /v1), so the user must leave it out. */
export function baseUrlProperty(apiPath: string, defaultBaseUrl = DEFAULT_BASE_URL): INodeProperties {
	return {
		displayName: 'Base URL',
		name: 'baseUrl',
		type: 'string',
		default: defaultBaseUrl,
		description: `Leave as is for Notion. Change it only to go through a proxy or to test against an emulator. Only http:// and https:// URLs are accepted, without a user name or password; no trailing ${apiPath}.`,
	};
}

/** The secret itself: a password field, required. */
export function tokenProperty(displayName: string, description?: string): INodeProperties {
	return {
		displayName,
		name: 'token',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		...(description === undefined ? {} : { description }),
	};
}

/**
 * Request Budget (Automatic, Notion's plans where it publishes them, Custom), for Custom
 * Requests per Minute, and the processes sharing it; read back by credentialSettings.ts.
 */
export function requestBudgetProperties(texts: {
	/** Notion's per-plan budgets as choices (it publishes none for the Admin API). */
	plans: boolean;
	budget: string;
	perMinute: string;
}): INodeProperties[] {
	return [
		{
			displayName: 'Request Budget',
			name: 'requestBudget',
			type: 'options',
			options: [
				{
					name: 'Automatic',
					value: 'automatic',
					description:
						'Start at 600 requests per minute; after the first "too many requests" from Notion, keep the budget it allowed',
				},
				...(texts.plans
					? [
							{ name: 'Business or Enterprise Plan (600 per Minute)', value: 'business' },
							{ name: 'Other Plans (180 per Minute)', value: 'other' },
						]
					: []),
				{ name: 'Custom', value: 'custom' },
			],
			default: 'automatic',
			description: texts.budget,
		},
		{
			displayName: 'Requests per Minute',
			name: 'requestsPerMinute',
			type: 'number',
			typeOptions: { minValue: 1, numberPrecision: 0 },
			default: 600,
			displayOptions: { show: { requestBudget: ['custom'] } },
			description: texts.perMinute,
		},
		{
			// Pacing lives in each n8n process and nothing is shared between them (a store would
			// need a runtime dependency, which community nodes may not have): each keeps to its share.
			displayName: 'Processes Sharing This Credential',
			name: 'sharingProcesses',
			type: 'number',
			typeOptions: { minValue: 1, numberPrecision: 0 },
			default: 1,
			description:
				'How many n8n processes send requests with this credential at the same time: 1 for a single n8n instance. In queue mode, the workers, plus the main instance if it runs a Notion Users Sync trigger. Each process keeps to its share of the budget above, so together they never cross it.',
		},
	];
}

/**
 * Why a URL cannot be used as a Base URL, or undefined. A user name and password in it would
 * make the HTTP client send them as Basic authentication in place of the Bearer token.
 */
export function baseUrlProblem(text: string): string | undefined {
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return 'must be an http:// or https:// URL';
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an http:// or https:// URL';
	if (url.username !== '' || url.password !== '') {
		return 'must not contain a user name or password (the "name:password@" part): the token is sent in its own header, and a password in the URL would replace it';
	}
	return undefined;
}

/**
 * Adds the Bearer token. A function rather than n8n's declarative form, so that a request to a
 * URL holding a user name and password is refused (by the Test button too, which reaches no
 * node code) instead of being sent with Basic authentication in place of the token.
 */
export function bearerAuthentication(credentialName: string) {
	return async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const target = URL.canParse(requestOptions.url, requestOptions.baseURL)
			? new URL(requestOptions.url, requestOptions.baseURL)
			: undefined; // the HTTP client reports an unusable URL itself
		if (target !== undefined && (target.username !== '' || target.password !== '')) {
			// The value itself is not echoed: it holds a password.
			throw new Error(
				`The "Base URL" field of the "${credentialName}" credential ${baseUrlProblem(target.href)}`,
			);
		}
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, Authorization: `Bearer ${String(credentials.token)}` },
		};
	};
}

/**
 * The Test request's parts other than its path. A redirect elsewhere must not receive the
 * token: the test fails instead of following it. The Base URL is read the way the nodes read
 * it: blank means Notion, and trailing slashes and a trailing `apiPath` (e.g. /v1) are dropped.
 */
export function testRequestBase(apiPath: ApiPath, defaultBaseUrl = DEFAULT_BASE_URL) {
	const suffix = apiPath.replace(/\//g, '\\/');
	return {
		baseURL: `={{ String($credentials.baseUrl || "${defaultBaseUrl}").trim().replace(/\\/+$/, "").replace(/${suffix}$/i, "") }}`,
		disableFollowRedirect: true,
		sendCredentialsOnCrossOriginRedirect: false,
	} as const;
}

type ApiPath = '/v1' | '/scim/v2';

/** What a failed Test request with this status means for the user, per API. */
function testFailure(status: number, apiPath: ApiPath): string {
	const scim = apiPath === '/scim/v2';
	if (status === 401) {
		return scim
			? `The SCIM token was refused (HTTP 401). ${SCIM_REVOKED_HINT}`
			: 'The Notion API refused the token (HTTP 401): it is wrong or was revoked; paste the internal integration secret again';
	}
	if (status === 403) {
		return scim
			? `SCIM access was refused (HTTP 403). ${SCIM_FORBIDDEN_HINT}`
			: 'The integration lacks a capability (HTTP 403): enable "Read user information including email addresses" in its settings';
	}
	if (status === 404) {
		return `Nothing answered the test at this Base URL (HTTP 404): leave it at ${DEFAULT_BASE_URL}, or give your proxy's address without ${apiPath}`;
	}
	if (status === 429) return 'Notion is limiting the request rate (HTTP 429): try the test again in a minute';
	if (status >= 300 && status < 400) {
		return `The Base URL answered with a redirect (HTTP ${status}), which is not followed so the token goes nowhere else: give the final address instead`;
	}
	if (status >= 500) return `Notion or the proxy at the Base URL is having trouble (HTTP ${status}): try again later`;
	return `The test request was refused (HTTP ${status}): check the token and the Base URL`;
}

/**
 * The Test button's message for every failed status, so n8n never shows the server's own
 * reason phrase, which could echo the token.
 */
export function testRules(apiPath: ApiPath): IAuthenticateRuleResponseCode[] {
	return Array.from({ length: 300 }, (_, index) => 300 + index).map((status) => ({
		type: 'responseCode',
		properties: { value: status, message: testFailure(status, apiPath) },
	}));
}

/**
 * The Test button's messages for the organization credential (`GET /v1/spaces` under the
 * Admin API's base): its token and scope, not an integration's capability.
 */
export function organizationTestRules(defaultBaseUrl: string, scope: string): IAuthenticateRuleResponseCode[] {
	const message = (status: number): string => {
		if (status === 401) {
			return 'The Admin API refused the organization bot token (HTTP 401): it is wrong or was revoked; create one in the organization console and paste it again';
		}
		if (status === 403) {
			return `The organization bot token may not list the workspaces (HTTP 403): add the scope "${scope}" to it in the organization console (the Admin API needs the Enterprise plan)`;
		}
		if (status === 404) {
			return `Nothing answered the test at this Base URL (HTTP 404): leave it at ${defaultBaseUrl}, or give your proxy's address without /v1`;
		}
		return testFailure(status, '/v1');
	};
	return Array.from({ length: 300 }, (_, index) => 300 + index).map((status) => ({
		type: 'responseCode',
		properties: { value: status, message: message(status) },
	}));
}
