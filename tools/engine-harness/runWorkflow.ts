import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ExecutionError,
	ExecutionStatus,
	IConnections,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IRun,
	IVersionedNodeType,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	IWorkflowSettings,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';

import { recordRun } from './records';
import { HarnessCredentialsHelper, type TestCredentials } from './credentialsHelper';
import { HarnessNodeTypes, START_NODE_TYPE } from './nodeTypes';
import { completeNodes, type HarnessNode } from './workflowNodes';

export interface WorkflowRun {
	status: ExecutionStatus;
	error?: ExecutionError;
	/** Each node's first main output from its last run. */
	outputs: Record<string, INodeExecutionData[]>;
	/** The whole run, for anything else (every output, run metadata). */
	run: IRun;
}

export interface RunWorkflowOptions {
	/** The first node starts the run; usually a Start node (`START_NODE_TYPE`). */
	nodes: HarnessNode[];
	/** n8n's connection map; when left out the nodes are chained in the order given. */
	connections?: IConnections;
	credentials?: TestCredentials;
	/** Node types beside this package's nodes and Start, keyed by their n8n type. */
	extraNodeTypes?: Record<string, INodeType | IVersionedNodeType>;
}

/** Runs a workflow through n8n-core's real WorkflowExecute, the way n8n runs a manual execution. */
export async function runWorkflow(options: RunWorkflowOptions): Promise<WorkflowRun> {
	const credentials = options.credentials ?? {};
	const nodeTypes = new HarnessNodeTypes(options.extraNodeTypes);
	const credentialsHelper = new HarnessCredentialsHelper(credentials);
	const nodes = completeNodes(options.nodes, nodeTypes, credentials, credentialsHelper);
	const connections = options.connections ?? chain(nodes.map((node) => node.name));
	// What n8n saves for every new workflow (v0 is the legacy order of old workflows).
	const settings: IWorkflowSettings = { executionOrder: 'v1' };
	const workflowData = {
		id: 'harness-workflow',
		name: 'Harness workflow',
		active: false,
		nodes,
		connections,
		settings,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as IWorkflowBase;
	const workflow = new Workflow({
		id: workflowData.id,
		name: workflowData.name,
		nodes,
		connections,
		active: false,
		nodeTypes,
		settings,
		staticData: {},
	});
	const hooks = new ExecutionLifecycleHooks('manual', 'harness-execution', workflowData);
	// The minimum n8n-core needs (docs/engine-tests.md): plain objects, no auto-mocks, which
	// would make every optional hook look present. The waiting URLs are needed because
	// createRunExecutionData gives each run a resume token, which n8n appends to them when a
	// node reads a parameter.
	const additionalData = {
		hooks,
		credentialsHelper,
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
	} as unknown as IWorkflowExecuteAdditionalData;
	const startNode = workflow.getNode(nodes[0].name);
	if (!startNode) throw new Error('A workflow needs at least one node');
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: startNode, data: { main: [[{ json: {} }]] }, source: null }],
		},
	});
	const run = await new WorkflowExecute(
		additionalData,
		'manual',
		runExecutionData,
	).processRunExecutionData(workflow);
	// For the secrets scan at the end of the test run (test/security/globalTeardown.ts).
	recordRun('workflow', { status: run.status, error: run.data.resultData.error, runData: run.data.resultData.runData });
	return {
		status: run.status,
		error: run.data.resultData.error,
		outputs: lastOutputs(run),
		run,
	};
}

export interface RunNodeOptions {
	type: string;
	parameters?: INodeParameters;
	credentials?: TestCredentials;
	/** Items the node receives (Start emits them); one empty item when left out. */
	items?: Array<Record<string, unknown>>;
	/** Any other node field: name, typeVersion, onError, continueOnFail, credentials… */
	node?: Partial<HarnessNode>;
}

/** Start → the node under test; `items` is that node's main output. */
export async function runNode(
	options: RunNodeOptions,
): Promise<WorkflowRun & { items: INodeExecutionData[] }> {
	const name = options.node?.name ?? 'Node';
	const result = await runWorkflow({
		nodes: [
			{
				name: 'Start',
				type: START_NODE_TYPE,
				parameters: { items: JSON.stringify(options.items ?? []) },
			},
			{ ...options.node, name, type: options.type, parameters: options.parameters ?? {} },
		],
		credentials: options.credentials,
	});
	return { ...result, items: result.outputs[name] ?? [] };
}

function chain(names: string[]): IConnections {
	const connections: IConnections = {};
	for (let i = 0; i + 1 < names.length; i++) {
		connections[names[i]] = { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] };
	}
	return connections;
}

function lastOutputs(run: IRun): Record<string, INodeExecutionData[]> {
	const outputs: Record<string, INodeExecutionData[]> = {};
	for (const [name, tasks] of Object.entries(run.data.resultData.runData)) {
		const main = tasks[tasks.length - 1]?.data?.main;
		if (main?.[0]) outputs[name] = main[0];
	}
	return outputs;
}
