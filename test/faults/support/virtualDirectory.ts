/**
 * The trigger's connector on virtual time: the same credentials and n8n request helpers as in
 * the nodes, but Retry-After, backoff and pacing waits cost no wall time, every request costs
 * a fixed share of the poll budget (so a small budget cuts a listing at a known page), backoff
 * jitter is drawn from a seeded generator, and pages are small so that a workspace of ten
 * people already pages. Swapped in with jest.mock for nodes/common/n8n/directoryFromContext.
 */
import { createDirectory, type NotionDirectory } from '../../../nodes/common/connector/notionDirectory';
import type { DirectoryTuning } from '../../../nodes/common/connector/directoryOptions';
import type { HttpTransport } from '../../../nodes/common/connector/transport';
import { credentialSettings, type NotionContext } from '../../../nodes/common/n8n/credentialSettings';
import { n8nTransport } from '../../../nodes/common/n8n/n8nTransport';
import { fakeClock } from '../../connector/fakeClock';
import { prng } from '../../../tools/notion-emulator/prng';
import { REQUEST_COST_MS, VIRTUAL_PAGE_SIZE } from './virtualTime';

/** A hang costs this much real time; loopback answers come in a few milliseconds. */
const VIRTUAL_TUNING: Partial<DirectoryTuning> = {
	pageSize: VIRTUAL_PAGE_SIZE,
	timeoutMs: 150,
	requestsPerSecond: 1000,
	burst: 1000,
};

let jitter: () => number = prng(1);

/** Seeds the jitter of every directory made from now on (one generator for a whole sequence). */
export function seedJitter(seed: number): void {
	jitter = prng(seed);
}

export async function virtualDirectoryFor(ctx: NotionContext): Promise<NotionDirectory> {
	const settings = await credentialSettings(ctx);
	// Starts at the real time: the trigger's poll budget is measured from Date.now().
	const clock = fakeClock(Date.now());
	const http = n8nTransport(ctx);
	const transport: HttpTransport = async (request) => {
		try {
			return await http(request);
		} finally {
			await clock.sleep(REQUEST_COST_MS);
		}
	};
	return createDirectory({
		apiBaseUrl: settings.apiBaseUrl,
		scimBaseUrl: settings.scimBaseUrl,
		transport,
		sleep: clock.sleep,
		now: clock.now,
		random: () => jitter(),
		tuning: VIRTUAL_TUNING,
	});
}
