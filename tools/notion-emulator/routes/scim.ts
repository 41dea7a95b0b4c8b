/** SCIM 2.0 at /scim/v2: token, plan and revocation checks, then the resource routes. */
import type { Answer } from '../answer';
import type { RequestContext } from '../context';
import { ScimFailure, scimError, type ScimType } from '../errors';
import type { Behaviours } from '../types';
import { scimDiscovery } from './scimDiscovery';
import { scimGroups } from './scimGroups';
import { scimUsers } from './scimUsers';

export function scimApi(ctx: RequestContext): Answer {
	return withMediaType(answerScim(ctx), ctx.behaviours);
}

/** A body in the media type this server uses (RFC 7644 §3.1: application/scim+json). */
function withMediaType(answer: Answer, behaviours: Behaviours): Answer {
	if (answer.body === undefined || behaviours.scimMediaType === 'application/json') return answer;
	return {
		...answer,
		headers: { ...answer.headers, 'content-type': `${behaviours.scimMediaType}; charset=utf-8` },
	};
}

/** For servers that put a scimType on every error, the one that fits its status best. */
function typedFailure(failure: ScimFailure, behaviours: Behaviours): ScimFailure {
	if (!behaviours.scimTypeOnEveryError || failure.scimType !== undefined) return failure;
	const scimType: ScimType =
		failure.status === 404
			? 'noTarget'
			: failure.status === 409
				? 'uniqueness'
				: failure.status === 403
					? 'mutability'
					: 'invalidValue';
	return new ScimFailure(failure.status, failure.detail, scimType, failure.headers);
}

function answerScim(ctx: RequestContext): Answer {
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
		if (e instanceof ScimFailure) {
			return scimError(typedFailure(e, behaviours), behaviours.scimErrorStatusType);
		}
		throw e;
	}
}
