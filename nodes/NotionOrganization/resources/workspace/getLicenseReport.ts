/**
 * Workspace → Get License Report: the node's side of nodes/common/licenseReport (which makes the
 * report): the fields, and the items the Output option asks for. Nothing is written.
 */
import type { IDataObject } from 'n8n-workflow';

import type { NotionOrganizationClient } from '../../../common/connector/organization/organizationClient';
import { licenseReportItems, makeLicenseReport } from '../../../common/licenseReport/makeLicenseReport';
import { perItem } from '../../../common/operationKit/execute';
import type { OrganizationOperation } from '../../fields';
import { licenseReportFields, readLicenseReport } from './licenseReportFields';

export const getLicenseReport: OrganizationOperation = {
	option: {
		name: 'Get License Report',
		value: 'getLicenseReport',
		description:
			"One item with a workspace's seats by role, the members with no active day in the last N days, the guests, AI credit usage and a reclaim plan (nothing is changed), from Notion's user-activity report (scopes user:read, user-analytics:read; permission-group:read for exempt groups)",
		action: 'Get the license report of a workspace',
	},
	fields: licenseReportFields,
	execute: perItem({
		parse(itemIndex) {
			return readLicenseReport(this, itemIndex);
		},

		async run(client: NotionOrganizationClient, parameters): Promise<IDataObject[]> {
			return licenseReportItems(await makeLicenseReport(client, parameters), parameters) as IDataObject[];
		},
	}),
};
