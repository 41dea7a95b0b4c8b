/** Reading what n8n prints and stores about a run. */

export interface ExecutionOutcome {
	ok: boolean;
	/** Name of the last node that ran. */
	lastNode: string | undefined;
	/** Output items (their `json`) of every node that ran, by node name (first run, main output 0). */
	outputs: Record<string, Array<Record<string, unknown>>>;
	error: string | undefined;
	/** n8n's log lines (never contain tokens: n8n does not log credential data). */
	log: string;
}

export interface RawRunData {
	status?: string;
	data?: {
		resultData?: {
			lastNodeExecuted?: string;
			error?: { message?: string; description?: string };
			runData?: Record<
				string,
				Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> } }>
			>;
		};
	};
}

/**
 * `--rawOutput` still prints log lines around the result: the JSON is the block from the first
 * line that starts with `{` to the first line that is exactly `}`.
 */
export function extractRunJson(output: string): RawRunData | undefined {
	const lines = output.split('\n');
	const start = lines.findIndex((line) => line.startsWith('{'));
	if (start < 0) return undefined;
	const end = lines.findIndex((line, index) => index >= start && line === '}');
	if (end < 0) return undefined;
	try {
		return JSON.parse(lines.slice(start, end + 1).join('\n')) as RawRunData;
	} catch {
		return undefined;
	}
}

type RunData = NonNullable<NonNullable<RawRunData['data']>['resultData']>['runData'];

export function outputsOf(runData: RunData): ExecutionOutcome['outputs'] {
	const outputs: ExecutionOutcome['outputs'] = {};
	for (const [node, runs] of Object.entries(runData ?? {})) {
		outputs[node] = (runs[0]?.data?.main?.[0] ?? []).map((item) => item.json);
	}
	return outputs;
}
