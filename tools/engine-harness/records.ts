/**
 * Where a test run leaves what the global teardown checks: every node run's output and errors
 * and every token the tests handed to a credential (the harness writes them), and the property
 * suite's totals. The directory is made by the global setup and named by an environment
 * variable, so that jest's workers find it; without it (a test run without the global setup)
 * nothing is recorded.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';

export const RECORD_DIR_ENV = 'NOTION_ADMIN_TEST_RECORDS';
export const RUNS_PREFIX = 'runs-';
export const SECRETS_PREFIX = 'secrets-';

function recordDir(): string | undefined {
	return process.env[RECORD_DIR_ENV];
}

/**
 * Shorter values are not registered: they could turn up in a run by chance. Six characters is
 * below any real token, so odd short tokens the tests use are still watched.
 */
const MIN_SECRET_LENGTH = 6;

/**
 * A token the tests use: the teardown fails the run if it shows up in any recorded run. One
 * JSON string a line, so that a token of any shape (quotes, spaces, line breaks) is kept whole.
 */
export function registerSecrets(...secrets: Array<string | undefined>): void {
	const dir = recordDir();
	const known = secrets.filter((secret): secret is string => typeof secret === 'string' && secret.length >= MIN_SECRET_LENGTH);
	if (dir === undefined || known.length === 0) return;
	appendFileSync(join(dir, `${SECRETS_PREFIX}${process.pid}.txt`), `${known.map((secret) => JSON.stringify(secret)).join('\n')}\n`);
}

/** One line per run: what a user could see of it (items, errors with descriptions, causes). */
export function recordRun(label: string, value: unknown): void {
	const dir = recordDir();
	if (dir === undefined) return;
	appendFileSync(
		join(dir, `${RUNS_PREFIX}${process.pid}.jsonl`),
		`${JSON.stringify({ label, test: currentTestName(), value: expose(value, new WeakSet(), 0) })}\n`,
	);
}

function currentTestName(): string | undefined {
	try {
		return expect.getState().currentTestName;
	} catch {
		return undefined;
	}
}

/**
 * A JSON-safe copy of what n8n would keep or show: objects with `toJSON` (n8n's errors, whose
 * projection is what n8n persists) through it, and of other errors what JSON.stringify drops
 * (message, stack, cause), also deep inside n8n's run data.
 */
function expose(value: unknown, seen: WeakSet<object>, depth: number): unknown {
	if (typeof value === 'bigint') return String(value);
	if (typeof value === 'function' || typeof value === 'symbol') return undefined;
	if (typeof value !== 'object' || value === null) return value;
	if (seen.has(value) || depth > 40) return '[seen]';
	seen.add(value);
	if (Buffer.isBuffer(value)) return value.toString('utf8');
	if (Array.isArray(value)) return value.map((entry) => expose(entry, seen, depth + 1));
	const toJSON = (value as { toJSON?: unknown }).toJSON;
	if (typeof toJSON === 'function') {
		const projected = expose((toJSON as () => unknown).call(value), seen, depth + 1);
		return value instanceof Error ? { projected, stack: value.stack } : projected;
	}
	const copy: Record<string, unknown> = {};
	if (value instanceof Error) {
		copy.name = value.name;
		copy.message = value.message;
		copy.stack = value.stack;
		copy.cause = expose((value as { cause?: unknown }).cause, seen, depth + 1);
	}
	for (const [key, entry] of Object.entries(value)) copy[key] = expose(entry, seen, depth + 1);
	return copy;
}
