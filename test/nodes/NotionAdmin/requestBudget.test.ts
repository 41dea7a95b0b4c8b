/**
 * The credential's "Request Budget" set to Custom with an unusable "Requests per Minute": the
 * node fails in the real engine with an error that names the credential and the field, before
 * any request reaches Notion (the form cannot validate it; the node must).
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { emulatorCredentials, packageNodeType, runNode } from '../../../tools/engine-harness';
import { apiRequests, expectSuccess, useWorkspace } from './support';

const emulator = useWorkspace();

const getMany = { resource: 'user', operation: 'getAll', returnAll: true };

/** Runs User → Get Many with the API credential's budget fields replaced by `budget`. */
async function runWithBudget(budget: ICredentialDataDecryptedObject, options: { continueOnFail?: boolean } = {}) {
	const credentials = emulatorCredentials(emulator());
	credentials.notionAdminApi = { ...credentials.notionAdminApi, ...budget };
	return await runNode({
		type: packageNodeType('notionAdmin'),
		parameters: getMany,
		credentials,
		node: options.continueOnFail ? { onError: 'continueRegularOutput' } : undefined,
	});
}

describe('Notion Admin: a Custom request budget that cannot be used', () => {
	it.each([
		['zero', 0],
		['negative', -60],
		['a fraction', 2.5],
		['not a number', 'fast'],
		['empty', ''],
	])('fails naming the credential and "Requests per Minute" when it is %s, and sends nothing', async (_what, value) => {
		const run = await runWithBudget({ requestBudget: 'custom', requestsPerMinute: value });

		expect(run.status).not.toBe('success');
		expect(run.error?.message).toContain('"Requests per Minute"');
		expect(run.error?.message).toContain('"Notion Admin API" credential');
		expect(run.error?.description).toContain('Request Budget');
		expect(apiRequests(emulator())).toEqual([]);
	});

	it('stops the run even with Continue on Fail (no item is at fault), and nothing is sent', async () => {
		const run = await runWithBudget({ requestBudget: 'custom', requestsPerMinute: 0 }, { continueOnFail: true });

		expect(run.status).toBe('error');
		expect(run.error?.message).toContain('"Requests per Minute"');
		expect(apiRequests(emulator())).toEqual([]);
	});

	it('a whole number of at least 1 is used as the budget and the node runs', async () => {
		const run = await runWithBudget({ requestBudget: 'custom', requestsPerMinute: 120 });

		expectSuccess(run);
		expect(run.items.length).toBeGreaterThan(0);
	});

	it('left out, it is the field\'s default (600), as n8n fills a credential, and the node runs', async () => {
		const credentials = emulatorCredentials(emulator());
		delete credentials.notionAdminApi.requestsPerMinute;
		credentials.notionAdminApi.requestBudget = 'custom';
		const run = await runNode({ type: packageNodeType('notionAdmin'), parameters: getMany, credentials });

		expectSuccess(run);
		expect(run.items.length).toBeGreaterThan(0);
	});
});
