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

/** Each body is refused with 400 validation_error (strict envelope) whose message names its field. */
export async function expectBodiesRefused(send: (body: object) => Promise<Reply>, bad: Array<[object, string]>): Promise<void> {
	for (const [body, field] of bad) {
		const reply = await send(body);
		expectAdminError(reply, 'type', 400, 'validation_error');
		expect(reply.body.message).toContain(field);
	}
}
