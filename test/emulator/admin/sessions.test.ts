/** POST /admin/v1/managed_users/revoke_session: a managed user signed out everywhere, also after leaving. */
import { demoSeed } from '../../../tools/notion-emulator';
import { scim, useEmulator } from '../../../tools/notion-emulator/support';
import { admin } from './support';

const seed = demoSeed();
const member = seed.members[4];
const labOnly = seed.organization!.workspaces![0].members.find((m) => m.email.startsWith('lab1.lead'))!;

describe('Admin API: revoke a managed user\'s sessions', () => {
	const emu = useEmulator({ seed });
	const sessions = (id: string) => emu().control.snapshot().organization!.sessions[id];
	const revoke = (user: unknown) => admin(emu(), '/managed_users/revoke_session', { method: 'POST', body: { user } });

	it('signs the user out of every session by email (any case) and answers {status:"revoked"}, again when repeated', async () => {
		expect(sessions(member.id!)).toBeGreaterThan(0);
		const first = await revoke({ type: 'email', email: member.email.toUpperCase() });
		expect(first.status).toBe(200);
		expect(first.body).toEqual({ status: 'revoked' });
		expect(sessions(member.id!)).toBe(0);
		const again = await revoke({ type: 'email', email: member.email });
		expect(again.status).toBe(200);
		expect(again.body).toEqual({ status: 'revoked' });
		// Nobody else was signed out.
		expect(sessions(seed.members[5].id!)).toBeGreaterThan(0);
	});

	it('reaches a member removed through SCIM: removal alone leaves sessions open', async () => {
		expect((await scim(emu(), 'DELETE', `/Users/${member.id}`)).status).toBe(204);
		expect(sessions(member.id!)).toBeGreaterThan(0);
		expect((await revoke({ type: 'email', email: member.email })).status).toBe(200);
		expect(sessions(member.id!)).toBe(0);
	});

	it('accepts the user id shape, and refuses it when adminRevokeSessionById is off', async () => {
		expect((await revoke({ type: 'id', id: member.id })).body).toEqual({ status: 'revoked' });
		expect(sessions(member.id!)).toBe(0);
		emu().control.setBehaviours({ adminRevokeSessionById: false });
		const refused = await revoke({ type: 'id', id: seed.members[5].id });
		expect(refused.status).toBe(400);
		expect(refused.body).toEqual({ type: 'error', code: 'validation_error', status: 400, message: expect.stringContaining('body.user.type') });
	});

	it('reaches a member of an Admin-API-only workspace', async () => {
		const snapshot = emu().control.snapshot().organization!;
		const id = snapshot.adminOnlyMembers.find((m) => m.email === labOnly.email)!.id;
		expect((await revoke({ type: 'email', email: labOnly.email })).status).toBe(200);
		expect(sessions(id)).toBe(0);
	});

	it('answers 404 in the strict envelope for an unknown account or one off the verified domains (a guest)', async () => {
		for (const email of ['nobody@acme.test', seed.guests[0].email]) {
			const reply = await revoke({ type: 'email', email });
			expect(reply.status).toBe(404);
			expect(reply.body).toEqual({ type: 'error', code: 'object_not_found', status: 404, message: expect.any(String) });
		}
		emu().control.setBehaviours({ adminRevokeSessionUnknown: 'revoked' });
		expect((await revoke({ type: 'email', email: 'nobody@acme.test' })).body).toEqual({ status: 'revoked' });
	});

	it.each([
		['no body', undefined],
		['no user', {}],
		['an unknown shape', { user: { type: 'phone', phone: '1' } }],
		['an email that is not a string', { user: { type: 'email', email: 3 } }],
	])('answers 400 validation_error for %s', async (_, body) => {
		const reply = await admin(emu(), '/managed_users/revoke_session', { method: 'POST', body });
		expect(reply.status).toBe(400);
		expect(reply.body).toMatchObject({ type: 'error', code: 'validation_error' });
	});

	it('needs managed-user-session:write', async () => {
		emu().control.setBehaviours({ adminTokenScopes: ['user:read', 'workspace:read'] });
		const reply = await revoke({ type: 'email', email: member.email });
		expect(reply.status).toBe(403);
		expect(reply.body).toEqual({ type: 'error', code: 'restricted_resource', status: 403, message: expect.any(String) });
		expect(sessions(member.id!)).toBeGreaterThan(0);
	});
});
