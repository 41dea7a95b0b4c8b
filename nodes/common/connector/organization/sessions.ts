/**
 * `POST /v1/managed_users/revoke_session`: signs a managed user out of every session. Notion
 * documents the body by email (`{"user":{"type":"email","email":…}}`); the id form is its
 * undocumented twin. Revoking twice answers "revoked" again, so a lost answer may be retried.
 */
import { adminCall, isObject, type AdminContext } from './adminRequest';
import { SCOPES } from './scopes';

export type SessionUser = { type: 'email'; email: string } | { type: 'id'; id: string };

export interface RevokedSessions {
	status: 'revoked';
}

export async function revokeSessions(context: AdminContext, user: SessionUser): Promise<RevokedSessions> {
	await adminCall(context, {
		method: 'POST',
		path: '/managed_users/revoke_session',
		body: { user },
		action: "revoke a managed user's sessions",
		scope: SCOPES.revokeSessions,
		notFound:
			"No managed user by that email or id: sessions can be revoked only for accounts on the organization's verified domains",
		idempotent: true,
		accepts: (json) => isObject(json) && json.status === 'revoked',
	});
	return { status: 'revoked' };
}
