/**
 * A directory and a poll context in memory, for tests of one poll's rules (changes.ts) that
 * need exact control over what each listing and each lookup answers, and over the clock.
 * The engine tests drive the same code through the real connector against the emulator.
 */
import type { IDataObject, INode, IPollFunctions } from 'n8n-workflow';

import type { MemberAnswer, MemberResolution, ResolveOptions } from '../../../nodes/common/connector/memberResolution';
import type { ListOptions, Member, ResumableListing, Source } from '../../../nodes/common/connector/model';
import type { NotionDirectory } from '../../../nodes/common/connector/notionDirectory';

export const POLL_START = Date.UTC(2026, 10, 25, 12);
export const BUDGET_MS = 10_000;

export function listingOf(members: Member[], overrides: Partial<ResumableListing> = {}): ResumableListing {
	const source: Source = overrides.via?.source ?? 'scim';
	return {
		members: members.map((member) => ({ ...member, source })),
		via: { source },
		pages: 1,
		consistent: true,
		complete: true,
		restarted: false,
		...overrides,
	};
}

/**
 * Notion as the tests say: `truth` is who is really there (what lookups answer), `listings`
 * the answers of the next listings in order (the truth once they run out). Each listing moves
 * the clock on by `listingMs`; lookups answer only `lookupBudget` ids a poll, the rest unknown
 * and out of time.
 */
export class FakeNotion {
	truth: Map<string, Member>;
	listings: ResumableListing[] = [];
	listingMs = 0;
	lookupBudget = Infinity;
	failLookups?: Error;
	time = POLL_START;
	readonly listed: ListOptions[] = [];
	readonly lookedUp: string[][] = [];
	readonly resolveOptions: ResolveOptions[] = [];

	constructor(members: Member[]) {
		this.truth = new Map(members.map((member) => [member.id, member]));
	}

	clock() {
		return { start: this.time, budgetMs: BUDGET_MS, now: () => this.time };
	}

	get directory(): NotionDirectory {
		return {
			listMembers: async (options: ListOptions) => {
				this.listed.push(options);
				this.time += this.listingMs;
				return this.listings.shift() ?? listingOf([...this.truth.values()]);
			},
			resolveMembers: async (ids: readonly string[], options: ResolveOptions): Promise<MemberResolution> => {
				if (this.failLookups) throw this.failLookups;
				this.lookedUp.push([...ids]);
				this.resolveOptions.push(options);
				const answers = new Map<string, MemberAnswer>();
				ids.forEach((id, index) => {
					const member = this.truth.get(id);
					if (index >= this.lookupBudget) answers.set(id, { state: 'unknown' });
					else if (member === undefined) answers.set(id, { state: 'absent', via: { source: 'scim' } });
					else answers.set(id, { state: 'present', member: { ...member }, via: { source: 'scim' } });
				});
				return { answers, present: [], listingTrusted: false, outOfTime: ids.length > this.lookupBudget };
			},
		} as unknown as NotionDirectory;
	}
}

export interface FakeContext {
	ctx: IPollFunctions;
	staticData: IDataObject;
	parameters: Record<string, unknown>;
}

/** The trigger's node as a poll sees it, without credentials. */
export const TRIGGER_NODE: INode = {
	id: 'trigger',
	name: 'Notion Users Sync Trigger',
	type: 'notionUsersSyncTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** A poll context whose node holds the API credential `credential` (`null`: none). */
export function fakeContext(
	parameters: Record<string, unknown> = {},
	credential: { id: string | null; name: string } | null = { id: 'cred-1', name: 'Notion Admin' },
): FakeContext {
	const staticData: IDataObject = {};
	const node: INode = {
		...TRIGGER_NODE,
		...(credential === null ? {} : { credentials: { notionAdminApi: credential } }),
	};
	const ctx = {
		getNode: () => node,
		getNodeParameter: (name: string, fallback: unknown) => (name in parameters ? parameters[name] : fallback),
		getWorkflowStaticData: () => staticData,
	} as unknown as IPollFunctions;
	return { ctx, staticData, parameters };
}
