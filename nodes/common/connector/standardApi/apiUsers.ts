/** Workspace users through the standard API (read-only: the API cannot change members). */
import type { Client, ListUsersResponse } from '@notionhq/client';
import { isDeadlineStop, type DeadlineStop } from '../deadlineStop';
import { NotionAdminError } from '../errors';
import type { ListOptions, Member, ResumableListing } from '../model';
import { nullWhenNotFound } from '../nullWhenNotFound';
import { apiUserToMember } from './mapApiUser';
import { readTokenWorkspace, type TokenWorkspace } from './tokenWorkspace';

/** A listing as the directory returns it, before it says which source served it. */
export type ApiMemberListing = Omit<ResumableListing, 'via'>;

export class ApiUsers {
	constructor(
		/** A client per call, so that a listing's deadline reaches every request it makes. */
		private readonly clientFor: (deadline?: number) => Client,
		private readonly pageSize: number,
	) {}

	/**
	 * Cursor paging is sequential by nature: each page names the next. With `stop`, a listing
	 * that meets its deadline ends early with the cursor of the page it did not read.
	 */
	async list(options: ListOptions = {}, stop?: DeadlineStop): Promise<ApiMemberListing> {
		const seen = new Set<string>();
		const members: Member[] = [];
		let pages = 0;
		let consistent = true;
		let restarted = options.resume !== undefined && options.resume.source !== 'api';
		let cursor = options.resume?.source === 'api' ? options.resume.nextCursor : undefined;
		const client = this.clientFor(options.deadline);
		for (;;) {
			let page: ListUsersResponse;
			try {
				page = await client.users.list({
					page_size: Math.max(1, Math.min(100, this.pageSize)),
					...(cursor === undefined ? {} : { start_cursor: cursor }),
				});
			} catch (error) {
				if (isDeadlineStop(error, stop)) {
					return { members, pages, consistent, complete: false, resume: { source: 'api', nextCursor: cursor }, restarted };
				}
				if (!(pages === 0 && cursor !== undefined && isRefusedCursor(error))) throw error;
				// A cursor kept since an earlier poll that Notion no longer takes: start over.
				restarted = true;
				cursor = undefined;
				continue;
			}
			if (!Array.isArray(page.results)) throw shapeless();
			pages += 1;
			for (const user of page.results) {
				const member = apiUserToMember(user, options.raw === true);
				if (seen.has(member.id)) {
					consistent = false;
					continue;
				}
				seen.add(member.id);
				members.push(member);
			}
			cursor = page.has_more && page.next_cursor ? page.next_cursor : undefined;
			if (cursor === undefined || (options.limit !== undefined && members.length >= options.limit)) break;
		}
		return {
			members: options.limit === undefined ? members : members.slice(0, options.limit),
			pages,
			consistent: consistent && options.limit === undefined,
			complete: true,
			restarted,
		};
	}

	async get(id: string, raw = false): Promise<Member | null> {
		return nullWhenNotFound(async () =>
			apiUserToMember(await this.clientFor().users.retrieve({ user_id: id }), raw),
		);
	}

	/** The workspace of the token itself (its bot user). */
	async tokenWorkspace(deadline?: number): Promise<TokenWorkspace> {
		return readTokenWorkspace(this.clientFor(deadline));
	}
}

/** Notion answers a start_cursor it does not know (expired, from elsewhere) with 400 validation_error. */
function isRefusedCursor(error: unknown): boolean {
	return error instanceof NotionAdminError && error.kind === 'invalid_input' && error.httpStatus === 400;
}

/** A 200 without `results` is a broken answer (a proxy, a cache), never an empty workspace. */
function shapeless(): NotionAdminError {
	return new NotionAdminError(
		'bad_response',
		'The Notion API answered the member listing without a list of users',
		'Notion or a proxy in between sent a broken answer; try again later',
		{ api: 'standard' },
	);
}
