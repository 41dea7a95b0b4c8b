import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { directoryFor } from '../../common/n8n/directoryFromContext';

export async function searchGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const directory = await directoryFor(this);
	const text = filter?.trim().toLowerCase();
	const groups = await directory.listGroups();
	return {
		results: groups
			.filter((group) => !text || group.name.toLowerCase().includes(text))
			.map((group) => ({ name: group.name, value: group.id })),
	};
}
