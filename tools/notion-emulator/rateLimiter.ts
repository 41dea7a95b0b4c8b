/** Token bucket per key (the older model, `rateLimit.model` "tokenBucket"): `burst` at once, refilled at `requestsPerSecond`. */
import type { TokenBucketOptions } from './types';

interface Bucket {
	tokens: number;
	at: number;
}

export class RateLimiter {
	private readonly buckets = new Map<string, Bucket>();

	constructor(
		private readonly options: TokenBucketOptions,
		private readonly now: () => number = () => performance.now(),
	) {}

	/** Takes one token; returns 0 when the request may go, else the whole seconds to wait (≥ 1). */
	take(key: string): number {
		const { requestsPerSecond, burst } = this.options;
		const now = this.now();
		const bucket = this.buckets.get(key) ?? { tokens: burst, at: now };
		bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * requestsPerSecond);
		bucket.at = now;
		this.buckets.set(key, bucket);
		if (bucket.tokens >= 1) {
			bucket.tokens -= 1;
			return 0;
		}
		return Math.max(1, Math.ceil((1 - bucket.tokens) / requestsPerSecond));
	}
}
