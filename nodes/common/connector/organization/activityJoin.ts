/**
 * A user-activity report's rows joined by user id with the workspace's member listing
 * (`listWorkspaceUsers`). The report has one row per current member and page guest; the listing
 * has members and bots but no page guests. So:
 * - a listed person with a row has that row's figures as their activity;
 * - a listed person without one has none recorded (`activity: null`), which is not an error: a
 *   report covers the people of the day it was made, and someone who joined since has no row;
 * - a page guest's figures are kept apart (`guests`): guests hold no member seat;
 * - bots are kept apart (`bots`, with figures if the report has a row): reports count people;
 * - a member's row for someone the listing does not have (left since the report was made) is
 *   kept apart too (`unlisted`, its user id), never dropped.
 * Rows are taken one at a time as they come, and of each only the figures a license report uses
 * are kept (role, active days, views, edits, last active day, line), never the row itself: at
 * 100,000 members the rows' other columns would cost more memory than the whole report file.
 */
import { NotionAdminError } from '../errors';
import { normalizeId } from '../validate';
import type { WorkspaceUser } from './model';
import { PAGE_GUEST, type ActivityRow } from './reportRows';

/** What a license report uses of one row. */
export interface ActivityFigures {
	/** `owner`, `membership_admin`, `member`, `restricted_member`, `page_guest`, or what Notion sends. */
	role: string | null;
	/** null: the file has no such column (or leaves it empty). */
	activeDays: number | null;
	pageViews: number | null;
	pageEdits: number | null;
	/** The row's last active day, when the file has such a column (Notion does not document one). */
	lastActive?: string;
	/** The file's line the row came from (to name both lines of a person with two rows). */
	line: number;
}

/** A page guest (not in the listing): who they are, from their row, and their figures. */
export interface GuestActivity extends ActivityFigures {
	userId: string;
	name: string | null;
	email: string | null;
}

export interface MemberActivity {
	/** As listed; a name or email the listing lacks is taken from the row. */
	user: WorkspaceUser;
	/** null: the report has no row for them (no activity recorded). */
	activity: ActivityFigures | null;
}

export interface JoinedActivity {
	/** Every listed person, in the listing's order. */
	members: MemberActivity[];
	/** Page guests, in the report's order. */
	guests: GuestActivity[];
	bots: MemberActivity[];
	/** User ids of rows of members the listing does not have, in the report's order. */
	unlisted: string[];
}

/** Ids compared in Notion's dashed lower-case form, whichever form either side sends. */
const key = (id: string): string => normalizeId(id) ?? id.trim().toLowerCase();

const LAST_ACTIVE_COLUMNS = ['last_active', 'last_active_date', 'last_active_time', 'last_activity'];

function figuresOf(row: ActivityRow): ActivityFigures {
	const figures: ActivityFigures = { role: row.role, activeDays: row.activeDays, pageViews: row.pageViews, pageEdits: row.pageEdits, line: row.line };
	for (const name of LAST_ACTIVE_COLUMNS) {
		const value = row.fields[name];
		if (typeof value === 'string' && value.trim() !== '') return { ...figures, lastActive: value.trim() };
	}
	return figures;
}

/** The listed user, with a name or email only the row has (a new object only then). */
function completed(user: WorkspaceUser, row: ActivityRow): WorkspaceUser {
	if ((user.name !== null || row.name === null) && (user.email !== null || row.email === null)) return user;
	return { ...user, name: user.name ?? row.name, email: user.email ?? row.email };
}

function twoRows(row: ActivityRow, earlier: number): NotionAdminError {
	// Two rows for one person: which holds their activity cannot be told.
	return new NotionAdminError(
		'bad_response',
		`The report file has two rows for user ${row.userId} (lines ${earlier} and ${row.line})`,
		'Read the report again and download it anew; if it stays so, create a new report',
		{ api: 'organization' },
	);
}

export async function joinActivity(rows: AsyncIterable<ActivityRow> | Iterable<ActivityRow>, listing: WorkspaceUser[]): Promise<JoinedActivity> {
	const listed = new Map<string, MemberActivity>();
	for (const user of listing) {
		const id = key(user.id);
		// The listing's own string when it is already in the dashed form: not a second copy per member.
		listed.set(id === user.id ? user.id : id, { user, activity: null });
	}
	/** Lines of the rows not in the listing (a listed person's line is in their figures). */
	const others = new Map<string, number>();
	const guests: GuestActivity[] = [];
	const unlisted: string[] = [];
	for await (const row of rows) {
		const id = key(row.userId);
		const member = listed.get(id);
		const earlier = member !== undefined ? member.activity?.line : others.get(id);
		if (earlier !== undefined) throw twoRows(row, earlier);
		if (member !== undefined) {
			member.user = completed(member.user, row);
			member.activity = figuresOf(row);
			continue;
		}
		others.set(id, row.line);
		if (row.role === PAGE_GUEST) guests.push({ userId: row.userId, name: row.name, email: row.email, ...figuresOf(row) });
		else unlisted.push(row.userId);
	}
	const all = [...listed.values()];
	return { members: all.filter(({ user }) => user.type !== 'bot'), guests, bots: all.filter(({ user }) => user.type === 'bot'), unlisted };
}
