import { sleep } from 'n8n-workflow';

import { createDirectory, type NotionDirectory } from '../connector/notionDirectory';
import { credentialSettings, type NotionContext } from './credentialSettings';
import { n8nTransport } from './n8nTransport';

/** The one way the nodes get a connector: their credentials, n8n's request helpers and sleep. */
export async function directoryFor(ctx: NotionContext): Promise<NotionDirectory> {
	const settings = await credentialSettings(ctx);
	return createDirectory({
		apiBaseUrl: settings.apiBaseUrl,
		scimBaseUrl: settings.scimBaseUrl,
		transport: n8nTransport(ctx, settings.tokens),
		sleep,
		now: () => Date.now(),
		pacingKey: settings.pacingKey,
		tuning: settings.pacing,
	});
}
