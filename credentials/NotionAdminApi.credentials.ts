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
} from '../nodes/shared/n8n/credentialFields';

/**
 * The standard Notion API token (an internal integration). Named `notionAdminApi` because
 * credential type names are global in n8n and `notionApi` belongs to n8n's own Notion node.
 */
export class NotionAdminApi implements ICredentialType {
	name = 'notionAdminApi';

	displayName = 'Notion Admin API';

	icon: Icon = { light: 'file:../icons/notion.svg', dark: 'file:../icons/notion.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-notion-admin/n8n-nodes-notion-admin#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Internal Integration Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'The secret of an internal integration with the "Read user information including email addresses" capability (Notion → Settings → Connections → Develop or manage integrations)',
		},
		baseUrlProperty('/v1'),
		{
			displayName: 'Requests per Second',
			name: 'requestsPerSecond',
			type: 'number',
			typeOptions: { minValue: 0.1, numberPrecision: 2 },
			default: 3,
			description:
				'Average rate these nodes keep to for this workspace (Notion allows about 3 per integration). In queue mode several workers share that one limit: divide 3 by the number of workers.',
		},
	];

	authenticate: IAuthenticate = bearerAuthentication('Notion Admin API');

	test: ICredentialTestRequest = {
		request: {
			...testRequestBase('/v1'),
			url: '/v1/users/me',
			headers: { 'Notion-Version': '2022-06-28' },
		},
		rules: testRules('/v1'),
	};
}
