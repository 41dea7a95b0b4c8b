import { registerSecrets } from './records';
import type { TestCredentials } from './credentialsHelper';

/** What the harness needs of a started emulator (tools/notion-emulator `startEmulator`). */
export interface EmulatorEndpoint {
	url: string;
	tokens: { api: string; scim: string };
}

/**
 * Credentials pointing at a started emulator. With `scim: false` the node has no SCIM
 * credential at all, which is how tests reach the standard-API fallback "no token".
 */
export function emulatorCredentials(
	emulator: EmulatorEndpoint,
	options: { scim?: boolean; requestsPerSecond?: number } = {},
): TestCredentials {
	registerSecrets(emulator.tokens.api, emulator.tokens.scim);
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
