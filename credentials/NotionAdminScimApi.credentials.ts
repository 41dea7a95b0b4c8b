import type {
	IAuthenticate,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import {
	baseUrlProperty,
	bearerAuthentication,
	testRequestBase,
	testRules,
	tokenProperty,
} from '../nodes/common/n8n/credentialFields';
import { SCIM_CREDENTIAL } from '../nodes/common/n8n/credentialSettings';

/**
 * Notion's SCIM provisioning token: optional, but every write (and the richer SCIM reads)
 * needs it. Without it, or when it stops working, reads fall back to the standard API.
 */
export class NotionAdminScimApi implements ICredentialType {
	name = SCIM_CREDENTIAL;

	displayName = 'Notion Admin SCIM API';

	icon: Icon = { light: 'file:../icons/notion.svg', dark: 'file:../icons/notion.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-notion-admin/n8n-nodes-notion-admin#credentials';

	properties: INodeProperties[] = [
		{
			displayName:
				'SCIM needs the Enterprise plan. An organization owner creates the token under Manage organization → General → SCIM provisioning (older Notion: Settings → Identity & provisioning), one token per workspace. The token stops working when the owner who created it leaves the workspace or loses the owner role: create a new one then.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		tokenProperty('SCIM Token'),
		baseUrlProperty('/scim/v2'),
	];

	authenticate: IAuthenticate = bearerAuthentication('Notion Admin SCIM API');

	test: ICredentialTestRequest = {
		request: {
			...testRequestBase('/scim/v2'),
			url: '/scim/v2/Users',
			qs: { count: 1 },
		},
		rules: testRules('/scim/v2'),
	};
}
