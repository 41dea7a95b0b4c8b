/** The workflows the queue-mode suite imports: the shipped onboarding and the e2e member-changes trigger. */
import type { Workflow, WorkflowNode } from '../../scripts/n8n/setup';
import { e2eWorkflows, nodeNamed } from '../e2e/workflows';
import type { QueueSettings } from './settings';

/**
 * The deliberate break `create-twice`: after the member is created, a second Create of the same
 * hire that fails when the member exists (as a workflow that creates twice would).
 */
function createTwice(onboarding: Workflow): Workflow {
	const create = nodeNamed(onboarding, 'Create Notion member');
	const again: WorkflowNode = {
		...create,
		id: `${create.id.slice(0, -4)}2nd0`,
		name: 'Create Notion member again',
		position: [create.position[0] + 120, create.position[1] + 160],
		parameters: {
			...create.parameters,
			options: { ifAlreadyMember: 'fail' },
		},
	};
	const next = onboarding.connections[create.name].main;
	return {
		...onboarding,
		nodes: [...onboarding.nodes, again],
		connections: {
			...onboarding.connections,
			[create.name]: { main: [[{ node: again.name, type: 'main', index: 0 }]] },
			[again.name]: { main: next },
		},
	};
}

export function queueWorkflows(examples: Record<string, Workflow>, settings: QueueSettings) {
	const onboarding = examples['hr-onboarding'];
	return {
		onboarding: settings.breaks.has('create-twice') ? createTwice(onboarding) : onboarding,
		memberChanges: e2eWorkflows(examples).memberChanges,
	};
}

export type QueueWorkflows = ReturnType<typeof queueWorkflows>;
