/** What one benchmark case reports; `bench/results.json` is an array of these. */
export interface ClientFigures {
	/** API requests the emulator saw (429 answers and probes included). */
	requests: number;
	/** 429 answers met on the way (retried or not). */
	met429: number;
	/** 429s that reached the caller as a failure. */
	unhandled429: number;
	/** Operations that failed for any reason. */
	failures: number;
	wallMs: number;
	ratio: number | null;
}

export interface TargetCheck {
	/** e.g. "requests ≤ 101". */
	target: string;
	actual: string;
	pass: boolean;
}

export interface CaseResult extends ClientFigures {
	case: string;
	/** What was measured, in a few words. */
	description: string;
	floorRequests: number | null;
	floorMs: number | null;
	cpuMs?: number;
	peakRssMb?: number;
	stateBytesPerMember?: number;
	msPerItem?: number;
	/** Free-form figures a case adds (PATCH count, pages, ...). */
	details?: Record<string, number | string>;
	/** Per-connection budget the emulator enforced and the connector started from (listing cases). */
	budgetPerMinute?: number;
	/** Requests the connector kept in flight at most. */
	inFlight?: number;
	/** The machine's 1-, 5- and 15-minute load averages when the case started and ended (shared machine). */
	loadAverage?: { start: number[]; end: number[] };
	naive?: ClientFigures;
	/** The previous release's pacing (3 requests a second, bursts of 3), same run, same limits. */
	previous?: ClientFigures;
	targets: TargetCheck[];
}

export function ratio(wallMs: number, floorMs: number | null): number | null {
	return floorMs ? round(wallMs / floorMs, 3) : null;
}

export function round(value: number, digits = 1): number {
	const f = 10 ** digits;
	return Math.round(value * f) / f;
}
