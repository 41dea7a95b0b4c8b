/**
 * What both credential types declare alike: the Base URL field, bearer authentication and a
 * Test request that never follows a redirect. Plain data, so the credential files stay light.
 */
import type {
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

export const DEFAULT_BASE_URL = 'https://api.notion.com';

/** `apiPath` is what the nodes append (e.g. /v1), so the user must leave it out. */
export function baseUrlProperty(apiPath: string): INodeProperties {
	return {
		displayName: 'Base URL',
		name: 'baseUrl',
		type: 'string',
		default: DEFAULT_BASE_URL,
		description: `Leave as is for Notion. Change it only to go through a proxy or to test against an emulator. Only http:// and https:// URLs are accepted, without a user name or password; no trailing ${apiPath}.`,
	};
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
export function testRequestBase(apiPath: '/v1' | '/scim/v2') {
	const suffix = apiPath.replace(/\//g, '\\/');
	return {
		baseURL: `={{ String($credentials.baseUrl || "${DEFAULT_BASE_URL}").trim().replace(/\\/+$/, "").replace(/${suffix}$/i, "") }}`,
		disableFollowRedirect: true,
		sendCredentialsOnCrossOriginRedirect: false,
	} as const;
}
