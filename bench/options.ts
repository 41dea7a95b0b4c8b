/** Command-line flags of `npm run bench` and the sizes each mode measures. */
export interface BenchOptions {
	/** Small sizes: a smoke run that proves every case works in about a minute. */
	quick: boolean;
	/** Latency the emulator adds before every answer (Notion answers in roughly 150 ms). */
	latencyMs: number;
	/** Per-connection budget of a Business/Enterprise workspace (the emulator's window model). */
	budgetPerMinute: number;
	/** Requests the connector keeps in flight per connection. */
	inFlight: number;
	/** An unmeasured listing first, so the first case does not carry the process's start-up. */
	warmUp: boolean;
	/** Only run cases whose name contains one of these texts (`--only` may be given again). */
	only?: string[];
	outFile: string;
	sizes: BenchSizes;
}

export interface BenchSizes {
	scimListings: number[];
	/** SCIM listings on a workspace of another plan (180 per minute). */
	scimListingsOtherPlan: number[];
	/** The SCIM listing while a second connection spends the shared workspace budget. */
	sharedWorkspace: number;
	apiListings: number[];
	groupAdd: number;
	diffMembers: number;
	overheadItems: number;
	/** Onboarding executions the queue-mode worker processes run between them (600/min plan). */
	queueExecutions: number;
	/** Users the license report lists (members and a bot; its file has their rows and the guests'). */
	licenseReportUsers: number;
}

const FULL: BenchSizes = {
	scimListings: [1_000, 10_000, 50_000, 100_000],
	scimListingsOtherPlan: [10_000],
	sharedWorkspace: 30_000,
	apiListings: [10_000],
	groupAdd: 1_000,
	diffMembers: 100_000,
	overheadItems: 5_000,
	queueExecutions: 150,
	licenseReportUsers: 100_000,
};

// Every case once, small (the previous pacing still takes its 3 requests a second).
const QUICK: BenchSizes = {
	scimListings: [1_500],
	scimListingsOtherPlan: [1_500],
	sharedWorkspace: 3_000,
	apiListings: [1_500],
	groupAdd: 30,
	diffMembers: 10_000,
	overheadItems: 500,
	queueExecutions: 40,
	licenseReportUsers: 2_000,
};

const USAGE = `Usage: npm run bench -- [--quick] [--latency MS] [--only TEXT] [--out FILE]
  --quick        small sizes (smoke run)
  --latency MS   latency the emulator adds to every answer (default 150)
  --only TEXT    run only the cases whose name contains TEXT (repeat for more)
  --out FILE     where to write the JSON results (default bench/results.json,
                 bench/results.quick.json with --quick)
  --no-warm-up   measure the first case without an unmeasured listing before it`;

export function parseOptions(argv: string[], defaultOutFile: string): BenchOptions {
	let quick = false;
	let latencyMs = 150;
	let only: string[] | undefined;
	let outFile: string | undefined;
	let warmUp = true;
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const value = (): string => {
			const next = argv[++i];
			if (next === undefined) throw new Error(`${arg} needs a value\n${USAGE}`);
			return next;
		};
		if (arg === '--quick') quick = true;
		else if (arg === '--latency') latencyMs = nonNegativeNumber(arg, value());
		else if (arg.startsWith('--latency=')) latencyMs = nonNegativeNumber('--latency', arg.slice(10));
		else if (arg === '--only') only = [...(only ?? []), value()];
		else if (arg === '--out') outFile = value();
		else if (arg === '--no-warm-up') warmUp = false;
		else if (arg === '--help' || arg === '-h') {
			process.stdout.write(`${USAGE}\n`);
			process.exit(0);
		} else throw new Error(`Unknown flag ${arg}\n${USAGE}`);
	}
	return {
		quick,
		latencyMs,
		budgetPerMinute: 600,
		inFlight: 10,
		warmUp,
		only,
		// A smoke run must not overwrite the full run's figures.
		outFile: outFile ?? (quick ? defaultOutFile.replace(/\.json$/, '.quick.json') : defaultOutFile),
		sizes: quick ? QUICK : FULL,
	};
}

function nonNegativeNumber(flag: string, text: string): number {
	const n = Number(text);
	if (!Number.isFinite(n) || n < 0) throw new Error(`${flag} must be a number of milliseconds ≥ 0`);
	return n;
}
