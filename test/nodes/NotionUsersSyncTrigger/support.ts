/**
 * What the trigger's engine tests share: a known workspace, the trigger on a real PollContext
 * against the emulator, and a loopback relay that injects the emulator's own faults at an
 * exact request of a listing.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { startEmulator } from '../../../tools/notion-emulator';
import type { Emulator, FaultKind, Seed } from '../../../tools/notion-emulator/types';
import { createPollHarness, emulatorCredentials, packageNodeType, type PollHarness } from '../../../tools/engine-harness';
import { acmeIds, acmeSeed } from '../acmeWorkspace';

export const ids = acmeIds;

/** Acme without groups. */
function syncSeed(): Seed {
	return acmeSeed({ api: 'secret_sync-trigger-test', scim: 'scim-sync-trigger-test' });
}

/** No rate limit in the emulator: these tests are about correctness, not pacing. */
export async function startSyncWorkspace(seed: Seed = syncSeed()): Promise<Emulator> {
	return await startEmulator({ seed, rateLimit: false });
}

export interface TriggerSetup {
	parameters?: INodeParameters;
	/** Whether the node has the SCIM credential (default true). */
	scim?: boolean;
	/** Another base URL for both credentials, e.g. a FaultRelay in front of the emulator. */
	url?: string;
	getPollBudgetMs?: () => number;
	/** The credential's request rate (default 1000: no waiting on pacing). */
	requestsPerSecond?: number;
}

export function syncTrigger(emulator: Emulator, setup: TriggerSetup = {}): PollHarness {
	return createPollHarness({
		type: packageNodeType('notionUsersSyncTrigger'),
		parameters: setup.parameters ?? {},
		credentials: emulatorCredentials(
			{ url: setup.url ?? emulator.url, tokens: emulator.tokens },
			// The connector's own pacing is set high so tests do not wait on it, unless asked.
			{ scim: setup.scim ?? true, requestsPerSecond: setup.requestsPerSecond ?? 1000 },
		),
		getPollBudgetMs: setup.getPollBudgetMs,
	});
}

/** The items of one poll as plain JSON (null when the poll emitted nothing). */
export function emitted(result: INodeExecutionData[][] | null): IDataObject[] | null {
	return result === null ? null : result[0].map((item) => item.json);
}

/** `event memberId` per emitted item, for compact sequence assertions. */
/** The poll's error; the test fails when the poll emitted instead. */
export async function pollFailure(poll: Promise<unknown>): Promise<{ message: string; description?: string | null }> {
	const outcome = await poll.then(
		(result) => ({ emitted: result }),
		(error: unknown) => error as { message: string; description?: string | null },
	);
	if ('emitted' in outcome) throw new Error(`The poll emitted ${JSON.stringify(outcome.emitted)?.slice(0, 200)}`);
	return outcome;
}

export function eventList(result: INodeExecutionData[][] | null): string[] | null {
	const items = emitted(result);
	return items === null ? null : items.map((item) => `${String(item.event)} ${String(item.memberId ?? item.to)}`);
}

/** A deep copy of the trigger's static data, to prove a poll left it untouched. */
export function storedState(harness: PollHarness): unknown {
	return JSON.parse(JSON.stringify(harness.staticData()));
}

export type RelayApi = 'scim' | 'standard';

/**
 * Relays requests to the emulator and scripts the emulator's own faults for exact requests:
 * counting at the relay is what makes "fail at page k" exact, also when pages go out
 * concurrently. A fault is scripted just before its request is passed on, so nothing is left
 * over for later polls.
 */
export class FaultRelay {
	private server?: Server;
	private seen = 0;
	private plan?: { only?: RelayApi; faultFor: (request: number) => FaultKind | undefined };

	constructor(private readonly emulator: Emulator) {}

	async start(): Promise<string> {
		const target = new URL(this.emulator.url);
		this.server = createServer((incoming, outgoing) => {
			this.inject(incoming.url ?? '');
			const forward = httpRequest(
				{
					host: target.hostname,
					port: target.port,
					method: incoming.method,
					path: incoming.url,
					headers: { ...incoming.headers, host: target.host },
				},
				(answer) => {
					outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(outgoing);
				},
			);
			forward.on('error', () => outgoing.destroy());
			incoming.pipe(forward);
		});
		await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
		return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
	}

	/** The `at`-th counted request (1-based) and the ones after it get `faults`, one each. */
	failAt(at: number, faults: FaultKind[], only?: RelayApi): void {
		this.arm(only, (request) => (request >= at ? faults[request - at] : undefined));
	}

	/** Every counted request from the `at`-th on fails with `fault`, until `reset()`. */
	failFrom(at: number, fault: FaultKind, only?: RelayApi): void {
		this.arm(only, (request) => (request >= at ? fault : undefined));
	}

	/** Counted requests since the last `failAt`/`failFrom`/`reset`. */
	requests(): number {
		return this.seen;
	}

	reset(): void {
		this.seen = 0;
		this.plan = undefined;
	}

	async stop(): Promise<void> {
		const server = this.server;
		if (!server) return;
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	}

	private arm(only: RelayApi | undefined, faultFor: (request: number) => FaultKind | undefined): void {
		this.seen = 0;
		this.plan = { only, faultFor };
	}

	private inject(path: string): void {
		if (path.startsWith('/_emulator')) return;
		const api: RelayApi = path.startsWith('/scim') ? 'scim' : 'standard';
		if (this.plan?.only !== undefined && this.plan.only !== api) return;
		this.seen++;
		const fault = this.plan?.faultFor(this.seen);
		if (fault !== undefined) this.emulator.control.scriptFaults([fault]);
	}
}
