/**
 * An organization client over a scripted transport and a virtual clock, for the client's own
 * logic (what it sends, how it pages, how it explains refusals). The emulator tests drive the
 * same client over loopback HTTP.
 */
import { createOrganizationClient } from '../../../nodes/common/connector/organization/organizationClient';
import type { HttpRequest, HttpResponse } from '../../../nodes/common/connector/transport';
import { fakeClock } from '../fakeClock';

export const BASE = 'https://notion.test/admin';

export type Handler = (request: HttpRequest, url: URL) => HttpResponse | undefined;

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse => ({
	status,
	headers: { 'x-notion-request-id': 'req-1', ...headers },
	body: typeof body === 'string' ? body : JSON.stringify(body),
});

export const list = (results: unknown[], next: string | null = null) =>
	json(200, { object: 'list', results, has_more: next !== null, next_cursor: next });

export function fakeOrganization(handler: Handler) {
	const requests: HttpRequest[] = [];
	const clock = fakeClock();
	const client = createOrganizationClient({
		baseUrl: BASE,
		transport: async (request) => {
			requests.push(request);
			const answer = handler(request, new URL(request.url));
			if (answer === undefined) throw new Error(`unscripted ${request.method} ${request.url}`);
			return answer;
		},
		now: clock.now,
		sleep: clock.sleep,
		random: () => 0.5,
		tuning: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 60_000 },
	});
	const sent = () => requests.map((request) => `${request.method} ${request.url.replace(BASE, '')}`);
	return { client, requests, clock, sent };
}

export const WS1 = '11111111-1111-4111-8111-111111111111';
export const WS2 = '22222222-2222-4222-8222-222222222222';
export const ADA = 'aaaaaaaa-0000-4000-8000-000000000001';
export const GRACE = 'aaaaaaaa-0000-4000-8000-000000000002';

export const person = (id: string, email: string, name = 'Someone') => ({ object: 'user', id, type: 'person', name, avatar_url: null, person: { email } });
