/**
 * The one place that sends requests, for both APIs: paces, sends through the injected transport
 * with a timeout, parses the body, retries under the shared policy, and turns what finally went
 * wrong into a NotionAdminError.
 */
import type { DirectoryTuning } from '../directoryOptions';
import { NotionAdminError } from '../errors';
import { TransportError, type Api, type HttpRequest, type HttpTransport } from '../transport';
import type { Clock, Pacer } from './pacer';
import { describeFailure, RequestFailure } from './responseError';
import {
	backoffDelay,
	CONNECTION_LIMIT,
	decideRetry,
	ENDPOINT_LIMIT,
	isIdempotentMethod,
	isThrottled,
	parseRetryAfter,
	readLimitDetails,
	WORKSPACE_LIMIT,
	type AttemptFailure,
} from './retryPolicy';

export interface ApiCall {
	api: Api;
	method: HttpRequest['method'];
	/** Absolute URL. */
	url: string;
	/** Serialized as JSON. */
	body?: unknown;
	headers?: Record<string, string>;
	/** Overrides the method's default (everything but POST is idempotent). */
	idempotent?: boolean;
	/** Absolute time (from `now()`) past which no attempt or wait starts. */
	deadline?: number;
	/**
	 * The shape a 2xx body must have. A body without it is a bad answer, retried like an
	 * unparsable one, never taken for an empty result.
	 */
	accepts?: (json: unknown) => boolean;
	/**
	 * Whether a DELETE's 404 after a lost answer means the lost attempt did the job (the default).
	 * False where Notion answers a repeat of a done DELETE with success: then a 404 is the truth.
	 */
	goneMeansDone?: boolean;
}

export interface ApiResult {
	status: number;
	headers: Record<string, string>;
	/** Parsed body; null for an empty body (204). */
	json: unknown;
	text: string;
}

export interface RequesterOptions {
	transport: HttpTransport;
	clock: Clock;
	random: () => number;
	tuning: DirectoryTuning;
	pacers: Record<Api, Pacer>;
}

type Attempt =
	| { ok: true; result: ApiResult }
	| { ok: false; failure: AttemptFailure; text: string; headers: Record<string, string> };

export class Requester {
	constructor(private readonly options: RequesterOptions) {}

	get maxAttempts(): number {
		return this.options.tuning.maxAttempts;
	}

	async send(call: ApiCall): Promise<ApiResult> {
		const { tuning, clock, pacers } = this.options;
		const idempotent = call.idempotent ?? isIdempotentMethod(call.method);
		const described = { api: call.api, method: call.method, path: pathOf(call.url) };
		/** Some earlier attempt may have reached Notion and taken effect. */
		let mayHaveApplied = false;
		for (let attempt = 1; ; attempt++) {
			this.checkDeadline(call);
			const pacer = pacers[call.api];
			const release = await pacer.acquire(clock);
			let outcome: Attempt;
			try {
				outcome = await this.attempt(call);
			} catch (error) {
				release(false);
				throw error;
			}
			if (outcome.ok) {
				release(true);
				return outcome.result;
			}
			const { failure, text, headers } = outcome;
			const throttled = isThrottled(failure);
			const reason = failure.type === 'status' ? failure.limit?.reason : undefined;
			const retryAfterMs = failure.type === 'status' ? (failure.retryAfterMs ?? failure.limit?.retryAfterMs) : undefined;
			// A workspace's budget may ask for more than a minute; other limits never do.
			const longest = reason === WORKSPACE_LIMIT ? tuning.maxWorkspaceWaitMs : tuning.maxDelayMs;
			const tooLong = retryAfterMs !== undefined && retryAfterMs > longest;
			const waitMs = retryAfterMs ?? backoffDelay(attempt, tuning, this.options.random);
			// Before this request's slot is freed, so no waiting caller slips out ahead of the pause.
			if (throttled && !tooLong) this.holdBack(pacer, reason, waitMs);
			release(false);
			if (call.method === 'DELETE' && call.goneMeansDone !== false && mayHaveApplied && failure.type === 'status' && failure.status === 404) {
				// The earlier DELETE whose answer was lost did the job.
				return { status: 204, headers, json: null, text: '' };
			}
			const decision = decideRetry(failure, idempotent);
			if (decision !== 'retry' || attempt >= tuning.maxAttempts) {
				const error = describeFailure(failure, described, text, headers, attempt);
				// A write refused after an attempt that may have applied it says nothing about that
				// attempt: the caller reads what Notion holds (a GET changes nothing, so never).
				if (decision === 'ambiguous' || (mayHaveApplied && call.method !== 'GET')) throw markAmbiguous(error);
				throw error;
			}
			// A 503 whose guidance says "safe to retry" tells us the write was not saved.
			const notSaved = failure.type === 'status' && failure.limit?.guidance === 'repeat';
			mayHaveApplied ||= !throttled && !notSaved;
			if (tooLong) {
				const error = describeFailure(failure, described, text, headers, attempt);
				throw new RequestFailure(
					error.kind,
					error.message,
					`Notion asked to wait ${Math.ceil(retryAfterMs / 1000)} s before trying again, longer than the ${Math.ceil(longest / 1000)} s this node waits; try again later`,
					{ api: error.api, httpStatus: error.httpStatus, requestId: error.requestId, code: error.code },
				);
			}
			await this.sleepOutIfPastDeadline(call, waitMs);
			// Pauses set by holdBack() are slept out in acquire(); an endpoint's limit holds back
			// only requests to it, so this one waits on its own, as after any other failure.
			if (!throttled || reason === ENDPOINT_LIMIT) await clock.sleep(waitMs);
		}
	}

