/**
 * The trigger's connector on virtual time: the same credentials and n8n request helpers as in
 * the nodes, but Retry-After, backoff and pacing waits cost no wall time, and pages are small
 * so that a workspace of ten people already pages. Swapped in with jest.mock for
 * nodes/shared/n8n/directoryFromContext.
 */
import { createDirectory } from '../../../nodes/shared/connector/createDirectory';
import type { DirectoryTuning, NotionDirectory } from '../../../nodes/shared/connector/directory';
import { credentialSettings, type NotionContext } from '../../../nodes/shared/n8n/credentialSettings';
import { n8nTransport } from '../../../nodes/shared/n8n/n8nTransport';
import { fakeClock } from '../../connector/fakeClock';

/** A hang costs this much real time; loopback answers come in a few milliseconds. */
const VIRTUAL_TUNING: Partial<DirectoryTuning> = {
	pageSize: 3,
	timeoutMs: 150,
	requestsPerSecond: 1000,
	burst: 1000,
};

export async function virtualDirectoryFor(ctx: NotionContext): Promise<NotionDirectory> {
	const settings = await credentialSettings(ctx);
	// Starts at the real time: the trigger's poll budget is measured from Date.now().
	const clock = fakeClock(Date.now());
	return createDirectory({
		apiBaseUrl: settings.apiBaseUrl,
		scimBaseUrl: settings.scimBaseUrl,
		transport: n8nTransport(ctx),
		sleep: clock.sleep,
		now: clock.now,
		random: () => 0.5,
		tuning: VIRTUAL_TUNING,
	});
}
