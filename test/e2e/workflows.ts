/**
 * Workflows the e2e run needs besides the examples, derived from them so that node parameters
 * and credentials live in one place (examples/*.json).
 */
import type { Workflow, WorkflowNode } from '../../scripts/n8n/setup';

/** Fixed 16-character id of an example's e2e variant. */
function e2eId(exampleId: string): string {
	return `e2eX${exampleId.slice(4)}`;
}

export function nodeNamed(workflow: Workflow, name: string): WorkflowNode {
	const node = workflow.nodes.find((candidate) => candidate.name === name);
	if (!node) throw new Error(`${workflow.name} has no node "${name}"`);
	return node;
}

/**
 * The example started from a Manual Trigger (`n8n execute` starts nothing else). The trigger
 * is replaced by a node of the same name, so every expression that names it still works: a
 * webhook becomes a Set node that outputs its pinned request, a schedule a pass-through.
 */
function startManually(example: Workflow, triggerName: string): Workflow {
	const trigger = nodeNamed(example, triggerName);
	const pinned = example.pinData[triggerName]?.[0]?.json;
	const standIn: WorkflowNode = pinned
		? {
				id: trigger.id,
				name: trigger.name,
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: trigger.position,
				parameters: { mode: 'raw', jsonOutput: JSON.stringify(pinned), options: {} },
			}
		: {
				id: trigger.id,
				name: trigger.name,
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: trigger.position,
				parameters: {},
			};
	const start: WorkflowNode = {
		id: `${trigger.id.slice(0, -4)}e2e0`,
		name: 'Start (e2e)',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [trigger.position[0] - 240, trigger.position[1]],
		parameters: {},
	};
	return {
		...example,
		id: e2eId(example.id),
		name: `${example.name} (e2e, manual start)`,
		nodes: [start, ...example.nodes.map((node) => (node.name === triggerName ? standIn : node))],
		connections: {
			...example.connections,
			[start.name]: { main: [[{ node: trigger.name, type: 'main', index: 0 }]] },
		},
		pinData: {},
	};
}

/**
 * The weekly report's trigger (same credentials) in Changes mode, polling every minute (the
 * shortest interval n8n accepts): the server test changes the workspace between two polls.
 */
function memberChangesWorkflow(weeklyReport: Workflow): Workflow {
	const trigger = weeklyReport.nodes.find((node) => node.type.endsWith('.notionUsersSyncTrigger'));
	if (!trigger) throw new Error(`${weeklyReport.name} has no Notion Users Sync Trigger`);
	const changes: WorkflowNode = {
		...trigger,
		id: '7d1e0c59-3f7a-4f55-9a43-6f0c2f6b0e2e',
		name: 'Member changes',
		parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, mode: 'changes', options: {} },
	};
	const sink: WorkflowNode = {
		id: '7d1e0c59-3f7a-4f55-9a43-6f0c2f6b0e2f',
		name: 'Changes seen',
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position: [changes.position[0] + 240, changes.position[1]],
		parameters: {},
	};
	return {
		id: 'e2eXMemberChange',
		name: 'Notion Admin: member changes (e2e)',
		active: false,
		nodes: [changes, sink],
		connections: { [changes.name]: { main: [[{ node: sink.name, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** The workflow with every Notion node switched to other credentials (e.g. a workspace without SCIM). */
function withCredentials(
	workflow: Workflow,
	id: string,
	credentials: WorkflowNode['credentials'],
): Workflow {
	return {
		...workflow,
		id,
		name: `${workflow.name} (other credentials)`,
		nodes: workflow.nodes.map((node) => (node.credentials ? { ...node, credentials } : node)),
	};
}

/**
 * The example started by a POST to a webhook (path given) instead of its schedule: `n8n execute`
 * cannot wait for a resume, the server can. The webhook answers at once; the run goes on and waits.
 */
function startByWebhook(example: Workflow, triggerName: string, id: string, webhookPath: string): Workflow {
	const trigger = nodeNamed(example, triggerName);
	const hook: WorkflowNode = {
		id: trigger.id,
		name: trigger.name,
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: trigger.position,
		parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'onReceived', options: {} },
		webhookId: `${trigger.id.slice(0, -4)}e2e1`,
	};
	return {
		...example,
		id,
		name: `${example.name} (e2e, webhook start)`,
		nodes: example.nodes.map((node) => (node.name === triggerName ? hook : node)),
		pinData: {},
	};
}

/** The request pinned on an example's webhook (its sample body). */
export function pinnedBody(example: Workflow): Record<string, unknown> {
	const hook = example.nodes.find((node) => node.type === 'n8n-nodes-base.webhook');
	const body = hook ? example.pinData[hook.name]?.[0]?.json.body : undefined;
	if (!body) throw new Error(`${example.name} has no pinned webhook request`);
	return body as Record<string, unknown>;
}

/** Every workflow the e2e run imports besides the examples. */
export function e2eWorkflows(examples: Record<string, Workflow>) {
	const onboarding = startManually(examples['hr-onboarding'], 'HR system webhook');
	return {
		onboarding,
		offboarding: startManually(examples.offboarding, 'HR system webhook'),
		completeOffboarding: startManually(examples['complete-offboarding'], 'HR system webhook'),
		twoWorkspaces: startManually(examples['two-workspace-license-report'], 'Every Monday'),
		memberChanges: memberChangesWorkflow(examples['weekly-license-report']),
		seatReclamation: startByWebhook(examples['monthly-seat-reclamation'], 'First of every month', 'e2eXSeatReclaim1', 'e2e-seat-reclamation'),
		onboardingWithoutScim: withCredentials(
			onboarding,
			'e2eXOnbrdNoScim1',
			nodeNamed(examples['two-workspace-license-report'], 'Globex (API only)').credentials,
		),
	};
}

export type E2eWorkflows = ReturnType<typeof e2eWorkflows>;
