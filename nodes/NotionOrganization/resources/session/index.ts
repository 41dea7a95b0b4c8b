import { defineResource } from '../../../shared/operationKit/defineResource';
import type { NotionOrganizationClient } from '../../../shared/connector/organization/organizationClient';
import { revoke } from './revoke';

export const session = defineResource<NotionOrganizationClient>({ name: 'Session', value: 'session' }, [revoke], 'revoke');
