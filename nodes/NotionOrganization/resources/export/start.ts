import type { IDataObject } from 'n8n-workflow';

import { perItem } from '../../../common/operationKit/execute';
import type { NotionOrganizationClient } from '../../../common/connector/organization/organizationClient';
import { workspaceLocator, type OrganizationOperation } from '../../fields';
import { readStart, startFields } from './fields';

export const start: OrganizationOperation = {
	option: {
		name: 'Start',
		value: 'start',
		description:
			"Export a workspace (or some teamspaces) as a member sees it, and wait for the download links (scope workspace:export). The links are returned, never opened with the token.",
		action: 'Start a workspace export',
	},
	fields: [workspaceLocator('The workspace to export'), ...startFields],
	execute: perItem({
		parse(itemIndex) {
			return readStart(this, itemIndex);
		},

		async run(client: NotionOrganizationClient, { request, timeoutMs }): Promise<IDataObject> {
			const started = await client.exports.start(request);
			const base = { onBehalfOf: request.onBehalfOfEmail };
			if (timeoutMs === undefined) return { ...started, ...base };
			return { ...(await client.exports.waitUntilDone(started.workspaceId, started.exportJobId, { timeoutMs })), ...base };
		},
	}),
};
