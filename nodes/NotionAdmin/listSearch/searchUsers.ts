import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { directoryFor } from '../../common/n8n/directoryFromContext';

/** Enough to pick from; typing a name or email narrows the list. */
const MAX_RESULTS = 200;

export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const directory = await directoryFor(this);
	const text = filter?.trim();
	const listing = text
		? await directory.searchMembers(text, { limit: MAX_RESULTS })
		: await directory.listMembers({ limit: MAX_RESULTS });
	return {
		results: listing.members
			.filter((member) => member.type === 'person' && member.active !== false)
			.map((member) => ({
				name: member.email
					? `${member.name ?? member.email} (${member.email})`
					: (member.name ?? member.id),
				value: member.id,
			})),
	};
}
