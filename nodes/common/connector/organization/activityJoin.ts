/**
 * A user-activity report's rows joined by user id with the workspace's member listing
 * (`listWorkspaceUsers`). The report has one row per current member and page guest; the listing
 * has members and bots but no page guests. So:
 * - a listed person with a row has that row as their activity;
 * - a listed person without one has none recorded (`activity: null`), which is not an error: a
 *   report covers the people of the day it was made, and someone who joined since has no row;
 * - a page guest's row is kept apart (`guests`): guests hold no member seat;
 * - bots are kept apart (`bots`, with a row if the report has one): reports count people;
 * - a member's row for someone the listing does not have (left since the report was made) is
 *   kept apart too (`unlisted`), never dropped.
 * Rows are taken one at a time as they come; only the members' rows and the guests are kept.
 */
import { NotionAdminError } from '../errors';
import { normalizeId } from '../validate';
import type { WorkspaceUser } from './model';
import { PAGE_GUEST, type ActivityRow } from './reportRows';

export interface MemberActivity {
	user: WorkspaceUser;
	/** null: the report has no row for them (no activity recorded). */
	activity: ActivityRow | null;
}

export interface JoinedActivity {
	/** Every listed person, in the listing's order. */
	members: MemberActivity[];
	/** Page guests' rows, in the report's order. */
	guests: ActivityRow[];
	bots: MemberActivity[];
	/** Rows of members the listing does not have. */
	unlisted: ActivityRow[];
}

/** Ids compared in Notion's dashed lower-case form, whichever form either side sends. */
const key = (id: string): string => normalizeId(id) ?? id.trim().toLowerCase();

export async function joinActivity(rows: AsyncIterable<ActivityRow> | Iterable<ActivityRow>, listing: WorkspaceUser[]): Promise<JoinedActivity> {
	const listed = new Map<string, MemberActivity>();
	for (const user of listing) listed.set(key(user.id), { user, activity: null });
	const seen = new Map<string, number>();
	const guests: ActivityRow[] = [];
	const unlisted: ActivityRow[] = [];
	for await (const row of rows) {
		const id = key(row.userId);
		const earlier = seen.get(id);
		if (earlier !== undefined) {
			// Two rows for one person: which holds their activity cannot be told.
			throw new NotionAdminError(
				'bad_response',
				`The report file has two rows for user ${row.userId} (lines ${earlier} and ${row.line})`,
				'Read the report again and download it anew; if it stays so, create a new report',
				{ api: 'organization' },
			);
		}
		seen.set(id, row.line);
		const member = listed.get(id);
		if (member !== undefined) member.activity = row;
		else if (row.role === PAGE_GUEST) guests.push(row);
		else unlisted.push(row);
	}
	const all = [...listed.values()];
	return { members: all.filter(({ user }) => user.type !== 'bot'), guests, bots: all.filter(({ user }) => user.type === 'bot'), unlisted };
}
