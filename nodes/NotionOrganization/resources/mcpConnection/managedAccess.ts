/**
 * What Deny and Restore Managed Access share: one PUT with `denied` or `allowed`, the same fields
 * and the same run. Both are safe to repeat.
 */
import { perItem } from '../../../common/operationKit/execute';
import type { ManagedAccess } from '../../../common/connector/organization/mcpConnections';
import type { NotionOrganizationClient } from '../../../common/connector/organization/organizationClient';
import { idField, readId, readWorkspaceId, workspaceLocator, type OrganizationOperation } from '../../fields';

export function managedAccessOperation(access: ManagedAccess, option: OrganizationOperation['option']): OrganizationOperation {
	return {
		option,
		fields: [idField('User ID', 'userId', 'The member'), workspaceLocator()],
		execute: perItem({
			parse(itemIndex) {
				return { userId: readId(this, itemIndex, 'userId', 'User ID'), workspaceId: readWorkspaceId(this, itemIndex) };
			},

			async run(client: NotionOrganizationClient, target) {
				return await client.setMcpManagedAccess(access, target);
			},
		}),
	};
}
