/** The connector as the benchmark drives it: loopback HTTP to the emulator, real clock and waits. */
import type { NotionDirectory } from '../nodes/shared/connector/directory';
import { createDirectory } from '../nodes/shared/connector/createDirectory';
import type { Emulator } from '../test/emulator/types';
import { loopbackTransport } from '../test/support/loopbackTransport';

export function benchDirectory(
	emulator: Emulator,
	options: { scim: boolean; pacingKey: string; requestsPerSecond: number },
): NotionDirectory {
	return createDirectory({
		apiBaseUrl: emulator.url,
		scimBaseUrl: options.scim ? emulator.url : undefined,
		transport: loopbackTransport(emulator.tokens),
		sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
		now: () => Date.now(),
		pacingKey: options.pacingKey,
		tuning: { requestsPerSecond: options.requestsPerSecond },
	});
}
