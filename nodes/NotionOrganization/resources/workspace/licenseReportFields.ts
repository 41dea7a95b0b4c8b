/**
 * Get License Report's fields: the workspace, then the report's own (nodes/common/licenseReport),
 * and their reader, which checks every value before any request.
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { licenseReportOptionFields, readLicenseReportOptions, type LicenseReportParameters } from '../../../common/licenseReport/fields';
import { readWorkspaceId, workspaceLocator } from '../../fields';

export const licenseReportFields: INodeProperties[] = [workspaceLocator('The workspace to report on'), ...licenseReportOptionFields];

export function readLicenseReport(ctx: IExecuteFunctions, itemIndex: number): LicenseReportParameters {
	return { workspaceId: readWorkspaceId(ctx, itemIndex), ...readLicenseReportOptions(ctx, itemIndex) };
}
