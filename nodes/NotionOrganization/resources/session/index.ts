import { defineResource } from '../../../common/operationKit/defineResource';
import type { NotionOrganizationClient } from '../../../common/connector/organization/organizationClient';
import { revoke } from './revoke';

export const session = defineResource<NotionOrganizationClient>({ name: 'Session', value: 'session' }, [revoke], 'revoke');
