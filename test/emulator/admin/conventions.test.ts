/**
 * What every Admin API request goes through: the organization token (401), Notion-Version (400),
 * the route's scope (403), the two error envelopes, and P1 paging parameters (400).
 */
import { demoSeed, type Emulator } from '../../../tools/notion-emulator';
import { useEmulator } from '../../../tools/notion-emulator/support';
import { admin } from './support';

const seed = demoSeed();
const users = `/spaces/${seed.workspace.id}/users`;

function expectPublicError(reply: { status: number; headers: Headers; body: unknown }, status: number, code: string): void {
	expect(reply.status).toBe(status);
	expect(reply.body).toEqual({ object: 'error', status, code, message: expect.any(String), request_id: reply.headers.get('x-notion-request-id') });
}

function expectStrictError(reply: { status: number; body: unknown }, status: number, code: string): void {
	expect(reply.status).toBe(status);
	// The spec's adminApiError schemas allow these four keys and no other.
	expect(reply.body).toEqual({ type: 'error', code, status, message: expect.any(String) });
}

describe('Admin API conventions', () => {
	const emu = useEmulator({ seed });

	describe('the organization token', () => {
		it.each([
			['no Authorization header', null],
			['a wrong token', 'Bearer adm_wrong'],
		])('answers 401 unauthorized for %s', async (_, authorization) => {
			const reply = await admin(emu(), '/spaces', { headers: { authorization } });
			expectPublicError(reply, 401, 'unauthorized');
		});

		it('refuses the workspace API and SCIM tokens', async () => {
			for (const token of [emu().tokens.api, emu().tokens.scim]) {
				const reply = await admin(emu(), users, { headers: { authorization: `Bearer ${token}` } });
				expectPublicError(reply, 401, 'unauthorized');
			}
		});

		it('is its own token, never echoed in an answer', async () => {
			const { api, scim, admin: adminToken } = emu().tokens;
			expect(adminToken).toMatch(/^adm_/);
			expect(new Set([api, scim, adminToken]).size).toBe(3);
			const reply = await admin(emu(), '/spaces', { headers: { 'notion-version': 'wrong' } });
			expect(JSON.stringify(reply.body)).not.toContain(adminToken);
		});

		it('is not accepted by the standard API', async () => {
			const res = await fetch(`${emu().url}/v1/users`, {
				headers: { authorization: `Bearer ${emu().tokens.admin}`, 'notion-version': '2022-06-28' },
			});
			expect(res.status).toBe(401);
		});
	});

	describe('Notion-Version', () => {
		it.each([
			['missing', null, '`null`'],
			['the public API version', '2022-06-28', '2022-06-28'],
		])('answers 400 validation_error naming 2026-06-01 when %s', async (_, version, shown) => {
			const reply = await admin(emu(), '/spaces', { headers: { 'notion-version': version } });
			expectPublicError(reply, 400, 'validation_error');
			expect(reply.body.message).toContain('2026-06-01');
			expect(reply.body.message).toContain(shown);
		});

		it('checks the token first', async () => {
			const reply = await admin(emu(), '/spaces', { headers: { authorization: null, 'notion-version': null } });
			expect(reply.status).toBe(401);
		});

		it('answers missing_version for a missing header when adminVersionCheck is "missing_version"', async () => {
			emu().control.setBehaviours({ adminVersionCheck: 'missing_version' });
			expectPublicError(await admin(emu(), '/spaces', { headers: { 'notion-version': null } }), 400, 'missing_version');
			expectPublicError(await admin(emu(), '/spaces', { headers: { 'notion-version': '2025-09-03' } }), 400, 'validation_error');
		});

		it('accepts any version when adminVersionCheck is "accept"', async () => {
			emu().control.setBehaviours({ adminVersionCheck: 'accept' });
			expect((await admin(emu(), '/spaces', { headers: { 'notion-version': null } })).status).toBe(200);
		});
	});

	describe('scopes', () => {
		const only = (e: Emulator, scopes: string[]) => e.control.setBehaviours({ adminTokenScopes: scopes });

		it('answers 403 restricted_resource when the token lacks the route scope, naming nothing secret', async () => {
			only(emu(), ['workspace:read']);
			expect((await admin(emu(), '/spaces')).status).toBe(200);
			const reply = await admin(emu(), users);
			expectPublicError(reply, 403, 'restricted_resource');
			expect(JSON.stringify(reply.body)).not.toContain(emu().tokens.admin);
			only(emu(), ['user:read']);
			expectPublicError(await admin(emu(), '/spaces'), 403, 'restricted_resource');
			expect((await admin(emu(), users)).status).toBe(200);
		});

		it('answers the code adminMissingScopeCode names', async () => {
			emu().control.setBehaviours({ adminTokenScopes: [], adminMissingScopeCode: 'missing_scope' });
			expectPublicError(await admin(emu(), '/spaces'), 403, 'missing_scope');
		});

		it('checks the scope after the version', async () => {
			only(emu(), []);
			expect((await admin(emu(), '/spaces', { headers: { 'notion-version': null } })).status).toBe(400);
		});
	});

	describe('error envelopes', () => {
		it('answers an unknown route 400 invalid_request_url in the strict family', async () => {
			expectStrictError(await admin(emu(), '/spaces/x/nothing'), 400, 'invalid_request_url');
			expectStrictError(await admin(emu(), '/spaces', { method: 'POST', body: {} }), 400, 'invalid_request_url');
		});

		it('forces one family everywhere with adminErrorEnvelope', async () => {
			emu().control.setBehaviours({ adminErrorEnvelope: 'type' });
			expectStrictError(await admin(emu(), users, { headers: { authorization: null } }), 401, 'unauthorized');
			expectStrictError(await admin(emu(), '/spaces?page_size=0'), 400, 'validation_error');
			emu().control.setBehaviours({ adminErrorEnvelope: 'object' });
			expectPublicError(await admin(emu(), '/nothing'), 400, 'invalid_request_url');
		});
	});

	describe('P1 paging parameters', () => {
		it.each(['0', '101', 'abc', '2.5', ''])('answers 400 validation_error for page_size=%s', async (size) => {
			const reply = await admin(emu(), `/spaces?page_size=${size}`);
			expectPublicError(reply, 400, 'validation_error');
			expect(reply.body.message).toContain('page_size');
		});

		it('clamps an out-of-range page_size when pageSizeOutOfRange is "clamp"', async () => {
			emu().control.setBehaviours({ pageSizeOutOfRange: 'clamp' });
			const reply = await admin(emu(), `${users}?page_size=500`);
			expect(reply.status).toBe(200);
			expect(reply.body.results.length).toBeLessThanOrEqual(100);
		});

		it.each(['bogus', 'dXNlcnM6', '00000000-0000-4000-8000-000000000001'])('answers 400 validation_error for the unknown cursor %s', async (cursor) => {
			const reply = await admin(emu(), `${users}?start_cursor=${cursor}`);
			expectPublicError(reply, 400, 'validation_error');
			expect(reply.body.message).toContain('start_cursor');
		});

		it('reads from the start for an unknown cursor when adminUnknownCursor is "ignore"', async () => {
			emu().control.setBehaviours({ adminUnknownCursor: 'ignore' });
			const first = await admin(emu(), `${users}?page_size=3`);
			const reply = await admin(emu(), `${users}?page_size=3&start_cursor=bogus`);
			expect(reply.body.results).toEqual(first.body.results);
		});
	});
});
