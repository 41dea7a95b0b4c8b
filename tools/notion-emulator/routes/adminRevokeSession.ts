/**
 * POST /admin/v1/managed_users/revoke_session: signs a managed user (an account on one of the
 * organization's verified domains) out of every session. Body `{user:{type:"email",email}}`, or
 * `{user:{type:"id",id}}` (the second shape is unconfirmed: `adminRevokeSessionById`). Revoking
 * twice answers `revoked` again. The account need not be a member any more: leaving a workspace
 * (SCIM removal) does not end sessions.
 */
import { json } from '../answer';
import type { AdminEndpoint, AdminRequest } from '../admin/endpoint';
import { AdminFailure, validationError } from '../admin/errors';
import { jsonBody, stringField, uuidAt } from '../admin/query';
import { adminSwitch } from '../admin/types';

function userOf(req: AdminRequest): { userId?: string; shown: string } {
	const body = jsonBody(req.ctx);
	const user = body.user;
	if (typeof user !== 'object' || user === null || Array.isArray(user)) {
		throw validationError('body failed validation: body.user should be an object.');
	}
	const u = user as Record<string, unknown>;
	if (u.type === 'email') {
		const email = stringField(u, 'email');
		return { userId: req.org.managedUserByEmail(email, req.ctx.store), shown: email };
	}
	if (u.type === 'id' && adminSwitch(req.ctx.behaviours, 'adminRevokeSessionById')) {
		const id = uuidAt(u.id, 'body.user.id');
		return { userId: req.org.managedUserById(id, req.ctx.store), shown: id };
	}
	const types = adminSwitch(req.ctx.behaviours, 'adminRevokeSessionById') ? '`"email"` or `"id"`' : '`"email"`';
	throw validationError(`body failed validation: body.user.type should be ${types}, instead was \`${JSON.stringify(u.type ?? null)}\`.`);
}

export const revokeSession: AdminEndpoint = {
	method: 'POST',
	path: '/managed_users/revoke_session',
	scope: 'managed-user-session:write',
	family: 'type',
	handle: (req) => {
		const { userId, shown } = userOf(req);
		if (userId !== undefined) req.org.revokeSessions(userId);
		else if (adminSwitch(req.ctx.behaviours, 'adminRevokeSessionUnknown') === '404') {
			throw new AdminFailure(404, 'object_not_found', `Could not find a managed user: ${shown}.`);
		}
		return json(200, { status: 'revoked' });
	},
};
