/** The two Admin API error bodies, as tests check them. */
import type { Reply } from '../../../tools/notion-emulator/support';

/** `object` family (public-style, with request_id) or the strict `type` family (exactly four keys). */
export function expectAdminError(reply: Reply, family: 'object' | 'type', status: number, code: string): void {
	expect(reply.status).toBe(status);
	const body =
		family === 'type'
			? { type: 'error', code, status, message: expect.any(String) }
			: { object: 'error', status, code, message: expect.any(String), request_id: reply.headers.get('x-notion-request-id') };
	expect(reply.body).toEqual(body);
}
