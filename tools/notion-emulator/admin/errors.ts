/**
 * The Admin API's two error bodies. The spec's `adminApiError*` family is strict
 * `{type:"error",code,status,message}`; the `adminApiPublicError*` family is, by its name and the
 * codes the newer pages cite, the public API's `{object:"error",status,code,message,request_id}`
 * (the HTTP layer adds request_id, matching the x-notion-request-id header). Which endpoint uses
 * which is a guess (the reference's); `adminErrorEnvelope` forces one family everywhere.
 */
import type { Answer } from '../answer';
import type { Behaviours } from '../types';
import { adminSwitch } from './types';

export type ErrorFamily = 'type' | 'object';

/** Thrown by an Admin API handler; the router answers it in the endpoint's family. */
export class AdminFailure extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
	) {
		super(message);
	}
}

export function validationError(message: string): AdminFailure {
	return new AdminFailure(400, 'validation_error', message);
}

export function adminError(failure: AdminFailure, family: ErrorFamily, behaviours: Behaviours): Answer {
	const forced = adminSwitch(behaviours, 'adminErrorEnvelope');
	const chosen = forced === 'perEndpoint' ? family : forced;
	const { status, code, message } = failure;
	const body =
		chosen === 'type'
			? { type: 'error', code, status, message }
			: { object: 'error', status, code, message };
	return { status, body };
}
