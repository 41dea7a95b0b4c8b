/** Starts an emulator and builds directories against it for the connector tests. */
import type { DirectoryTuning } from '../../nodes/common/connector/directoryOptions';
import type { Via } from '../../nodes/common/connector/model';
import { createDirectory, type NotionDirectory } from '../../nodes/common/connector/notionDirectory';
import type { HttpTransport } from '../../nodes/common/connector/transport';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../tools/notion-emulator';
import { loopbackTransport } from '../support/loopbackTransport';
import { fakeClock, type FakeClock } from './fakeClock';

export interface TestDirectory {
	directory: NotionDirectory;
	clock: FakeClock;
}

export interface DirectorySetup {
	scim?: boolean;
	tuning?: Partial<DirectoryTuning>;
	/** Wraps the loopback transport (e.g. to lose an answer). */
	wrap?: (transport: HttpTransport) => HttpTransport;
	pacingKey?: string;
	/** Share one virtual clock between directories (pacing shared through a pacingKey). */
	clock?: FakeClock;
}

/**
 * Virtual time: waits (backoff, Retry-After, pacing) cost no wall time, so the emulator's own
 * rate limiter is off unless a test turns it on; rate limiting is then exercised by faults.
 */
export function startWorkspace(options: EmulatorOptions = {}): Promise<Emulator> {
	return startEmulator({ rateLimit: false, ...options });
}

export function directoryOn(emulator: Emulator, setup: DirectorySetup = {}): TestDirectory {
	const clock = setup.clock ?? fakeClock();
	const transport = loopbackTransport(emulator.tokens);
	const directory = createDirectory({
		apiBaseUrl: emulator.url,
		scimBaseUrl: setup.scim === false ? undefined : emulator.url,
		transport: setup.wrap ? setup.wrap(transport) : transport,
		now: clock.now,
		sleep: clock.sleep,
		random: () => 0.5,
		pacingKey: setup.pacingKey,
		tuning: { requestsPerSecond: 1000, burst: 1000, timeoutMs: 5000, ...setup.tuning },
	});
	return { directory, clock };
}

/** How reads go through this directory right now (the cheapest read: a one-member listing). */
export async function sourceOf(directory: NotionDirectory): Promise<Via> {
	return (await directory.listMembers({ limit: 1 })).via;
}

/**
 * A directory that meets one 503 on the `nth` group PATCH and makes no second attempt: Notion
 * breaks down in the middle of a batched membership change.
 */
export function failingOnPatch(emulator: Emulator, nth: number): TestDirectory {
	let patches = 0;
	return directoryOn(emulator, {
		tuning: { maxAttempts: 1 },
		wrap: (transport) => (request) => {
			if (request.method === 'PATCH' && ++patches === nth) emulator.control.scriptFaults(['503']);
			return transport(request);
		},
	});
}
