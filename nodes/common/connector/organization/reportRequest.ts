/**
 * What a user-activity analytics report is asked for, checked before any request against the
 * rules Notion documents: `startDate`..`endDate` inclusive (`YYYY-MM-DD`) as days in the IANA
 * `timeZone` sent, the start at most 365 days back, the end not after today in that zone, and a
 * file format of csv or jsonl. "Today" comes from the injected clock, so tests decide it.
 */
import { NotionAdminError } from '../errors';
import { quoteValue } from '../redact';
import { requireId } from '../validate';

export type ReportFormat = 'csv' | 'jsonl';
export const REPORT_FORMATS: readonly ReportFormat[] = ['jsonl', 'csv'];

/** How far back a report may start, in days before today (in the report's time zone). */
export const MAX_DAYS_BACK = 365;

export interface ReportRequest {
	workspaceId: string;
	/** First day covered, `YYYY-MM-DD`. */
	startDate: string;
	/** Last day covered (inclusive), `YYYY-MM-DD`. */
	endDate: string;
	/** IANA zone whose days the dates are, e.g. Europe/Berlin. */
	timeZone: string;
	/** jsonl unless told: it streams one row per line with no quoting rules. */
	format?: ReportFormat;
}

export type CheckedReportRequest = Required<ReportRequest>;

const DAY_MS = 24 * 60 * 60 * 1000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function invalid(field: string, message: string, hint: string): NotionAdminError {
	return new NotionAdminError('invalid_input', message, hint, { field });
}

/** Days since the epoch of a real calendar date (2026-02-30 is refused, not rolled over). */
function dayNumber(value: unknown, field: string): number {
	const match = typeof value === 'string' ? DATE.exec(value.trim()) : null;
	if (match) {
		const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
		const time = Date.UTC(year, month - 1, day);
		const back = new Date(time);
		if (back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day) return time / DAY_MS;
	}
	throw invalid(field, `${quoteValue(value)} is not a date`, 'Give a calendar date as YYYY-MM-DD, e.g. 2026-01-31');
}

const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

export function requireTimeZone(value: unknown, field = 'timeZone'): string {
	if (typeof value === 'string' && value.trim() !== '') {
		try {
			return new Intl.DateTimeFormat('en-US', { timeZone: value.trim() }).resolvedOptions().timeZone;
		} catch {
			// RangeError: not a zone this runtime knows; reported below, naming the field.
		}
	}
	throw invalid(field, `${quoteValue(value)} is not an IANA time zone`, 'Give a zone such as UTC, Europe/Berlin or America/New_York');
}

/** Today's date in `timeZone` at `now` (epoch ms), as a day number. */
export function todayIn(timeZone: string, now: number): number {
	const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(now));
	const part = (type: string) => Number(parts.find((entry) => entry.type === type)?.value);
	return Date.UTC(part('year'), part('month') - 1, part('day')) / DAY_MS;
}

export function checkReportRequest(request: ReportRequest, now: number): CheckedReportRequest {
	const workspaceId = requireId(request.workspaceId, 'workspaceId');
	const format = request.format ?? 'jsonl';
	if (!REPORT_FORMATS.includes(format)) {
		throw invalid('format', `${quoteValue(format)} is not a report file format`, `Use ${REPORT_FORMATS.join(' or ')}`);
	}
	const timeZone = requireTimeZone(request.timeZone);
	const start = dayNumber(request.startDate, 'startDate');
	const end = dayNumber(request.endDate, 'endDate');
	const today = todayIn(timeZone, now);
	if (end < start) {
		throw invalid('endDate', `The end date ${isoDay(end)} is before the start date ${isoDay(start)}`, 'Give an end date on or after the start date');
	}
	if (end > today) {
		throw invalid('endDate', `The end date ${isoDay(end)} is after today (${isoDay(today)} in ${timeZone})`, `Give today (${isoDay(today)}) or an earlier day`);
	}
	if (today - start > MAX_DAYS_BACK) {
		throw invalid(
			'startDate',
			`The start date ${isoDay(start)} is ${today - start} days back; Notion reports at most ${MAX_DAYS_BACK} days back`,
			`Give ${isoDay(today - MAX_DAYS_BACK)} (in ${timeZone}) or a later day`,
		);
	}
	return { workspaceId, startDate: isoDay(start), endDate: isoDay(end), timeZone, format };
}
