import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

/**
 * Notion's SCIM provisioning token: optional, but every write (and the richer SCIM reads)
 * needs it. Without it, or when it stops working, reads fall back to the standard API.
 */
export class NotionAdminScimApi implements ICredentialType {
	name = 'notionAdminScimApi';

	displayName = 'Notion Admin SCIM API';

	icon: Icon = { light: 'file:../icons/notion.svg', dark: 'file:../icons/notion.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-notion-admin/n8n-nodes-notion-admin#credentials';

	properties: INodeProperties[] = [
		{
			displayName:
				'SCIM needs the Enterprise plan. A workspace owner creates the token under Settings → Identity → SCIM provisioning. The token stops working when the owner who created it leaves the workspace or loses the owner role: create a new one then.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'SCIM Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.notion.com',
			description:
				'Leave as is for Notion. Change it only to go through a proxy or to test against an emulator. Only http:// and https:// URLs are accepted; no trailing /scim/v2.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.token}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/scim/v2/Users',
			qs: { count: 1 },
			// A redirect elsewhere must not receive the token: the test fails instead of following it.
			disableFollowRedirect: true,
			sendCredentialsOnCrossOriginRedirect: false,
		},
	};
}
