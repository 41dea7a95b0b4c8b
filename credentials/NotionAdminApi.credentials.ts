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
	requestBudgetProperties,
	testRequestBase,
	testRules,
	tokenProperty,
} from '../nodes/common/n8n/credentialFields';
import { API_CREDENTIAL } from '../nodes/common/n8n/credentialSettings';
import { NOTION_VERSION } from '../nodes/common/connector/standardApi/notionClient';

/**
 * The standard Notion API token (an internal integration). Named `notionAdminApi` because
 * credential type names are global in n8n and `notionApi` belongs to n8n's own Notion node.
 */
export class NotionAdminApi implements ICredentialType {
	name = API_CREDENTIAL;

	displayName = 'Notion Admin API';

	icon: Icon = { light: 'file:../icons/notion.svg', dark: 'file:../icons/notion.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-notion-admin/n8n-nodes-notion-admin#credentials';

	properties: INodeProperties[] = [
		tokenProperty(
			'Internal Integration Token',
			'The secret of an internal integration with the "Read user information including email addresses" capability (Notion → Settings → Connections → Develop or manage integrations)',
		),
		baseUrlProperty('/v1'),
		...requestBudgetProperties({
			plans: true,
			budget:
				"Requests per minute these nodes send to this workspace, per token (Notion's limit by plan). In n8n queue mode, also set Processes Sharing This Credential: each process then keeps to its share.",
			perMinute: 'Never more than this many requests in any 60 seconds, per token (the API token and the SCIM token each have one)',
		}),
		{
			// The previous release's setting, kept so saved credentials keep their value: 3 (its
			// default) means Automatic, any other value keeps that even rate until a budget is chosen.
			displayName: 'Requests per Second (Previous Setting)',
			name: 'requestsPerSecond',
			type: 'hidden',
			default: 3,
		},
	];

	authenticate: IAuthenticate = bearerAuthentication('Notion Admin API');

	test: ICredentialTestRequest = {
		request: {
			...testRequestBase('/v1'),
			url: '/v1/users/me',
			headers: { 'Notion-Version': NOTION_VERSION },
		},
		rules: testRules('/v1'),
	};
}
