import { defineResource } from '../../../shared/operationKit/defineResource';
import type { NotionOrganizationClient } from '../../../shared/connector/organization/organizationClient';
import { getAll } from './getAll';

export const workspace = defineResource<NotionOrganizationClient>({ name: 'Workspace', value: 'workspace' }, [getAll], 'getAll');
