/**
 * What the emulator answers when a request limit applies or an overload is scripted: the 429 of
 * each `rate_limit_reason`, 529 `service_overload`, and the 503 of a write that may have been saved
 * (`additional_data.retry_guidance`). The public API's error envelope carries `additional_data`;
 * SCIM answers carry the same member beside the RFC 7644 fields (Notion does not say what its
 * SCIM 429s hold; a client that finds no reason treats the 429 as an ordinary one).
 */
import type { Answer } from './answer';
import type { RequestContext } from './context';
import { RateLimiter } from './rateLimiter';
import { WindowLimiter, type Connection, type RateLimitReason } from './requestLimits';
import type { ApiKind, RateLimitOptions } from './types';

const SCIM_ERROR_URN = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** The two kinds of guidance the emulator gives with a 503 on a write. */
export type RetryGuidance = 'read_before_retry' | 'safe_to_retry';

export type ScriptedLimit =
	| { status: 429; reason?: RateLimitReason | string; retryAfter?: number }
	| { status: 529; retryAfter?: number }
	/** For the next write (GETs pass): `saved` says whether the write takes effect. */
	| { status: 503; saved: boolean; guidance: RetryGuidance };

export interface LimitControl {
	/** Answers for the next requests of the workspace's tokens, in order (503s wait for a write). */
	script(answers: ScriptedLimit[]): void;
	/** Window model only: block or unblock one connection. */
	setBlocked(connection: Connection, on: boolean): void;
}

type Api = Exclude<ApiKind, 'control'>;

const MESSAGES: Record<RateLimitReason, string> = {
	public_api_request_rate_limit: 'This integration has made too many requests. Please try again later.',
	public_api_space_request_rate_limit: 'This workspace has made too many requests. Please try again later.',
	public_api_endpoint_rate_limit: 'Too many requests to this endpoint. Please try again later.',
	public_api_request_blocked: 'API access for this integration has been restricted. Contact Notion support.',
};

function errorAnswer(
	api: Api,
	status: number,
	code: string,
	message: string,
	additional: Record<string, unknown>,
	headers: Record<string, string>,
	scimStatusAsString: boolean,
): Answer {
	const body =
		api === 'scim'
			? { schemas: [SCIM_ERROR_URN], status: scimStatusAsString ? String(status) : status, detail: message, additional_data: additional }
			: { object: 'error', status, code, message, additional_data: additional };
	return { status, headers, body };
}

/** 429 with the reason; Retry-After (header, and `retry_after` as a string) unless blocked. */
export function tooManyRequests(api: Api, reason: string, retryAfter: number, scimStatusAsString = true): Answer {
	const blocked = reason === 'public_api_request_blocked';
	const message = MESSAGES[reason as RateLimitReason] ?? 'You have been rate limited. Please try again later.';
	const additional: Record<string, unknown> = { rate_limit_reason: reason };
	const headers: Record<string, string> = {};
	if (!blocked) {
		additional.retry_after = String(retryAfter);
		headers['retry-after'] = String(retryAfter);
	}
	return errorAnswer(api, 429, 'rate_limited', message, additional, headers, scimStatusAsString);
}

export function overloaded(api: Api, retryAfter: number, scimStatusAsString = true): Answer {
	return errorAnswer(
		api,
		529,
		'service_overload',
		'Notion is temporarily overloaded. Please try again later.',
		{ retry_after: String(retryAfter) },
		{ 'retry-after': String(retryAfter) },
		scimStatusAsString,
	);
}

/** The id a successful create answered with, for `committed_resource_id`. */
function createdId(answer: Answer): string | undefined {
	const body = answer.body as { id?: unknown } | undefined;
	return answer.status === 201 && typeof body?.id === 'string' ? body.id : undefined;
}

export function unavailableAfterWrite(api: Api, real: Answer | undefined, guidance: RetryGuidance, scimStatusAsString = true): Answer {
	const additional: Record<string, unknown> = { retry_guidance: [guidance], elapsed_ms: '10001', deadline_ms: '10000' };
	const committed = real === undefined ? undefined : createdId(real);
	if (committed !== undefined) additional.committed_resource_id = committed;
	return errorAnswer(api, 503, 'service_unavailable', 'The request timed out while building the response.', additional, {}, scimStatusAsString);
}

/** The limits of one running emulator: a token bucket (the older model) or Notion's windows. */
export class RequestLimits implements LimitControl {
	private readonly bucket?: RateLimiter;
	private readonly windows?: WindowLimiter;
	private readonly scripted: ScriptedLimit[] = [];

	constructor(options: RateLimitOptions | false) {
		if (options === false) return;
		if (options.model === 'window') this.windows = new WindowLimiter(options);
		else this.bucket = new RateLimiter(options);
	}

	script(answers: ScriptedLimit[]): void {
		this.scripted.push(...answers);
	}

	setBlocked(connection: Connection, on: boolean): void {
		if (!this.windows) throw new Error('blocking needs rateLimit: { model: "window" }');
		this.windows.setBlocked(connection, on);
	}

	/**
	 * The answer to a request of the workspace's own tokens (others are never limited), routing
	 * it when no limit applies. `route` may be called on a throw-away copy of the store.
	 */
	answer(
		ctx: RequestContext,
		api: Api,
		path: string,
		sharedBucket: boolean,
		scimStatusAsString: boolean,
		route: (ctx: RequestContext) => Answer,
	): Answer {
		const connection = connectionOf(ctx);
		if (connection === undefined) return route(ctx);
		const head = this.scripted[0];
		const isWrite = ctx.method !== 'GET';
		if (head !== undefined && (head.status !== 503 || isWrite)) {
			this.scripted.shift();
			if (head.status === 429) return tooManyRequests(api, head.reason ?? 'public_api_request_rate_limit', head.retryAfter ?? 1, scimStatusAsString);
			if (head.status === 529) return overloaded(api, head.retryAfter ?? 1, scimStatusAsString);
			const real = route(head.saved ? ctx : { ...ctx, store: ctx.store.clone() });
			return unavailableAfterWrite(api, head.saved ? real : undefined, head.guidance, scimStatusAsString);
		}
		if (this.windows) {
			const refusal = this.windows.take(connection, ctx.method, path);
			if (refusal) return tooManyRequests(api, refusal.reason, refusal.retryAfter, scimStatusAsString);
		} else if (this.bucket) {
			const wait = this.bucket.take(sharedBucket ? 'workspace' : connection);
			if (wait) return tooManyRequests(api, 'public_api_request_rate_limit', wait, scimStatusAsString);
		}
		return route(ctx);
	}
}

function connectionOf(ctx: RequestContext): Connection | undefined {
	if (!ctx.bearer) return undefined;
	const { api, scim } = ctx.store.tokens;
	if (ctx.bearer === api) return 'api';
	if (ctx.bearer === scim) return 'scim';
	if (ctx.bearer === ctx.store.org?.adminToken && (ctx.behaviours.adminRequestLimits ?? true)) return 'admin';
	return undefined;
}
