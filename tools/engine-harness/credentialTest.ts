import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, Workflow } from 'n8n-workflow';

import { registerSecrets } from './records';
import {
	credentialExpressionResolver,
	HarnessCredentialsHelper,
	type TestCredentials,
} from './credentialsHelper';
import { HarnessNodeTypes, START_NODE_TYPE } from './nodeTypes';
import { runWorkflow } from './runWorkflow';

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	/** HTTP status of the test request, when an answer came. */
	statusCode?: number;
	message: string;
}

const TESTER_TYPE = 'harness.credentialTester';

/**
 * Presses a credential's "Test" button: its `test.request` with `$credentials` expressions
 * resolved (as n8n's credentials tester does), authenticated and sent through n8n's request
 * helpers inside the real engine. Like n8n, any non-2xx answer fails the test, with the message
 * of the type's `responseCode` rule for that status, else the answer's reason phrase, else
 * "Received HTTP status code: N".
 */
export async function testCredential(
	type: string,
	values: TestCredentials[string],
): Promise<CredentialTestResult> {
	registerSecrets(typeof values.token === 'string' ? values.token : undefined);
	const credentialType = new HarnessCredentialsHelper({}).credentialType(type);
	const testRequest = credentialType.test?.request;
	const rules = credentialType.test?.rules ?? [];
	if (!testRequest) throw new Error(`Credential type "${type}" has no test request`);

	const tester: INodeType = {
		description: {
			displayName: 'Credential Tester',
			name: 'credentialTester',
			group: ['transform'],
			version: 1,
			description: 'Sends a credential type’s test request',
			defaults: { name: 'Credential Tester' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: type, required: true }],
			properties: [],
		} satisfies INodeTypeDescription,
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const credentials = await this.getCredentials(type);
			// n8n's tester, too, resolves the test request in a throwaway one-node workflow.
			const workflow = new Workflow({
				nodes: [this.getNode()],
				connections: {},
				active: false,
				nodeTypes: new HarnessNodeTypes({ [TESTER_TYPE]: tester }),
			});
			const request = resolveDeep(
				testRequest,
				credentialExpressionResolver(workflow, this.getNode(), credentials),
			) as IHttpRequestOptions;
			let result: CredentialTestResult;
			try {
				const response = (await this.helpers.httpRequestWithAuthentication.call(this, type, {
					...request,
					method: request.method ?? 'GET',
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
				})) as { statusCode: number; statusMessage?: string };
				const ok = response.statusCode >= 200 && response.statusCode < 300;
				const rule = rules.find(
					(candidate) => candidate.type === 'responseCode' && candidate.properties.value === response.statusCode,
				);
				result = {
					status: ok ? 'OK' : 'Error',
					statusCode: response.statusCode,
					message: ok
						? 'Connection tested successfully'
						: (rule?.properties.message ??
							(response.statusMessage || `Received HTTP status code: ${response.statusCode}`)),
				};
			} catch (error) {
				result = { status: 'Error', message: (error as Error).message };
			}
			return [[{ json: result as unknown as IDataObject, pairedItem: { item: 0 } }]];
		},
	};

	const run = await runWorkflow({
		nodes: [
			{ name: 'Start', type: START_NODE_TYPE },
			{ name: 'Tester', type: TESTER_TYPE },
		],
		credentials: { [type]: values },
		extraNodeTypes: { [TESTER_TYPE]: tester },
	});
	const item = run.outputs.Tester?.[0];
	if (!item)
		throw new Error(`The credential test did not run: ${run.error?.message ?? run.status}`);
	return item.json as unknown as CredentialTestResult;
}

function resolveDeep(value: unknown, resolve: (value: unknown) => unknown): unknown {
	if (Array.isArray(value)) return value.map((entry) => resolveDeep(entry, resolve));
	if (typeof value === 'object' && value !== null) {
		return Object.fromEntries(
			Object.entries(value).map(([key, entry]) => [key, resolveDeep(entry, resolve)]),
		);
	}
	return resolve(value);
}
