import { registerSecrets } from './records';
import type { TestCredentials } from './credentialsHelper';

/** What the harness needs of a started emulator (tools/notion-emulator `startEmulator`). */
export interface EmulatorEndpoint {
	url: string;
	/** `admin`: the organization bot token of the Admin API. */
	tokens: { api: string; scim: string; admin?: string };
}

/**
 * Credentials pointing at a started emulator. With `scim: false` the node has no SCIM
 * credential at all, which is how tests reach the standard-API fallback "no token".
 */
export function emulatorCredentials(
	emulator: EmulatorEndpoint,
	options: { scim?: boolean; requestsPerSecond?: number } = {},
): TestCredentials {
	registerSecrets(emulator.tokens.api, emulator.tokens.scim, emulator.tokens.admin);
	const credentials: TestCredentials = {
		notionAdminApi: {
			token: emulator.tokens.api,
			baseUrl: emulator.url,
			...(options.requestsPerSecond === undefined
				? {}
				: { requestsPerSecond: options.requestsPerSecond }),
		},
	};
	if (options.scim ?? true) {
		credentials.notionAdminScimApi = { token: emulator.tokens.scim, baseUrl: emulator.url };
	}
	return credentials;
}

/**
 * The Notion Organization API credential pointing at a started emulator's Admin API (its routes
 * live under /admin). Its token joins the secrets scan.
 */
export function organizationCredentials(
	emulator: EmulatorEndpoint,
	options: { requestsPerMinute?: number } = {},
): TestCredentials {
	if (emulator.tokens.admin === undefined) throw new Error('The emulator has no organization token');
	registerSecrets(emulator.tokens.admin);
	return {
		notionOrganizationApi: {
			token: emulator.tokens.admin,
			baseUrl: `${emulator.url}/admin`,
			...(options.requestsPerMinute === undefined
				? {}
				: { requestBudget: 'custom', requestsPerMinute: options.requestsPerMinute }),
		},
	};
}
