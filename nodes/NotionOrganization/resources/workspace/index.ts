import { defineResource } from '../../../common/operationKit/defineResource';
import type { NotionOrganizationClient } from '../../../common/connector/organization/organizationClient';
import { getAll } from './getAll';
import { getLicenseReport } from './getLicenseReport';
import { getLicenseSummary } from './getLicenseSummary';

export const workspace = defineResource<NotionOrganizationClient>({ name: 'Workspace', value: 'workspace' }, [getAll, getLicenseSummary, getLicenseReport], 'getAll');
