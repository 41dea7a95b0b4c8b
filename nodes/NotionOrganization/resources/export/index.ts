import { defineResource } from '../../../common/operationKit/defineResource';
import type { NotionOrganizationClient } from '../../../common/connector/organization/organizationClient';
import { getStatus } from './getStatus';
import { start } from './start';

export const exportResource = defineResource<NotionOrganizationClient>({ name: 'Export', value: 'export' }, [start, getStatus], 'start');
