import type {
	IAuthenticate,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import {
	ADMIN_API_VERSION,
	DEFAULT_ORGANIZATION_BASE_URL,
} from '../nodes/common/connector/organization/adminRequest';
import { SCOPES } from '../nodes/common/connector/organization/scopes';
import {
	baseUrlProperty,
	bearerAuthentication,
	organizationTestRules,
	requestBudgetProperties,
	testRequestBase,
	tokenProperty,
} from '../nodes/common/n8n/credentialFields';
import { ORGANIZATION_CREDENTIAL } from '../nodes/common/n8n/credentialSettings';

/**
 * Notion's Admin API token (an organization bot token, Enterprise plan). It reaches every
 * workspace of the organization, so it belongs to the Notion Organization node, not to the
 * workspace-bound Notion Admin node.
 */
export class NotionOrganizationApi implements ICredentialType {
	name = ORGANIZATION_CREDENTIAL;

	displayName = 'Notion Organization API';

	icon: Icon = { light: 'file:../icons/notion.svg', dark: 'file:../icons/notion.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-notion-admin/n8n-nodes-notion-admin/blob/main/docs/organization.md';

	properties: INodeProperties[] = [
		{
			displayName: `The Admin API needs the Enterprise plan. An organization owner creates the organization bot token in Notion's organization console and picks its scopes. Each operation needs one: Workspace → Get Many: ${SCOPES.listWorkspaces}, Get License Summary: ${SCOPES.listWorkspaces} and ${SCOPES.listWorkspaceUsers}, Get License Report: ${SCOPES.listWorkspaceUsers} and ${SCOPES.userActivityReports} (some consoles name it ${SCOPES.listAnalyticsReports}; with exempt groups also ${SCOPES.readPermissionGroups}); Member → Get Many and Find in Every Workspace: ${SCOPES.listWorkspaces} and ${SCOPES.listWorkspaceUsers}; Session → Revoke: ${SCOPES.revokeSessions} (by email also ${SCOPES.listWorkspaces} and ${SCOPES.listWorkspaceUsers}); Personal Access Token → Get Many: ${SCOPES.listPersonalAccessTokens}, Revoke: ${SCOPES.revokePersonalAccessToken}; MCP Connection → Get Many: ${SCOPES.listMcpConnections}, Revoke, Deny and Restore: ${SCOPES.revokeMcpConnection}; Permission Group → Get Many, Get and Get Members: ${SCOPES.readPermissionGroups}, Create, Rename, Delete, Add and Remove Members: ${SCOPES.writePermissionGroups} (Delete also ${SCOPES.readPermissionGroups}); Export → Start and Get Status: ${SCOPES.exportWorkspace}; Legal Hold → Get Many: ${SCOPES.readLegalHolds}, Create, Add and Remove Users: ${SCOPES.writeLegalHolds} (Remove Users also ${SCOPES.readLegalHolds}), Release: ${SCOPES.releaseLegalHold}.`,
			name: 'notice',
			type: 'notice',
			default: '',
		},
		tokenProperty('Organization Bot Token'),
		baseUrlProperty('/v1', DEFAULT_ORGANIZATION_BASE_URL),
		...requestBudgetProperties({
			plans: false,
			budget:
				'Requests per minute the Notion Organization node sends with this token. In n8n queue mode, also set Processes Sharing This Credential: each process then keeps to its share.',
			perMinute: 'Never more than this many requests in any 60 seconds with this token',
		}),
	];

	authenticate: IAuthenticate = bearerAuthentication('Notion Organization API');

	test: ICredentialTestRequest = {
		request: {
			...testRequestBase('/v1', DEFAULT_ORGANIZATION_BASE_URL),
			url: '/v1/spaces',
			qs: { page_size: 1 },
			headers: { 'Notion-Version': ADMIN_API_VERSION },
		},
		rules: organizationTestRules(DEFAULT_ORGANIZATION_BASE_URL, SCOPES.listWorkspaces),
	};
}
