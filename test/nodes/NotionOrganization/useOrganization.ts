/**
 * The emulator of the Notion Organization engine tests, started before each test (or the file) and
 * stopped after it, its Admin API request log, and the JSON of a run's output items.
 */
import type { Emulator } from '../../../tools/notion-emulator';
import { startOrganization } from './support';

/** `once`: one emulator for the whole file (started before all its tests), for suites that reset what they use. */
export function useOrganization(options: { once?: boolean } = {}): () => Emulator {
	let started: Emulator | undefined;
	(options.once ? beforeAll : beforeEach)(async () => {
		started = await startOrganization();
	});
	(options.once ? afterAll : afterEach)(async () => {
		await started?.stop();
	});
	return () => started as Emulator;
}

/** The Admin API's part of the emulator's request log. */
export const adminLog = (emu: Emulator) => emu.control.requestLog().filter((entry) => entry.api === 'admin');

export const outputJson = (run: { items: Array<{ json: unknown }> }) => run.items.map((item) => item.json as Record<string, unknown>);
