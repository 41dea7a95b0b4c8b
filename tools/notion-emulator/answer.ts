/** What a route hands back to the HTTP layer: a status, a JSON body (or none) and extra headers. */
export interface Answer {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
}

export function json(status: number, body: unknown, headers?: Record<string, string>): Answer {
	return { status, body, headers };
}
