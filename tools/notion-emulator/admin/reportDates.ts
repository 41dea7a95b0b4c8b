/**
 * The date rules of user-activity reports: `start_date`..`end_date` (YYYY-MM-DD, both included) in
 * the IANA `time_zone` sent; the start at most 365 days before today in that zone, the end not
 * after today there. "Today" is the emulator's clock read in that zone.
 */
import { validationError } from './errors';

const DAY = 86_400_000;
export const MAX_DAYS_BACK = 365;

/** The calendar day `now` falls on in `timeZone`, YYYY-MM-DD; a 400 naming the field for an unknown zone. */
export function todayIn(timeZone: string, now: number): string {
	let format: Intl.DateTimeFormat;
	try {
		format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
	} catch {
		throw validationError(`body failed validation: body.time_zone should be an IANA time zone, instead was \`${JSON.stringify(timeZone)}\`.`);
	}
	const parts = Object.fromEntries(format.formatToParts(now).map((p) => [p.type, p.value]));
	return `${parts.year}-${parts.month}-${parts.day}`;
}

/** Days since the epoch of a YYYY-MM-DD calendar date, or undefined when it is no such date. */
function dayNumber(date: string): number | undefined {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
	if (!m) return undefined;
	const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
	const back = new Date(ms);
	if (back.getUTCFullYear() !== Number(m[1]) || back.getUTCMonth() !== Number(m[2]) - 1 || back.getUTCDate() !== Number(m[3])) return undefined;
	return ms / DAY;
}

function dateField(body: Record<string, unknown>, field: string): number {
	const value = body[field];
	const day = typeof value === 'string' ? dayNumber(value) : undefined;
	if (day === undefined) throw validationError(`body failed validation: body.${field} should be a date as YYYY-MM-DD, instead was \`${JSON.stringify(value ?? null)}\`.`);
	return day;
}

export interface ReportRange {
	startDate: string;
	endDate: string;
	today: string;
}

/** Checks the dates against today in the zone; a 400 naming the field that breaks a rule. */
export function reportRange(body: Record<string, unknown>, timeZone: string, now: number): ReportRange {
	const today = todayIn(timeZone, now);
	const todayDay = dayNumber(today) as number;
	const start = dateField(body, 'start_date');
	const end = dateField(body, 'end_date');
	if (end > todayDay) throw validationError(`body failed validation: body.end_date should not be after today (${today} in ${timeZone}).`);
	if (start > end) throw validationError('body failed validation: body.start_date should not be after body.end_date.');
	if (todayDay - start > MAX_DAYS_BACK) throw validationError(`body failed validation: body.start_date should be at most ${MAX_DAYS_BACK} days before today (${today} in ${timeZone}).`);
	return { startDate: body.start_date as string, endDate: body.end_date as string, today };
}

/** How many days `date` lies before `today` (both YYYY-MM-DD, already checked). */
export function daysBefore(today: string, date: string): number {
	return (dayNumber(today) as number) - (dayNumber(date) as number);
}
