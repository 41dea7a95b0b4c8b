import { PollContext } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	IWorkflowExecuteAdditionalData,
	WorkflowActivateMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { recordRun } from './records';
import { HarnessCredentialsHelper, type TestCredentials } from './credentialsHelper';
import { HarnessNodeTypes } from './nodeTypes';
import { completeNodes, type HarnessNode } from './workflowNodes';

export type PollMode = 'trigger' | 'manual';

export interface PollHarnessOptions {
	type: string;
	parameters?: INodeParameters;
	credentials?: TestCredentials;
	/** Any other node field: name, typeVersion, credentials… */
	node?: Partial<HarnessNode>;
	/** `trigger` = an active workflow's tick; `manual` = the editor's "Fetch test event". */
	mode?: PollMode;
	activation?: WorkflowActivateMode;
	/** What `this.getPollBudgetMs()` answers (PollContext's own default is 5 minutes). */
	getPollBudgetMs?: () => number;
}

export interface PollOverrides {
	mode?: PollMode;
	getPollBudgetMs?: () => number;
}

export interface PollHarness {
	/** One tick: a fresh PollContext on the same workflow, as n8n builds one per poll. */
	poll(overrides?: PollOverrides): Promise<INodeExecutionData[][] | null>;
	/** The real PollContext a tick would get, for driving code that takes a node context. */
	context(overrides?: PollOverrides): PollContext;
	/** The trigger's static data (`getWorkflowStaticData('node')`), kept across polls. */
	staticData(): IDataObject;
	/** Changes a parameter between polls, like a user editing the trigger. */
	setParameter(name: string, value: INodeParameters[string]): void;
	workflow: Workflow;
	node: INode;
}

/**
 * A polling trigger on a real Workflow with a real PollContext: static data persists in the
 * Workflow between polls (and across modes), credentials and request helpers are n8n's own.
 */
export function createPollHarness(options: PollHarnessOptions): PollHarness {
	const credentials = options.credentials ?? {};
	const nodeTypes = new HarnessNodeTypes();
	const credentialsHelper = new HarnessCredentialsHelper(credentials);
	const [node] = completeNodes(
		[
			{
				...options.node,
				name: options.node?.name ?? 'Trigger',
				type: options.type,
				parameters: options.parameters ?? {},
			},
		],
		nodeTypes,
		credentials,
		credentialsHelper,
	);
	const workflow = new Workflow({
		id: 'harness-poll-workflow',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes,
		staticData: {},
		settings: {},
	});
	const liveNode = workflow.getNode(node.name) as INode;
	const nodeType = nodeTypes.getByNameAndVersion(liveNode.type, liveNode.typeVersion);
	if (!nodeType.poll) throw new Error(`${liveNode.type} is not a polling trigger`);
	const poll = nodeType.poll;
	const additionalData = { credentialsHelper } as unknown as IWorkflowExecuteAdditionalData;

	const context = (overrides: PollOverrides = {}) =>
		new PollContext(
			workflow,
			liveNode,
			additionalData,
			overrides.mode ?? options.mode ?? 'trigger',
			options.activation ?? 'activate',
			undefined,
			undefined,
			undefined,
			undefined,
			undefined,
			overrides.getPollBudgetMs ?? options.getPollBudgetMs,
		);

	return {
		workflow,
		node: liveNode,
		context,
		async poll(overrides) {
			// Both outcomes are recorded for the secrets scan (test/security/globalTeardown.ts).
			try {
				const result = await poll.call(context(overrides));
				recordRun('poll', result);
				return result;
			} catch (error) {
				recordRun('poll', { error });
				throw error;
			}
		},
		staticData: () => workflow.getStaticData('node', liveNode),
		setParameter(name, value) {
			liveNode.parameters[name] = value;
		},
	};
}
