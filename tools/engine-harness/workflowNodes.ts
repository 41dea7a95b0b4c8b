import type { INode, INodeCredentials, INodeParameters } from 'n8n-workflow';

import type { HarnessCredentialsHelper, TestCredentials } from './credentialsHelper';
import type { HarnessNodeTypes } from './nodeTypes';

/** A workflow node as tests write it: only name, type and parameters are needed. */
export interface HarnessNode extends Partial<Omit<INode, 'name' | 'type' | 'parameters'>> {
	name: string;
	type: string;
	parameters?: INodeParameters;
}

/**
 * Completes the nodes as n8n's editor would save them. A node that names no credentials gets
 * a reference to each supplied credential its type accepts, so a test picks "with SCIM" or
 * "without SCIM" just by which credential values it passes.
 */
export function completeNodes(
	nodes: HarnessNode[],
	nodeTypes: HarnessNodeTypes,
	credentials: TestCredentials,
	credentialsHelper: HarnessCredentialsHelper,
): INode[] {
	return nodes.map((node, index) => {
		const typeVersion = node.typeVersion ?? nodeTypes.latestVersion(node.type);
		const description = nodeTypes.getByNameAndVersion(node.type, typeVersion).description;
		const references: INodeCredentials = {};
		for (const { name } of description.credentials ?? []) {
			if (!credentials[name]) continue;
			references[name] = {
				id: `${name}-test`,
				name: credentialsHelper.credentialType(name).displayName,
			};
		}
		return {
			id: `node-${index}`,
			position: [index * 220, 0],
			...node,
			typeVersion,
			parameters: node.parameters ?? {},
			credentials: node.credentials ?? (Object.keys(references).length ? references : undefined),
		};
	});
}
