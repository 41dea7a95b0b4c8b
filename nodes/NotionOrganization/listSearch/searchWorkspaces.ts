import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { organizationFor } from '../../common/n8n/organizationFromContext';
import { toNodeError } from '../../common/n8n/toNodeError';

/** The workspace picker: every live workspace of the organization, filtered by name. */
export async function searchWorkspaces(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const text = filter?.trim().toLowerCase();
	try {
		const workspaces = await (await organizationFor(this)).listWorkspaces();
		return {
			results: workspaces
				.filter((workspace) => !text || workspace.name.toLowerCase().includes(text))
				.map((workspace) => ({ name: workspace.name || workspace.id, value: workspace.id })),
		};
	} catch (error) {
		throw toNodeError(this.getNode(), error);
	}
}
