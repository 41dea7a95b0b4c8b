/**
 * One n8n queue-mode worker, in a process of its own: its own connector module state, so its own
 * pacer for the shared credential, exactly as a real worker has. It runs its share of onboarding
 * executions (the HR onboarding example's connector calls: create the member, then find each team
 * group by name and add the member to it), `concurrency` at a time like n8n's worker concurrency,
 * each execution building its directory afresh on the credential's pacing key as the node does.
 *
 * It waits for the parent's `go` so that every worker starts at once, and sends back every
 * attempt it made (when it was sent, the status it got) so the parent can count the requests Notion
 * accepted in any 60 seconds across all workers.
 */
import type { DirectoryTuning } from '../../nodes/common/connector/directoryOptions';
import { createDirectory } from '../../nodes/common/connector/notionDirectory';
import type { HttpTransport } from '../../nodes/common/connector/transport';
import { loopbackTransport, type Tokens } from '../../test/support/loopbackTransport';

export interface QueueWorkerJob {
	url: string;
	tokens: Tokens;
	/** The credential's pacing key: the same in every worker (one credential). */
	pacingKey: string;
	tuning?: Partial<DirectoryTuning>;
	/** New hires this worker onboards, one execution each. */
	emails: string[];
	groupNames: string[];
	/** Executions at once (n8n's worker concurrency, 10 by default). */
	concurrency: number;
}

export interface Attempt {
	/** Epoch ms when the request was sent (the same clock in every process of the machine). */
	sentAt: number;
	status: number;
}

export interface QueueWorkerFigures {
	executions: number;
	failed: number;
	/** The first failure's message, for the report. */
	firstError?: string;
	/** Requests sent again after a 429, 503 or 529 answer. */
	retries: number;
	attempts: Attempt[];
	/** Budget per minute the worker's pacer ended with (Automatic may have learned a lower one). */
	budgetAtEnd?: number;
	startedAt: number;
	endedAt: number;
}

const RETRIED = new Set([429, 503, 529]);

async function run(job: QueueWorkerJob, go: Promise<void>): Promise<QueueWorkerFigures> {
	const attempts: Attempt[] = [];
	let retries = 0;
	// A request sent again has the same method, URL and body as the one refused before it.
	const refused = new Map<string, number>();
	const inner = loopbackTransport(job.tokens);
	const transport: HttpTransport = async (request) => {
		const key = `${request.method} ${request.url} ${request.body === undefined ? '' : JSON.stringify(request.body)}`;
		const waiting = refused.get(key) ?? 0;
		if (waiting > 0) {
			retries++;
			refused.set(key, waiting - 1);
		}
		const sentAt = Date.now();
		const response = await inner(request);
		attempts.push({ sentAt, status: response.status });
		if (RETRIED.has(response.status)) refused.set(key, (refused.get(key) ?? 0) + 1);
		return response;
	};
	const directory = () =>
		createDirectory({
			apiBaseUrl: job.url,
			scimBaseUrl: job.url,
			transport,
			sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
			now: () => Date.now(),
			pacingKey: job.pacingKey,
			tuning: job.tuning,
		});
	await openConnections(job);
	process.send?.({ ready: true });
	await go;

	let failed = 0;
	let firstError: string | undefined;
	let next = 0;
	const startedAt = Date.now();
	const runner = async () => {
		while (next < job.emails.length) {
			const email = job.emails[next++];
			try {
				await onboard(directory(), email, job.groupNames);
			} catch (error) {
				failed++;
				firstError ??= error instanceof Error ? error.message : String(error);
			}
		}
	};
	await Promise.all(Array.from({ length: job.concurrency }, runner));
	const endedAt = Date.now();
	return { executions: job.emails.length, failed, firstError, retries, attempts, budgetAtEnd: await budgetOf(job), startedAt, endedAt };
}

/** The HR onboarding example's calls for one new hire. */
async function onboard(directory: ReturnType<typeof createDirectory>, email: string, groupNames: string[]): Promise<void> {
	const local = email.split('@')[0];
	const created = await directory.createMember({ email, givenName: local, familyName: 'Hire' });
	for (const name of groupNames) {
		const group = await directory.findGroupByName(name);
		if (!group) throw new Error(`group ${name} not found`);
		await directory.addGroupMembers(group.id, [created.id]);
	}
}

/** The budget the worker's SCIM pacer holds at the end (the pacer is the process's, by key). */
async function budgetOf(job: QueueWorkerJob): Promise<number | undefined> {
	const { pacerFor } = await import('../../nodes/common/connector/http/pacer');
	const { pacingOf, resolveTuning } = await import('../../nodes/common/connector/directoryOptions');
	const pacer = pacerFor(job.pacingKey, 'scim', pacingOf(resolveTuning(job.tuning))) as { budgetPerMinute?: number };
	return pacer.budgetPerMinute;
}

/**
 * Connections opened before the clock starts, through the emulator's control API (neither logged
 * as API requests nor counted by its limits): opening them is the transport's cost, not pacing's.
 */
async function openConnections(job: QueueWorkerJob): Promise<void> {
	const transport = loopbackTransport(job.tokens);
	const open = () => transport({ api: 'scim', method: 'GET', url: `${job.url}/_emulator/requests`, headers: {}, timeoutMs: 10_000 });
	await Promise.all(Array.from({ length: job.concurrency }, open));
}

let start: () => void = () => undefined;
const go = new Promise<void>((resolve) => (start = resolve));
process.on('message', (message: { job?: QueueWorkerJob; go?: boolean }) => {
	if (message.go) {
		start();
		return;
	}
	if (!message.job) return;
	run(message.job, go).then(
		(figures) => process.send?.({ figures }, () => process.exit(0)),
		(error: unknown) => process.send?.({ error: error instanceof Error ? error.message : String(error) }, () => process.exit(1)),
	);
});
