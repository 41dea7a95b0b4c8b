/**
 * The Notion Organization node's client on virtual time, for the rate-limit engine tests: the same
 * credential settings and n8n request helpers as the node's own organizationFor, but `sleep` and
 * `now` come from one fake clock for the whole test file. Mocking n8n's `sleep` alone (as the export
 * tests do) is not enough here: `now` would stay Date.now, so a pause of Retry-After seconds would
 * be spun out in real time. Every request's send time (virtual) is recorded, so a test can say the
 * retry went out no sooner than Notion asked. Swapped in with jest.mock for
 * nodes/common/n8n/organizationFromContext.
 */
import type { NotionContext } from '../../../nodes/common/n8n/credentialSettings';
import { n8nTransport } from '../../../nodes/common/n8n/n8nTransport';
import { organizationSettings } from '../../../nodes/common/n8n/organizationSettings';
import {
	createOrganizationClient,
	type NotionOrganizationClient,
} from '../../../nodes/common/connector/organization/organizationClient';
import { fakeClock } from '../../connector/fakeClock';

/** One clock for the file: the process-wide pacer keeps its pauses in this clock's time. */
export const clock = fakeClock(Date.now());

/** The virtual time each request went out, in order, since the last `sent.length = 0`. */
export const sent: number[] = [];

export async function virtualOrganizationFor(ctx: NotionContext): Promise<NotionOrganizationClient> {
	const settings = await organizationSettings(ctx);
	const http = n8nTransport(ctx, settings.tokens);
	return createOrganizationClient({
		baseUrl: settings.baseUrl,
		transport: async (request) => {
			sent.push(clock.now());
			return await http(request);
		},
		sleep: clock.sleep,
		now: clock.now,
		pacingKey: settings.pacingKey,
		tuning: settings.pacing,
	});
}
