/**
 * One Changes poll of the sync trigger through its entry point (pollChanges) with the network
 * taken out: the directory answers from memory and the poll context is the least n8n gives a
 * trigger. What is measured is the trigger's own work: reading the stored baseline, proving the
 * departures, diffing, building the events and storing the next baseline.
 */
import type { IDataObject, INode, IPollFunctions } from 'n8n-workflow';

import { pollChanges } from '../../nodes/NotionUsersSyncTrigger/changes';
import type { Member, ResumableListing } from '../../nodes/common/connector/model';
import type { MemberAnswer, MemberResolution } from '../../nodes/common/connector/memberResolution';
import type { NotionDirectory } from '../../nodes/common/connector/notionDirectory';

const VIA = { source: 'scim' as const };
/** A bench poll proves about 1% of N departures: the mass-removal guard is off, as a user would set it. */
const PARAMETERS: Record<string, unknown> = { 'options.maxRemovals': 0, 'options.maxRemovalPercent': 0 };
const NODE: INode = {
	id: 'bench',
	name: 'Notion Users Sync',
	type: 'n8n-nodes-notion-admin.notionUsersSyncTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
	credentials: { notionAdminApi: { id: 'bench-credential', name: 'bench' } },
};

/** A directory holding `members`: its listing is complete and consistent, and lookups answer from it. */
function memoryDirectory(members: readonly Member[]): NotionDirectory {
	const byId = new Map(members.map((member) => [member.id, member]));
	const listing: ResumableListing = { members: [...members], via: VIA, pages: 1, consistent: true, complete: true, restarted: false };
	const directory = {
		listMembers: async () => listing,
		resolveMembers: async (ids: readonly string[]): Promise<MemberResolution> => {
			const answers = new Map<string, MemberAnswer>();
			const present: MemberResolution['present'] = [];
			for (const id of ids) {
				const member = byId.get(id);
				answers.set(id, member ? { state: 'present', member, via: VIA } : { state: 'absent', via: VIA });
				if (member) present.push({ member, via: VIA });
			}
			return { answers, present, listingTrusted: false, outOfTime: false };
		},
	};
	return directory as unknown as NotionDirectory;
}

function pollContext(staticData: IDataObject): IPollFunctions {
	const ctx = {
		getNodeParameter: (name: string, fallback?: unknown) => (name in PARAMETERS ? PARAMETERS[name] : fallback),
		getWorkflowStaticData: () => staticData,
		getNode: () => NODE,
	};
	return ctx as unknown as IPollFunctions;
}

/** Runs one production poll over `members`; `staticData` is what n8n keeps between polls (updated in place). */
export async function offlinePoll(staticData: IDataObject, members: readonly Member[]): Promise<IDataObject[]> {
	const clock = { start: Date.now(), budgetMs: 5 * 60 * 1000, now: () => Date.now() };
	const output = await pollChanges(pollContext(staticData), memoryDirectory(members), clock, true);
	return output?.[0].map((item) => item.json) ?? [];
}
