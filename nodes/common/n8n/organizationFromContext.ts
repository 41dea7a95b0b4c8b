import { sleep } from 'n8n-workflow';

import {
	createOrganizationClient,
	type NotionOrganizationClient,
} from '../connector/organization/organizationClient';
import type { NotionContext } from './credentialSettings';
import { n8nTransport } from './n8nTransport';
import { organizationSettings } from './organizationSettings';

/** The one way the Notion Organization node gets its client: its credential, n8n's request helpers and sleep. */
export async function organizationFor(ctx: NotionContext): Promise<NotionOrganizationClient> {
	const settings = await organizationSettings(ctx);
	return createOrganizationClient({
		baseUrl: settings.baseUrl,
		transport: n8nTransport(ctx, settings.tokens),
		sleep,
		now: () => Date.now(),
		pacingKey: settings.pacingKey,
		tuning: settings.pacing,
	});
}
