/** Workspace users through the standard API (read-only: the API cannot change members). */
import type { Client } from '@notionhq/client';
import type { ListOptions } from '../directory';
import { NotionAdminError } from '../errors';
import type { Member } from '../model';
import { apiUserToMember } from './mapApiUser';

export interface ApiMemberListing {
	members: Member[];
	pages: number;
	consistent: boolean;
}

export class ApiUsers {
	constructor(
		/** A client per call, so that a listing's deadline reaches every request it makes. */
		private readonly clientFor: (deadline?: number) => Client,
		private readonly pageSize: number,
	) {}

	/** Cursor paging is sequential by nature: each page names the next. */
	async list(options: ListOptions = {}): Promise<ApiMemberListing> {
		const seen = new Set<string>();
		const members: Member[] = [];
		let pages = 0;
		let cursor: string | undefined;
		let consistent = true;
		const client = this.clientFor(options.deadline);
		do {
			const page = await client.users.list({
				page_size: Math.max(1, Math.min(100, this.pageSize)),
				...(cursor === undefined ? {} : { start_cursor: cursor }),
			});
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
		} while (cursor !== undefined && (options.limit === undefined || members.length < options.limit));
		return {
			members: options.limit === undefined ? members : members.slice(0, options.limit),
			pages,
			consistent: consistent && options.limit === undefined,
		};
	}

	async get(id: string, raw = false): Promise<Member | null> {
		try {
			return apiUserToMember(await this.clientFor().users.retrieve({ user_id: id }), raw);
		} catch (error) {
			if (error instanceof NotionAdminError && error.kind === 'not_found') return null;
			throw error;
		}
	}
}
