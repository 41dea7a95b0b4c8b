/**
 * What an action node built from resources needs besides its look: the Resource selector with
 * every resource's fields, and the run of the chosen operation over the input items.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { byName, type Resource } from './defineResource';

/**
 * What both action nodes' descriptions say alike: version 1, one input, one output (the subtitle
 * and `usableAsTool` stay written out in each node, where n8n's lint rules look for them).
 */
export const ACTION_NODE: Pick<INodeTypeDescription, 'group' | 'version' | 'inputs' | 'outputs'> = {
	group: ['transform'],
	version: 1,
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
};

/** The node's `properties`: the Resource selector (sorted by name, as n8n's linter wants), then every resource's fields. */
export function resourceProperties<C>(resources: Array<Resource<C>>, defaultResource: string): INodeProperties[] {
	return [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: resources.map((resource) => resource.option).sort(byName),
			default: defaultResource,
		},
		...resources.flatMap((resource) => resource.properties),
	];
}

/** Runs the selected operation on every input item with the node's connector (made once per run). */
export async function runSelectedOperation<C>(
	ctx: IExecuteFunctions,
	resources: Array<Resource<C>>,
	connectorFor: (ctx: IExecuteFunctions) => Promise<C>,
): Promise<INodeExecutionData[][]> {
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const operation = ctx.getNodeParameter('operation', 0) as string;
	const run = resources.find((candidate) => candidate.option.value === resource)?.execute[operation];
	if (!run) {
		throw new NodeOperationError(ctx.getNode(), `The operation "${operation}" is not supported for the resource "${resource}"`);
	}
	const connector = await connectorFor(ctx);
	return [await run.call(ctx, connector, ctx.getInputData())];
}
