/** "Processes Sharing This Credential": each n8n process's share of the Request Budget. */
import { NotionAdminApi } from '../../credentials/NotionAdminApi.credentials';
import { NotionOrganizationApi } from '../../credentials/NotionOrganizationApi.credentials';
import type { IExecuteFunctions } from 'n8n-workflow';

import { credentialSettings, pacingOf, SHARING_FIELD, unusableBudgetField } from '../../nodes/common/n8n/credentialSettings';

/** Just what credentialSettings reads of a node's context: its API credential, no SCIM one. */
function contextWith(api: Record<string, unknown>): IExecuteFunctions {
	const node = { name: 'Notion Admin', type: 'notionAdmin', typeVersion: 1, position: [0, 0], parameters: {}, credentials: { notionAdminApi: { id: '1', name: 'Acme' } } };
	return { getNode: () => node, getCredentials: async () => ({ token: 'secret_x', baseUrl: 'https://api.notion.com', ...api }) } as unknown as IExecuteFunctions;
}

describe('processes sharing a credential', () => {
	test('every budget choice is divided among the processes named', () => {
		expect(pacingOf({ requestBudget: 'automatic', sharingProcesses: 3 })).toEqual({ budgetPerMinute: 600, learnBudget: true, sharedBy: 3 });
		expect(pacingOf({ requestBudget: 'business', sharingProcesses: 2 })).toEqual({ budgetPerMinute: 600, learnBudget: false, sharedBy: 2 });
		expect(pacingOf({ requestBudget: 'other', sharingProcesses: 4 })).toEqual({ budgetPerMinute: 180, learnBudget: false, sharedBy: 4 });
		expect(pacingOf({ requestBudget: 'custom', requestsPerMinute: 500, sharingProcesses: 5 })).toEqual({
			budgetPerMinute: 500,
			learnBudget: false,
			sharedBy: 5,
		});
	});

	test('one process, or a credential saved before the field, paces exactly as before', () => {
		expect(pacingOf({ requestBudget: 'automatic', sharingProcesses: 1 })).toEqual({ budgetPerMinute: 600, learnBudget: true });
		expect(pacingOf({ requestBudget: 'automatic' })).toEqual({ budgetPerMinute: 600, learnBudget: true });
	});

	test('a value that is not a whole number of at least 1 is named, and nothing is paced', () => {
		for (const bad of [0, -2, 1.5, Number.NaN, null]) {
			const api = { requestBudget: 'automatic', sharingProcesses: bad as number };
			expect(pacingOf(api)).toBeUndefined();
			expect(unusableBudgetField(api)).toBe(SHARING_FIELD);
		}
		expect(unusableBudgetField({ requestBudget: 'custom', requestsPerMinute: 0, sharingProcesses: 2 })).toBe('Requests per Minute');
		expect(unusableBudgetField({ requestBudget: 'business', sharingProcesses: 2 })).toBeUndefined();
	});

	test('both credentials with a budget offer the field, 1 by default', () => {
		for (const credential of [new NotionAdminApi(), new NotionOrganizationApi()]) {
			const field = credential.properties.find((p) => p.name === 'sharingProcesses');
			expect(field).toMatchObject({ displayName: SHARING_FIELD, type: 'number', default: 1 });
		}
	});

	test('the node fails naming the field and the credential, before any request', async () => {
		await expect(credentialSettings(contextWith({ requestBudget: 'automatic', sharingProcesses: 0 }))).rejects.toThrow(
			'The "Processes Sharing This Credential" field of the "Notion Admin API" credential must be a whole number of at least 1',
		);
		await expect(credentialSettings(contextWith({ requestBudget: 'custom', requestsPerMinute: 0, sharingProcesses: 2 }))).rejects.toThrow(
			'The "Requests per Minute" field',
		);
		await expect(credentialSettings(contextWith({ sharingProcesses: 3 }))).resolves.toMatchObject({ pacing: { sharedBy: 3 } });
	});
});
