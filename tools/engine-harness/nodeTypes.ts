import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	ITriggerFunctions,
	ITriggerResponse,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeHelpers } from 'n8n-workflow';

import { packageNodes, packageNodeType } from './packageTypes';

export const START_NODE_TYPE = 'n8n-nodes-base.manualTrigger';

/**
 * A copy of n8n's Manual Trigger (so workflows exported from n8n run unchanged) that can
 * also emit given items through its `items` parameter, to feed the node under test.
 */
class HarnessStart implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'When clicking ‘Execute workflow’',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Runs the flow on clicking a button in n8n',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	};

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		const given = this.getNodeParameter('items', '[]') as string | IDataObject[];
		const items = typeof given === 'string' ? (JSON.parse(given) as IDataObject[]) : given;
		return {
			manualTriggerFunction: async () => {
				this.emit([this.helpers.returnJsonArray(items.length > 0 ? items : [{}])]);
			},
		};
	}
}

/** The node types a test workflow can use: this package's nodes (by their n8n type) and Start. */
export class HarnessNodeTypes implements INodeTypes {
	private readonly types = new Map<string, INodeType | IVersionedNodeType>();

	constructor(extra: Record<string, INodeType | IVersionedNodeType> = {}) {
		this.types.set(START_NODE_TYPE, new HarnessStart());
		for (const node of packageNodes()) {
			this.types.set(packageNodeType(node.description.name), node);
		}
		for (const [name, node] of Object.entries(extra)) this.types.set(name, node);
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const type = this.types.get(nodeType);
		if (!type) {
			throw new Error(
				`Unknown node type "${nodeType}" (known: ${[...this.types.keys()].join(', ')})`,
			);
		}
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		return {};
	}

	/** The newest version of a type, for nodes that do not say which one they are. */
	latestVersion(nodeType: string): number {
		const type = this.getByName(nodeType);
		if ('nodeVersions' in type) return type.currentVersion;
		const { version } = type.description;
		return Array.isArray(version) ? Math.max(...version) : version;
	}
}
