/** The connector as the benchmark drives it: loopback HTTP to the emulator, real clock and waits. */
import type { DirectoryTuning } from '../nodes/common/connector/directoryOptions';
import { createDirectory, type NotionDirectory } from '../nodes/common/connector/notionDirectory';
import type { Emulator } from '../tools/notion-emulator/types';
import { loopbackTransport } from '../test/support/loopbackTransport';

/** `budget`: this release (automatic budget unless told); `previous`: the previous release's 3 req/s. */
export type Pacing = 'budget' | 'previous';

export const PREVIOUS_PACING: Partial<DirectoryTuning> = { requestsPerSecond: 3, burst: 3 };

export function benchDirectory(
	emulator: Pick<Emulator, 'url' | 'tokens'>,
	options: { scim: boolean; pacingKey: string; pacing: Pacing; tuning?: Partial<DirectoryTuning> },
): NotionDirectory {
	return createDirectory({
		apiBaseUrl: emulator.url,
		scimBaseUrl: options.scim ? emulator.url : undefined,
		transport: loopbackTransport(emulator.tokens),
		sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
		now: () => Date.now(),
		pacingKey: options.pacingKey,
		tuning: options.pacing === 'previous' ? PREVIOUS_PACING : options.tuning,
	});
}
