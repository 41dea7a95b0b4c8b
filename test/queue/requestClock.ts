/**
 * When each request reached the emulator. The emulator's log keeps order and outcome but no
 * time, so the log is sampled every few milliseconds and each new entry stamped on first sight.
 * A stamp is late by at most one sample plus the event loop's lag; the emulator's answer delay
 * (latencyMs, longer than that) keeps the stamps' windows sound against the pacer, which counts
 * a request until 60 s after its answer.
 */
import type { Emulator, LogEntry } from '../../tools/notion-emulator';

export const SAMPLE_MS = 20;

export interface StampedRequest extends LogEntry {
	at: number;
}

export class RequestClock {
	private readonly stamps: number[] = [];

	private readonly timer: NodeJS.Timeout;

	constructor(private readonly emulator: Emulator) {
		this.timer = setInterval(() => this.sample(), SAMPLE_MS);
	}

	private sample(): void {
		const length = this.emulator.control.requestLog().length;
		const now = Date.now();
		while (this.stamps.length < length) this.stamps.push(now);
	}

	/** Every request so far with its final status and its arrival stamp. */
	requests(): StampedRequest[] {
		this.sample();
		return this.emulator.control.requestLog().map((entry, index) => ({ ...entry, at: this.stamps[index] }));
	}

	stop(): void {
		clearInterval(this.timer);
	}
}

/** The most requests in any `windowMs` (sliding), by connection (standard API, SCIM). */
export function busiestWindow(requests: StampedRequest[], windowMs = 60_000): Record<string, number> {
	const byApi = new Map<string, number[]>();
	for (const request of requests) {
		if (request.api === 'control') continue;
		byApi.set(request.api, [...(byApi.get(request.api) ?? []), request.at]);
	}
	const busiest: Record<string, number> = {};
	for (const [api, times] of byApi) {
		times.sort((a, b) => a - b);
		let start = 0;
		let most = 0;
		for (let end = 0; end < times.length; end++) {
			while (times[end] - times[start] >= windowMs) start++;
			most = Math.max(most, end - start + 1);
		}
		busiest[api] = most;
	}
	return busiest;
}
