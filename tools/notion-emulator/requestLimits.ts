/**
 * Notion's request limits as documented today, for the emulator's `rateLimit: { model: 'window' }`:
 * - per connection (one token), a fixed budget per window: 600 on Business and Enterprise, 180 on
 *   other plans, spendable at any pace; past it, Retry-After is the time to the window's end;
 * - per workspace, a separate budget shared by every connection to it (Notion publishes no
 *   number; whether SCIM counts toward it is unconfirmed, hence a switch); its Retry-After is the
 *   time to the end of its own window, which may exceed a minute;
 * - per endpoint (method + path prefix), an extra budget per connection;
 * - a blocked connection gets 429 `public_api_request_blocked` on every request.
 * Windows are fixed and aligned to the limiter's start. A refused request counts toward nothing.
 * Time is injected, so unit tests control it.
 */
import type { WindowLimitOptions } from './types';

/** `admin`: the organization token of the Admin API (whether Notion limits it so is unconfirmed). */
export type Connection = 'api' | 'scim' | 'admin';

export type RateLimitReason =
	| 'public_api_request_rate_limit'
	| 'public_api_space_request_rate_limit'
	| 'public_api_endpoint_rate_limit'
	| 'public_api_request_blocked';

export interface Refusal {
	reason: RateLimitReason;
	/** Whole seconds, at least 1. */
	retryAfter: number;
}

export const PLAN_BUDGET = { business: 600, other: 180 } as const;

/** Notion's limits as they are today on Business and Enterprise: 600 a minute per connection. */
export const NOTION_LIMITS_TODAY: WindowLimitOptions = { model: 'window', plan: 'business' };
const MINUTE = 60_000;

/** Requests counted in the current fixed window of one key. */
class FixedWindow {
	private index = -1;
	private used = 0;

	constructor(
		private readonly budget: number,
		private readonly windowMs: number,
	) {}

	/** Ms to the end of the window when the budget is spent, else 0. */
	wait(now: number): number {
		this.roll(now);
		return this.used < this.budget ? 0 : (this.index + 1) * this.windowMs - now;
	}

	count(now: number): void {
		this.roll(now);
		this.used++;
	}

	private roll(now: number): void {
		const index = Math.floor(now / this.windowMs);
		if (index !== this.index) {
			this.index = index;
			this.used = 0;
		}
	}
}

export class WindowLimiter {
	private readonly windows = new Map<string, FixedWindow>();
	private readonly blocked = new Set<Connection>();
	private readonly startedAt: number;

	constructor(
		private readonly options: WindowLimitOptions,
		private readonly clock: () => number = () => performance.now(),
	) {
		this.startedAt = clock();
		for (const connection of options.blocked ?? []) this.blocked.add(connection);
	}

	setBlocked(connection: Connection, on: boolean): void {
		if (on) this.blocked.add(connection);
		else this.blocked.delete(connection);
	}

	/** Undefined when the request may go (it is then counted everywhere it applies). */
	take(connection: Connection, method: string, path: string): Refusal | undefined {
		if (this.blocked.has(connection)) return { reason: 'public_api_request_blocked', retryAfter: 0 };
		const now = this.clock() - this.startedAt;
		const windowMs = this.options.windowMs ?? MINUTE;
		const checks: Array<{ window: FixedWindow; reason: RateLimitReason }> = [
			{ window: this.window(`c:${connection}`, this.perConnection(), windowMs), reason: 'public_api_request_rate_limit' },
		];
		const countsForWorkspace =
			connection === 'api' ||
			(connection === 'scim' && (this.options.scimCountsTowardWorkspace ?? true)) ||
			(connection === 'admin' && (this.options.adminCountsTowardWorkspace ?? false));
		if (this.options.workspaceBudget !== undefined && countsForWorkspace) {
			const workspaceWindow = this.options.workspaceWindowMs ?? windowMs;
			checks.push({
				window: this.window('workspace', this.options.workspaceBudget, workspaceWindow),
				reason: 'public_api_space_request_rate_limit',
			});
		}
		for (const endpoint of this.options.endpoints ?? []) {
			if (!`${method} ${path}`.startsWith(endpoint.prefix)) continue;
			checks.push({
				window: this.window(`e:${connection}:${endpoint.prefix}`, endpoint.budget, windowMs),
				reason: 'public_api_endpoint_rate_limit',
			});
		}
		for (const { window, reason } of checks) {
			const wait = window.wait(now);
			if (wait > 0) return { reason, retryAfter: Math.max(1, Math.ceil(wait / 1000)) };
		}
		for (const { window } of checks) window.count(now);
		return undefined;
	}

	private perConnection(): number {
		return this.options.perConnection ?? PLAN_BUDGET[this.options.plan ?? 'business'];
	}

	private window(key: string, budget: number, windowMs: number): FixedWindow {
		let window = this.windows.get(key);
		if (!window) {
			window = new FixedWindow(budget, windowMs);
			this.windows.set(key, window);
		}
		return window;
	}
}
