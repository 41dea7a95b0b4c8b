/**
 * What both credential types declare alike: the Base URL field, bearer authentication and a
 * Test request that never follows a redirect. Plain data, so the credential files stay light.
 */
import type { IAuthenticateGeneric, INodeProperties } from 'n8n-workflow';

export const DEFAULT_BASE_URL = 'https://api.notion.com';

/** `apiPath` is what the nodes append (e.g. /v1), so the user must leave it out. */
export function baseUrlProperty(apiPath: string): INodeProperties {
	return {
		displayName: 'Base URL',
		name: 'baseUrl',
		type: 'string',
		default: DEFAULT_BASE_URL,
		description: `Leave as is for Notion. Change it only to go through a proxy or to test against an emulator. Only http:// and https:// URLs are accepted; no trailing ${apiPath}.`,
	};
}

export const bearerTokenAuthentication: IAuthenticateGeneric = {
	type: 'generic',
	properties: {
		headers: {
			Authorization: '=Bearer {{$credentials.token}}',
		},
	},
};

/** A redirect elsewhere must not receive the token: the test fails instead of following it. */
export const testRequestWithoutRedirects = {
	baseURL: '={{$credentials.baseUrl}}',
	disableFollowRedirect: true,
	sendCredentialsOnCrossOriginRedirect: false,
} as const;
