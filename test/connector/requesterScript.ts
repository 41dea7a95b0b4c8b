/** The requester's test bench: a scripted transport, a recording pacer, a virtual clock. */
import { resolveTuning, type DirectoryTuning } from '../../nodes/common/connector/directoryOptions';
import { NotionAdminError } from '../../nodes/common/connector/errors';
import { WorkspaceGate, type Clock, type Pacer } from '../../nodes/common/connector/http/pacer';
import { Requester, type ApiCall } from '../../nodes/common/connector/http/requester';
import { RequestFailure } from '../../nodes/common/connector/http/responseError';
import { type HttpRequest, type HttpResponse } from '../../nodes/common/connector/transport';
import { fakeClock } from './fakeClock';

export type Step = HttpResponse | Error | ((request: HttpRequest) => HttpResponse);

export const TUNING: DirectoryTuning = resolveTuning({ maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 8000, maxWorkspaceWaitMs: 120_000, timeoutMs: 4321 });
export const NOTION = { 'x-notion-request-id': 'req-1' };

export const answer = (status: number, body: unknown = '', headers: Record<string, string> = NOTION): HttpResponse => ({
	status,
	headers,
	body: typeof body === 'string' ? body : JSON.stringify(body),
});
export const limited = (status: number, additional_data: unknown, headers: Record<string, string> = NOTION) => answer(status, { object: 'error', status, code: 'rate_limited', additional_data }, headers);

/** A pacer that records what the requester asks of it. */
export function recordingPacer() {
	const events: string[] = [];
	const workspace = new WorkspaceGate();
	const pacer: Pacer = {
		workspace,
		acquire: async () => {
			events.push('acquire');
			return (ok) => events.push(`release ${ok}`);
		},
		throttle: (waitMs) => events.push(`throttle ${waitMs}`),
		connectionLimited: () => events.push('connection limited'),
	};
	const pause = workspace.pause.bind(workspace);
	workspace.pause = (waitMs: number, clock: Clock) => {
		events.push(`workspace pause ${waitMs}`);
		pause(waitMs, clock);
	};
	return { pacer, events };
}

export function setup(steps: Step[], tuning: Partial<DirectoryTuning> = {}, random = () => 0.5) {
	const clock = fakeClock(0);
	const scim = recordingPacer();
	const standard = recordingPacer();
	const requests: HttpRequest[] = [];
	const requester = new Requester({
		transport: async (request) => {
			requests.push(request);
			const step = steps.shift();
			if (step === undefined) throw new Error('no more answers scripted');
			if (step instanceof Error) throw step;
			return typeof step === 'function' ? step(request) : step;
		},
		clock,
		random,
		tuning: { ...TUNING, ...tuning },
		// The organization connection is not used here.
		pacers: { scim: scim.pacer, standard: standard.pacer, organization: standard.pacer },
	});
	return { requester, clock, requests, events: scim.events, standardEvents: standard.events };
}

export const get = (extra: Partial<ApiCall> = {}): ApiCall => ({ api: 'scim', method: 'GET', url: 'https://notion.test/scim/v2/Users?startIndex=1', ...extra });

export async function failureOf(promise: Promise<unknown>): Promise<RequestFailure> {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e,
	);
	expect(error).toBeInstanceOf(NotionAdminError);
	return error as RequestFailure;
}
