/**
 * The emulator of the Notion Organization engine tests, started before each test and stopped after
 * it, and the JSON of a run's output items.
 */
import type { Emulator } from '../../../tools/notion-emulator';
import { startOrganization } from './support';

export function useOrganization(): () => Emulator {
	let started: Emulator | undefined;
	beforeEach(async () => {
		started = await startOrganization();
	});
	afterEach(async () => {
		await started?.stop();
	});
	return () => started as Emulator;
}

export const outputJson = (run: { items: Array<{ json: unknown }> }) => run.items.map((item) => item.json as Record<string, unknown>);
