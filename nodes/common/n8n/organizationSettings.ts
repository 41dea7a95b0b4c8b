/**
 * What the organization client needs from the Notion Organization API credential: its Base URL
 * (checked like the workspace credentials'), its request budget and its pacing key. The token
 * stays with n8n's request helpers; it is handed to the transport only to be taken out of answers.
 */
import { DEFAULT_ORGANIZATION_BASE_URL } from '../connector/organization/adminRequest';
import {
	checkedBaseUrl,
	checkedPacing,
	ORGANIZATION_CREDENTIAL,
	type NotionContext,
	type Pacing,
} from './credentialSettings';

const DISPLAY_NAME = 'Notion Organization API';

interface OrganizationCredential {
	token?: string;
	baseUrl?: string;
	requestBudget?: string;
	requestsPerMinute?: number;
	sharingProcesses?: number;
}

export interface OrganizationSettings {
	baseUrl: string;
	pacing: Pacing;
	pacingKey: string;
	tokens: Array<string | undefined>;
}

export async function organizationSettings(ctx: NotionContext): Promise<OrganizationSettings> {
	const credential = await ctx.getCredentials<OrganizationCredential>(ORGANIZATION_CREDENTIAL);
	const baseUrl = checkedBaseUrl(ctx, credential.baseUrl, DISPLAY_NAME, DEFAULT_ORGANIZATION_BASE_URL);
	const pacing = checkedPacing(ctx, credential, DISPLAY_NAME, 'choose another "Request Budget"');
	return {
		baseUrl,
		pacing,
		tokens: [credential.token],
		// One organization bot token is one connection: every node using it in this process paces together.
		pacingKey: `${ORGANIZATION_CREDENTIAL}:${ctx.getNode().credentials?.[ORGANIZATION_CREDENTIAL]?.id ?? baseUrl}`,
	};
}