	/** Who waits after a 429 or 529, by its reason. */
	private holdBack(pacer: Pacer, reason: string | undefined, waitMs: number): void {
		const { clock } = this.options;
		if (reason === ENDPOINT_LIMIT) return;
		if (reason === WORKSPACE_LIMIT) {
			// The workspace's shared budget: every request of this credential, on both APIs, waits.
			pacer.workspace.pause(waitMs, clock);
			return;
		}
		// This connection (or Notion overloaded, 529): everyone on it waits.
		if (reason === CONNECTION_LIMIT) pacer.connectionLimited(clock);
		pacer.throttle(waitMs, clock);
	}

	/** The wait before attempt `attempt + 1` of a caller-driven retry (non-idempotent creates). */
	async backoff(attempt: number): Promise<void> {
		await this.options.clock.sleep(backoffDelay(attempt, this.options.tuning, this.options.random));
	}

	private checkDeadline(call: ApiCall): void {
		if (call.deadline === undefined || this.options.clock.now() <= call.deadline) return;
		throw new NotionAdminError(
			'timeout',
			`The operation ran past its time limit during ${call.method} ${pathOf(call.url)}`,
			'Notion is answering slowly or limiting the rate; try again later or allow more time',
			{ api: call.api },
		);
	}

	/**
	 * A retry that could only start after the deadline is pointless: wait until the deadline
	 * (so "past its time limit" is literally true when reported) and give up.
	 */
	private async sleepOutIfPastDeadline(call: ApiCall, waitMs: number): Promise<void> {
		const { clock } = this.options;
		if (call.deadline === undefined || clock.now() + waitMs <= call.deadline) return;
		await clock.sleep(Math.max(0, call.deadline - clock.now()) + 1);
		this.checkDeadline(call);
	}

	private async attempt(call: ApiCall): Promise<Attempt> {
		const headers: Record<string, string> = { accept: 'application/json', ...call.headers };
		let body: string | undefined;
		if (call.body !== undefined) {
			body = JSON.stringify(call.body);
			headers['content-type'] = 'application/json';
		}
		let response;
		try {
			response = await this.options.transport({
				api: call.api,
				method: call.method,
				url: call.url,
				headers,
				body,
				timeoutMs: this.options.tuning.timeoutMs,
			});
		} catch (error) {
			const type = error instanceof TransportError && error.reason === 'timeout' ? 'timeout' : 'network';
			return { ok: false, failure: { type }, text: '', headers: {} };
		}
		const { status, headers: responseHeaders, body: text } = response;
		if (status >= 200 && status < 300) {
			if (text.trim() === '') return { ok: true, result: { status, headers: responseHeaders, json: null, text } };
			let json: unknown;
			try {
				json = JSON.parse(text);
			} catch {
				return { ok: false, failure: { type: 'bad_body' }, text, headers: responseHeaders };
			}
			if (call.accepts !== undefined && !call.accepts(json)) {
				return { ok: false, failure: { type: 'bad_body' }, text, headers: responseHeaders };
			}
			return { ok: true, result: { status, headers: responseHeaders, json, text } };
		}
		if (isFromEdge(status, responseHeaders)) {
			return { ok: false, failure: { type: 'edge', status }, text, headers: responseHeaders };
		}
		const limit = status === 429 || status === 503 || status === 529 ? readLimitDetails(text) : undefined;
		return {
			ok: false,
			failure: {
				type: 'status',
				status,
				retryAfterMs: parseRetryAfter(responseHeaders['retry-after'], this.options.clock.now()),
				...(limit === undefined ? {} : { limit }),
			},
			text,
			headers: responseHeaders,
		};
	}
}

/** Cloudflare answered on Notion's behalf: the request never reached the API. */
function isFromEdge(status: number, headers: Record<string, string>): boolean {
	return status >= 500 && headers['cf-ray'] !== undefined && headers['x-notion-request-id'] === undefined;
}

function markAmbiguous(error: RequestFailure): RequestFailure {
	return new RequestFailure(
		error.kind,
		error.message,
		error.hint,
		{
			api: error.api,
			httpStatus: error.httpStatus,
			requestId: error.requestId,
			code: error.code,
			ambiguous: true,
		},
	);
}

/** The path without origin and query: safe to show (a URL may carry credentials or a proxy). */
function pathOf(url: string): string {
	return url.replace(/^[a-z]+:\/\/[^/]*/i, '').replace(/\?.*$/, '') || '/';
}
