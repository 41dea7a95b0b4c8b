/**
 * A user-activity report file read as rows while it arrives: JSONL one line at a time, CSV
 * through csvRecords.ts; either way one row per member or page guest, yielded as soon as its line
 * is in, so the whole file is never held (only the line being read).
 *
 * Notion lists the columns only in part (`user_id`, `name`, `email`, `current_role`,
 * `current_teamspaces`, `page_views`, `page_edits`, `active_days`, "…"), so each is read under
 * its documented name or a plain variant, and every column is also passed on as sent (`fields`).
 * A row that does not parse, has no user id, or a count that is not a number is an error naming
 * its line: a row skipped would count a member as inactive.
 */
import { csvRecords, malformed, type NumberedRecord } from './csvRecords';
import type { ReportFormat } from './reportRequest';

export interface ActivityRow {
	userId: string;
	name: string | null;
	email: string | null;
	/** `owner`, `membership_admin`, `member`, `restricted_member`, `page_guest`, or what Notion sends. */
	role: string | null;
	teamspaces: string[];
	/** null: the file has no such column (or leaves it empty). */
	pageViews: number | null;
	pageEdits: number | null;
	activeDays: number | null;
	/** The file's line the row came from. */
	line: number;
	/** Every column as the file has it. */
	fields: Record<string, unknown>;
}

export const PAGE_GUEST = 'page_guest';

async function* jsonlRecords(text: AsyncIterable<string>): AsyncGenerator<NumberedRecord<Record<string, unknown>>> {
	let rest = '';
	let line = 0;
	let first = true;
	const parse = (raw: string, number: number): NumberedRecord<Record<string, unknown>> | undefined => {
		const trimmed = raw.trim();
		// An empty line (the one after the last newline, say) carries no row.
		if (trimmed === '') return undefined;
		let value: unknown;
		try {
			value = JSON.parse(trimmed);
		} catch {
			throw malformed(number, 'is not valid JSON');
		}
		if (typeof value !== 'object' || value === null || Array.isArray(value)) throw malformed(number, 'is not a JSON object');
		return { line: number, record: value as Record<string, unknown> };
	};
	for await (let chunk of text) {
		if (first) {
			first = false;
			if (chunk.startsWith('\uFEFF')) chunk = chunk.slice(1);
		}
		rest += chunk;
		let start = 0;
		for (let end = rest.indexOf('\n', start); end !== -1; end = rest.indexOf('\n', start)) {
			line += 1;
			const record = parse(rest.slice(start, end), line);
			if (record !== undefined) yield record;
			start = end + 1;
		}
		rest = rest.slice(start);
	}
	const record = parse(rest, line + 1);
	if (record !== undefined) yield record;
}

const pick = (record: Record<string, unknown>, names: string[]): unknown => {
	for (const name of names) if (record[name] !== undefined) return record[name];
	return undefined;
};

function textOf(value: unknown): string | null {
	if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
	return typeof value === 'number' ? String(value) : null;
}

function countOf(record: Record<string, unknown>, names: string[], line: number): number | null {
	const value = pick(record, names);
	if (value === undefined || value === null || value === '') return null;
	const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : Number.NaN;
	if (!Number.isFinite(number) || number < 0) throw malformed(line, `has ${names[0]} ${JSON.stringify(value)}, which is not a count`);
	return number;
}

/**
 * A list in JSONL; in CSV a JSON array in the cell, or names separated by semicolons (or by
 * commas when there is no semicolon): how Notion writes a list into a CSV cell is not documented.
 */
function teamspacesOf(value: unknown): string[] {
	if (Array.isArray(value)) return value.map((entry) => textOf(isNamed(entry) ? entry.name : entry)).filter((name): name is string => name !== null);
	const text = textOf(value);
	if (text === null) return [];
	if (text.startsWith('[')) {
		try {
			return teamspacesOf(JSON.parse(text));
		} catch {
			// Not JSON after all: read as a plain list below.
		}
	}
	return text
		.split(text.includes(';') ? ';' : ',')
		.map((name) => name.trim())
		.filter((name) => name !== '');
}

const isNamed = (value: unknown): value is { name: unknown } => typeof value === 'object' && value !== null && 'name' in value;

export function toActivityRow({ line, record }: NumberedRecord<Record<string, unknown>>): ActivityRow {
	const userId = textOf(pick(record, ['user_id', 'userId', 'id']));
	if (userId === null) throw malformed(line, 'has no user_id');
	return {
		userId,
		name: textOf(pick(record, ['name', 'user_name'])),
		email: textOf(pick(record, ['email', 'user_email'])),
		role: textOf(pick(record, ['current_role', 'role'])),
		teamspaces: teamspacesOf(pick(record, ['current_teamspaces', 'teamspaces'])),
		pageViews: countOf(record, ['page_views', 'views'], line),
		pageEdits: countOf(record, ['page_edits', 'edits'], line),
		activeDays: countOf(record, ['active_days', 'days_active'], line),
		line,
		fields: record,
	};
}

/** The file's rows as they arrive; without a known format, a first character `{` means JSONL. */
export async function* activityRows(text: AsyncIterable<string>, format: ReportFormat | string | null): AsyncGenerator<ActivityRow> {
	const iterator = text[Symbol.asyncIterator]();
	const head = await iterator.next();
	const firstChunk = head.done ? '' : head.value;
	async function* again(): AsyncGenerator<string> {
		if (firstChunk !== '') yield firstChunk;
		for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
	}
	const kind = format === 'csv' || format === 'jsonl' ? format : firstChunk.replace(/^\uFEFF/, '').trimStart().startsWith('{') ? 'jsonl' : 'csv';
	const records = kind === 'csv' ? csvRecords(again()) : jsonlRecords(again());
	for await (const record of records) yield toActivityRow(record);
}
