/**
 * Activity, credit usage and analytics reports: the seed's say over them and the report records.
 * Activity is a rule per person (a latest active day and a rhythm going back from it), so a report
 * over any date range is computed, never stored, and a test knows the answer.
 */

/** One person's activity and credits, replacing the generated ones (see docs/emulator.md). */
export interface SeedActivity {
	/** Days before the report's day of the latest active day; null = no active day in the last 365 days. */
	lastActiveDaysAgo: number | null;
	/** Active every n-th day going back from the latest one (default 1: every day). */
	everyDays?: number;
	/** Page views and edits per active day (defaults 3 and 1). */
	viewsPerDay?: number;
	editsPerDay?: number;
	/** Teamspace names (default: generated; guests none). */
	teamspaces?: string[];
	/** Credits used per billing period, newest (the current one) first; default: generated. */
	credits?: number[];
	/** The member's credit limit in force: null = none, 0 = cannot spend until one is set. */
	creditLimit?: number | null;
}

export interface SeedOrgAnalytics {
	/** Workspaces on HIPAA terms: creating a report there is 403. */
	hipaaWorkspaceIds?: string[];
	/** Workspaces without a billing period: credit usage there is 404. */
	unbilledWorkspaceIds?: string[];
	/** How many billing periods (calendar months, UTC, the current one included) have usage; default 3. */
	billingPeriods?: number;
	/** Activity by email (any case), replacing the generated rules for those people. */
	people?: Record<string, SeedActivity>;
	/** Activity for everyone not in `people`: generated (default), or none at all. */
	activity?: 'generated' | 'none';
}

export type ReportStatus = 'queued' | 'running' | 'completed' | 'failed' | 'expired';
export type ReportFormat = 'csv' | 'jsonl';

/** One download link of a completed report: each get mints a fresh one. */
export interface ReportLink {
	key: string;
	expiresAt: number;
}

export interface AnalyticsReportState {
	id: string;
	type: 'user_activity';
	workspaceId: string;
	startDate: string;
	endDate: string;
	timeZone: string;
	/** The day the report was asked for, in its time zone: activity counts back from it. */
	today: string;
	format: ReportFormat;
	/** How the CSV file joins a list cell (`adminAnalyticsCsvListSeparator` when asked for). */
	csvListSeparator: string;
	/** Never expired: that is read from the clock (`fileExpiresAt`). */
	status: Exclude<ReportStatus, 'expired'>;
	/** Get reads so far: they move the report on (`adminAnalyticsReadsUntil*`). */
	reads: number;
	createdAt: number;
	completedAt?: number;
	fileExpiresAt?: number;
	links: ReportLink[];
	idempotencyKey?: string;
	/** The create body as sent, to tell a replay from a different request under the same key. */
	requestFingerprint: string;
}
