/** SCIM 2.0 at /scim/v2: token, plan and revocation checks, then the resource routes. */
import type { Answer } from '../answer';
import type { RequestContext } from '../context';
import { ScimFailure, scimError } from '../errors';
import { scimDiscovery } from './scimDiscovery';
import { scimGroups } from './scimGroups';
import { scimUsers } from './scimUsers';

export function scimApi(ctx: RequestContext): Answer {
	const { store, behaviours } = ctx;
	try {
		if (ctx.bearer !== store.tokens.scim)
			throw new ScimFailure(401, 'The bearer token is missing or invalid');
		if (store.info.plan !== 'enterprise') {
			throw new ScimFailure(
				behaviours.notEnterpriseStatus,
				'SCIM provisioning is available on the Enterprise plan only',
			);
		}
		if (store.scimRevoked)
			throw new ScimFailure(behaviours.scimRevokedStatus, 'This SCIM token has been revoked');
		switch (ctx.segments[0]) {
			case 'Users':
				return scimUsers(ctx);
			case 'Groups':
				return scimGroups(ctx);
			case 'ServiceProviderConfig':
			case 'ResourceTypes':
				return scimDiscovery(ctx);
			default:
				throw new ScimFailure(404, `No SCIM endpoint at /${ctx.segments.join('/')}`);
		}
	} catch (e) {
		if (e instanceof ScimFailure) return scimError(e, behaviours.scimErrorStatusType);
		throw e;
	}
}
