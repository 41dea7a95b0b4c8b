import type { IDataObject } from 'n8n-workflow';

import type { NotionOrganizationClient } from '../../../common/connector/organization/organizationClient';
import { organizationSeats } from '../../../common/connector/organization/organizationSeats';
import { perItem } from '../../../common/operationKit/execute';
import type { OrganizationOperation } from '../../fields';

export const getLicenseSummary: OrganizationOperation = {
	option: {
		name: 'Get License Summary',
		value: 'getLicenseSummary',
		description:
			"One item with the people and bots of every workspace of the organization and the totals, a person counted once however many workspaces they are in (scopes workspace:read and user:read). Roles and guests are not in Notion's Admin API lists: Notion Admin's License Summary has a workspace's roles.",
		action: 'Get the license summary of the organization',
	},
	fields: [],
	execute: perItem({
		parse() {
			return undefined;
		},

		async run(client: NotionOrganizationClient): Promise<IDataObject> {
			const seats = await organizationSeats(client);
			return { ...seats.totals, workspaceSeats: seats.workspaces.map((workspace) => ({ ...workspace })) };
		},
	}),
};
